// The syntax tree. Nodes are immutable values with extents; the runtime compiles them into
// executable form and never needs the parser again. Names keep the user's spelling; every
// comparison of names is case-insensitive and happens in the runtime.

/// A script, a function body or a `{ … }` literal.
public struct ScriptBlockAst: Sendable {
    /// `[CmdletBinding()]` and other attributes written before `param(…)`.
    public var attributes: [AttributeAst]
    public var paramBlock: ParamBlockAst?
    /// Statements of `begin {}`, `process {}`, `end {}`; a block without named blocks puts its
    /// statements in `end` (as PowerShell does). `dynamicparam` is not supported.
    public var beginBlock: [Statement]?
    public var processBlock: [Statement]?
    public var endBlock: [Statement]?
    /// True when the body used named blocks (`begin`/`process`/`end`) rather than plain statements.
    public var hasNamedBlocks: Bool
    /// `#Requires` lines, as their raw text after `#Requires` (e.g. `-Modules Foo`).
    public var requires: [String]
    public var extent: SourceExtent

    public init(attributes: [AttributeAst] = [], paramBlock: ParamBlockAst? = nil,
                beginBlock: [Statement]? = nil, processBlock: [Statement]? = nil,
                endBlock: [Statement]? = nil, hasNamedBlocks: Bool = false,
                requires: [String] = [], extent: SourceExtent) {
        self.attributes = attributes
        self.paramBlock = paramBlock
        self.beginBlock = beginBlock
        self.processBlock = processBlock
        self.endBlock = endBlock
        self.hasNamedBlocks = hasNamedBlocks
        self.requires = requires
        self.extent = extent
    }
}

/// `param( … )` with the attributes written before it (`[CmdletBinding()]`).
public struct ParamBlockAst: Sendable {
    public var attributes: [AttributeAst]
    public var parameters: [ParameterAst]
    public var extent: SourceExtent

    public init(attributes: [AttributeAst], parameters: [ParameterAst], extent: SourceExtent) {
        self.attributes = attributes
        self.parameters = parameters
        self.extent = extent
    }
}

/// One parameter: `[Parameter(Mandatory)] [string[]] $Name = 'x'`.
public struct ParameterAst: Sendable {
    /// Variable name without `$`.
    public var name: String
    /// Attributes (`[Parameter(...)]`, `[Alias(...)]`, `[Validate…]`) in source order.
    public var attributes: [AttributeAst]
    /// Type constraints (`[int]`) in source order; the last one written is innermost.
    public var typeConstraints: [TypeName]
    public var defaultValue: Expression?
    public var extent: SourceExtent

    public init(name: String, attributes: [AttributeAst], typeConstraints: [TypeName],
                defaultValue: Expression?, extent: SourceExtent) {
        self.name = name
        self.attributes = attributes
        self.typeConstraints = typeConstraints
        self.defaultValue = defaultValue
        self.extent = extent
    }
}

/// `[Name(positional, Named = value, Flag)]`; a named argument without a value means `$true`.
public struct AttributeAst: Sendable {
    public var typeName: TypeName
    public var positionalArguments: [Expression]
    public var namedArguments: [NamedAttributeArgument]
    public var extent: SourceExtent

    public init(typeName: TypeName, positionalArguments: [Expression],
                namedArguments: [NamedAttributeArgument], extent: SourceExtent) {
        self.typeName = typeName
        self.positionalArguments = positionalArguments
        self.namedArguments = namedArguments
        self.extent = extent
    }
}

public struct NamedAttributeArgument: Sendable {
    public var name: String
    /// nil when written without `= value` (`[Parameter(Mandatory)]`).
    public var value: Expression?
    public var extent: SourceExtent

    public init(name: String, value: Expression?, extent: SourceExtent) {
        self.name = name
        self.value = value
        self.extent = extent
    }
}

/// A type as written inside `[ ]`: `int`, `string[]`, `System.Collections.Generic.List[string]`.
public struct TypeName: Sendable, Equatable, CustomStringConvertible {
    /// The name without generic arguments or array brackets, as written (`System.String`, `int`).
    public var name: String
    public var genericArguments: [TypeName]
    /// Array rank: 0 for `int`, 1 for `int[]`, 2 for `int[,]` (jagged `int[][]` nests via `elementTypeName`).
    public var arrayRank: Int
    /// For an array type, the element type (`int` for `int[]`).
    public var elementTypeName: TypeName? { arrayRank > 0 ? elementBox.first : nil }
    private var elementBox: [TypeName]
    public var extent: SourceExtent

    public init(name: String, genericArguments: [TypeName] = [], extent: SourceExtent = .empty) {
        self.name = name
        self.genericArguments = genericArguments
        self.arrayRank = 0
        self.elementBox = []
        self.extent = extent
    }

    /// An array of `element` (`element[]`).
    public init(arrayOf element: TypeName, rank: Int = 1, extent: SourceExtent = .empty) {
        self.name = element.name
        self.genericArguments = element.genericArguments
        self.arrayRank = rank
        self.elementBox = [element]
        self.extent = extent
    }

    /// Full spelling, e.g. `System.Collections.Generic.List[string]` or `int[]`.
    public var description: String {
        if let element = elementTypeName {
            return element.description + "[" + String(repeating: ",", count: arrayRank - 1) + "]"
        }
        if genericArguments.isEmpty { return name }
        return name + "[" + genericArguments.map(\.description).joined(separator: ",") + "]"
    }

    public static func == (lhs: TypeName, rhs: TypeName) -> Bool { lhs.description == rhs.description }
}

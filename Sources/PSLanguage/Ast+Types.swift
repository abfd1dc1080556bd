// Type definitions (`class`, `enum`) and `using` statements.

/// `class Name : Base { members }` or `enum Name { A; B = 5 }`.
public struct TypeDefinitionAst: Sendable {
    public var name: String
    public var isEnum: Bool
    /// Attributes before the keyword (`[Flags()]`).
    public var attributes: [AttributeAst]
    /// For a class: the base class first, then interfaces. For an enum: the underlying type, if written.
    public var baseTypes: [TypeName]
    public var members: [MemberAst]
    public var extent: SourceExtent

    public init(name: String, isEnum: Bool, attributes: [AttributeAst], baseTypes: [TypeName], members: [MemberAst],
                extent: SourceExtent) {
        self.name = name
        self.isEnum = isEnum
        self.attributes = attributes
        self.baseTypes = baseTypes
        self.members = members
        self.extent = extent
    }
}

public enum MemberAst: Sendable {
    case property(PropertyMemberAst)
    case method(FunctionMemberAst)

    public var name: String {
        switch self {
        case .property(let p): return p.name
        case .method(let m): return m.name
        }
    }
}

/// `static hidden [int]$Count = 0` in a class, or `Name = 5` in an enum (the value is `initializer`).
public struct PropertyMemberAst: Sendable {
    public var name: String
    public var type: TypeName?
    public var initializer: Expression?
    public var isStatic: Bool
    public var isHidden: Bool
    public var attributes: [AttributeAst]
    public var extent: SourceExtent

    public init(name: String, type: TypeName?, initializer: Expression?, isStatic: Bool, isHidden: Bool,
                attributes: [AttributeAst], extent: SourceExtent) {
        self.name = name
        self.type = type
        self.initializer = initializer
        self.isStatic = isStatic
        self.isHidden = isHidden
        self.attributes = attributes
        self.extent = extent
    }
}

/// A method or constructor: `[string] Name([int]$x) { … }`, `Name() : base(1) { … }`.
public struct FunctionMemberAst: Sendable {
    public var name: String
    public var parameters: [ParameterAst]
    /// nil when no return type is written (a constructor, or a method that returns nothing).
    public var returnType: TypeName?
    public var body: ScriptBlockAst
    public var isStatic: Bool
    public var isHidden: Bool
    public var isConstructor: Bool
    /// `: base(args)` after a constructor's parameters.
    public var baseArguments: [Expression]?
    public var extent: SourceExtent

    public init(name: String, parameters: [ParameterAst], returnType: TypeName?, body: ScriptBlockAst, isStatic: Bool,
                isHidden: Bool, isConstructor: Bool, baseArguments: [Expression]?, extent: SourceExtent) {
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.body = body
        self.isStatic = isStatic
        self.isHidden = isHidden
        self.isConstructor = isConstructor
        self.baseArguments = baseArguments
        self.extent = extent
    }
}

/// `using namespace X.Y`, `using module Name`, `using assembly Path`.
public struct UsingStatementAst: Sendable {
    public enum Kind: String, Sendable {
        case namespace, module, assembly
    }
    public var kind: Kind
    public var name: String
    public var extent: SourceExtent

    public init(kind: Kind, name: String, extent: SourceExtent) {
        self.kind = kind
        self.name = name
        self.extent = extent
    }
}

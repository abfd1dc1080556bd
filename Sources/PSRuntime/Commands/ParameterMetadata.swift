/// Everything the binder, help, completion and the role check know about one parameter.
/// Cmdlets produce it from their declaration; script functions from their `param()` block.
public struct ParameterMetadata: Sendable {
    public var name: String
    public var aliases: [String]
    /// The type as help shows it: `String`, `Int32`, `SwitchParameter`, `Object[]`, `ScriptBlock`.
    public var typeName: String
    public var isSwitch: Bool
    /// Parameter sets this parameter belongs to; empty means every set (`__AllParameterSets`).
    public var sets: [ParameterSetMembership]
    public var validators: [ParameterValidator]
    public var help: String
    /// Default shown by help (`None` when nil).
    public var defaultValueText: String?
    /// Fixed values (enum members, ValidateSet) for completion and conversion errors.
    public var allowedValues: [String]?
    /// True when the type is a collection (`String[]`): several positional or pipeline values may bind.
    public var isCollection: Bool
    /// The file or folder the parameter names, when it names one: the role check follows it
    /// (see `FileUse`); nil for parameters that name no file.
    public var files: FileUse?
    /// Converts an argument to the parameter's type, returning it as a `PSValue`
    /// (e.g. `"5"` → `.int(5)` for an `Int32` parameter). Throws `RuntimeError` when it can't.
    public var coerce: @Sendable (PSValue, ExecutionContext) throws -> PSValue

    public init(name: String, aliases: [String] = [], typeName: String, isSwitch: Bool = false,
                sets: [ParameterSetMembership] = [], validators: [ParameterValidator] = [],
                help: String = "", defaultValueText: String? = nil, allowedValues: [String]? = nil,
                isCollection: Bool = false, files: FileUse? = nil,
                coerce: @escaping @Sendable (PSValue, ExecutionContext) throws -> PSValue) {
        self.name = name
        self.aliases = aliases
        self.typeName = typeName
        self.isSwitch = isSwitch
        self.sets = sets
        self.validators = validators
        self.help = help
        self.defaultValueText = defaultValueText
        self.allowedValues = allowedValues
        self.isCollection = isCollection
        self.files = files
        self.coerce = coerce
    }

    public static let allSetsName = "__AllParameterSets"

    /// True when some parameter set binds it from the pipeline (by value or by property name).
    public var takesPipelineInput: Bool {
        sets.contains { $0.valueFromPipeline || $0.valueFromPipelineByPropertyName }
    }

    /// Membership in a set, or the all-sets membership when the parameter is in every set.
    public func membership(in set: String) -> ParameterSetMembership? {
        if sets.isEmpty { return nil }
        return sets.first { $0.name.equalsIgnoringCase(set) } ?? sets.first { $0.name == Self.allSetsName }
    }
}

/// What a command does with the file or folder a parameter (or the engine) names. Declared on
/// the parameter, it drives the role check of the bound value; passed to
/// `ExecutionContext.authorizeFile`, it is checked where the file is really touched.
public enum FileUse: String, Sendable {
    /// Opens, lists or looks at the item, changing nothing.
    case reads = "Read"
    /// Creates or changes the item (which also reads it).
    case writes = "Write"
    /// Deletes, moves or renames the item: it stops being there, with all it holds.
    case deletes = "Delete"
    /// The existing item a new link points at (New-Item -ItemType SymbolicLink/HardLink -Value).
    case linkTarget = "LinkTarget"
}

/// How a parameter takes part in one parameter set (PowerShell's `[Parameter()]` attribute).
public struct ParameterSetMembership: Sendable {
    public var name: String
    public var position: Int?
    public var mandatory: Bool
    public var valueFromPipeline: Bool
    public var valueFromPipelineByPropertyName: Bool
    public var valueFromRemainingArguments: Bool
    public var helpMessage: String?

    public init(name: String = ParameterMetadata.allSetsName, position: Int? = nil, mandatory: Bool = false,
                valueFromPipeline: Bool = false, valueFromPipelineByPropertyName: Bool = false,
                valueFromRemainingArguments: Bool = false, helpMessage: String? = nil) {
        self.name = name
        self.position = position
        self.mandatory = mandatory
        self.valueFromPipeline = valueFromPipeline
        self.valueFromPipelineByPropertyName = valueFromPipelineByPropertyName
        self.valueFromRemainingArguments = valueFromRemainingArguments
        self.helpMessage = helpMessage
    }
}

/// Pipeline input modes of a parameter.
public struct PipelineInput: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let byValue = PipelineInput(rawValue: 1)
    public static let byPropertyName = PipelineInput(rawValue: 2)
}

/// Argument validation, checked after conversion (`[ValidateSet]`, `[ValidateRange]`, …).
public enum ParameterValidator: Sendable {
    case set([String], ignoreCase: Bool)
    case range(min: Double, max: Double)
    case notNull
    case notNullOrEmpty
    case pattern(String)
    case count(min: Int, max: Int)
    case length(min: Int, max: Int)
    /// `[ValidateScript({ … })]`: evaluated with `$_` set to the value; must return true.
    case script(ScriptBlockReference)
}

/// A script block held by `Sendable` metadata: the runtime creates the block from the
/// parsed text when it validates.
public struct ScriptBlockReference: Sendable {
    public let source: String
    public init(source: String) { self.source = source }
}

/// The parameters every cmdlet and advanced function accepts.
public enum CommonParameters {
    public static let names: [(name: String, aliases: [String], typeName: String, isSwitch: Bool)] = [
        ("Verbose", ["vb"], "SwitchParameter", true),
        ("Debug", ["db"], "SwitchParameter", true),
        ("ErrorAction", ["ea"], "ActionPreference", false),
        ("WarningAction", ["wa"], "ActionPreference", false),
        ("InformationAction", ["infa"], "ActionPreference", false),
        ("ErrorVariable", ["ev"], "String", false),
        ("WarningVariable", ["wv"], "String", false),
        ("InformationVariable", ["iv"], "String", false),
        ("OutVariable", ["ov"], "String", false),
        ("OutBuffer", ["ob"], "Int32", false),
        ("PipelineVariable", ["pv"], "String", false),
        ("ProgressAction", ["proga"], "ActionPreference", false),
    ]
    public static let shouldProcess: [(name: String, aliases: [String], typeName: String, isSwitch: Bool)] = [
        ("WhatIf", ["wi"], "SwitchParameter", true),
        ("Confirm", ["cf"], "SwitchParameter", true),
    ]
}

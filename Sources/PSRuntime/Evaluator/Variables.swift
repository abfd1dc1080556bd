/// A variable: a named, mutable cell living in one scope.
public final class PSVariable {
    public let name: String
    public var value: PSValue
    public var options: VariableOptions
    public var description: String
    /// `[int]$x = 1` keeps converting later assignments to `[int]`.
    public var typeConstraint: PSTypeInfo?
    /// `[ValidateRange(1,5)]$x = 1` keeps validating later assignments.
    public var validators: [ParameterValidator] = []
    /// Set when the variable is removed, so cached lookups notice.
    public internal(set) var isRemoved = false

    /// True when an assignment is a plain store: no options, type constraint or validators.
    var isPlain: Bool { options.isEmpty && typeConstraint == nil && validators.isEmpty }

    public init(name: String, value: PSValue, options: VariableOptions = [], description: String = "") {
        self.name = name
        self.value = value
        self.options = options
        self.description = description
    }
}

public struct VariableOptions: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let readOnly = VariableOptions(rawValue: 1)
    public static let constant = VariableOptions(rawValue: 2)
    public static let `private` = VariableOptions(rawValue: 4)
    public static let allScope = VariableOptions(rawValue: 8)

    /// The option names as PowerShell prints them (`ReadOnly, AllScope`), `None` when empty.
    public var displayText: String {
        var names: [String] = []
        if contains(.readOnly) { names.append("ReadOnly") }
        if contains(.constant) { names.append("Constant") }
        if contains(.private) { names.append("Private") }
        if contains(.allScope) { names.append("AllScope") }
        return names.isEmpty ? "None" : names.joined(separator: ", ")
    }
}

/// One level of PowerShell's dynamic scoping: the global scope, a script's scope, a function
/// call's scope. Loops and dot-sourced blocks run in the scope they are in.
public final class Scope {
    public let parent: Scope?
    public internal(set) var variables: [CaseInsensitiveKey: PSVariable] = [:]
    public internal(set) var functions: [CaseInsensitiveKey: FunctionInfo] = [:]
    public internal(set) var aliases: [CaseInsensitiveKey: AliasInfo] = [:]
    /// True for the scope of a script file (`$script:` resolves to the nearest such scope).
    public let isScriptScope: Bool
    /// `Set-StrictMode` set in this scope: a version (0 = off), or nil to inherit the parent's.
    public internal(set) var strictModeVersion: Int?

    public init(parent: Scope?, isScriptScope: Bool = false) {
        self.parent = parent
        self.isScriptScope = isScriptScope
    }

    public var isGlobal: Bool { parent == nil }

    /// The variable defined in this scope itself (no parent lookup).
    public func localVariable(_ name: String) -> PSVariable? { variables[CaseInsensitiveKey(name)] }
}

/// An alias: a name that stands for a command name.
public struct AliasInfo: Sendable {
    public var name: String
    public var definition: String
    public var description: String
    public var options: VariableOptions

    public init(name: String, definition: String, description: String = "", options: VariableOptions = []) {
        self.name = name
        self.definition = definition
        self.description = description
        self.options = options
    }
}

/// The cmdlets a session knows, by name, plus the built-in aliases they declare.
/// Functions and user aliases live in scopes; this table holds what is compiled in.
public final class CommandTable {
    private var cmdlets: [CaseInsensitiveKey: CmdletDeclaration] = [:]
    private var order: [CmdletDeclaration] = []

    public init(_ declarations: [CmdletDeclaration] = []) {
        for d in declarations { register(d) }
    }

    /// Adds a cmdlet (replacing one with the same name).
    public func register(_ declaration: CmdletDeclaration) {
        let key = CaseInsensitiveKey(declaration.name)
        if cmdlets[key] == nil { order.append(declaration) } else {
            order.removeAll { $0.name.equalsIgnoringCase(declaration.name) }
            order.append(declaration)
        }
        cmdlets[key] = declaration
    }

    public func cmdlet(named name: String) -> CmdletDeclaration? { cmdlets[CaseInsensitiveKey(name)] }

    /// All cmdlets in registration order.
    public var all: [CmdletDeclaration] { order }
}

/// A script function or filter defined with `function`/`filter`.
public final class FunctionInfo {
    public let name: String
    public let scriptBlock: ScriptBlock
    public let isFilter: Bool
    public var options: VariableOptions
    /// The module that exported it, when any.
    public var moduleName: String?
    /// For module functions, the module's scope: calls run in a child of it (not of the caller's
    /// scope), so the module's private functions and `$script:` variables stay its own.
    public var definingScope: Scope?

    public init(name: String, scriptBlock: ScriptBlock, isFilter: Bool, options: VariableOptions = []) {
        self.name = name
        self.scriptBlock = scriptBlock
        self.isFilter = isFilter
        self.options = options
    }
}

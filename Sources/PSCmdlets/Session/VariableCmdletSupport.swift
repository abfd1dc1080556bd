import PSRuntime

/// What the *-Variable cmdlets share: finding variables by wildcard, the `-Scope` argument,
/// the PSVariable objects they output and PowerShell's error records.
enum VariableCmdletSupport {
    static let variableTypeNames = ["System.Management.Automation.PSVariable", "System.Object"]

    /// The scope a `-Scope` argument names, or nil when none was given.
    static func scope(_ argument: String?, _ context: CommandContext) throws -> Scope? {
        guard let argument, !argument.isEmpty else { return nil }
        if let scope = context.session.scope(named: argument) { return scope }
        if Int(argument) != nil {
            throw context.terminatingError("The scope number '\(argument)' is beyond the number of scopes in use.",
                                           id: "ArgumentOutOfRange", category: .InvalidArgument,
                                           target: .string(argument),
                                           exceptionType: "System.Management.Automation.PSArgumentOutOfRangeException")
        }
        throw context.terminatingError("'\(argument)' is not a scope; use Global, Script, Local, Private or a number of levels up.",
                                       id: "Argument", category: .InvalidArgument, target: .string(argument),
                                       exceptionType: "System.Management.Automation.PSArgumentException")
    }

    /// Variables of one scope (when `scope` is given) or all visible ones, sorted by name.
    static func candidates(in scope: Scope?, _ context: CommandContext) -> [PSVariable] {
        guard let scope else { return context.session.visibleVariables() }
        return scope.variables.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Variables whose names match `pattern` and the include/exclude filters.
    static func matching(_ pattern: String, include: [String], exclude: [String], in variables: [PSVariable]) -> [PSVariable] {
        let wildcard = WildcardPattern(pattern)
        let includes = include.map { WildcardPattern($0) }
        let excludes = exclude.map { WildcardPattern($0) }
        return variables.filter { variable in
            wildcard.matches(variable.name)
                && (includes.isEmpty || includes.contains { $0.matches(variable.name) })
                && !excludes.contains { $0.matches(variable.name) }
        }
    }

    /// The scope that holds the variable visible under `name` from the current scope.
    static func owningScope(of name: String, _ context: CommandContext) -> Scope? {
        var scope: Scope? = context.session.currentScope
        while let current = scope {
            if current.localVariable(name) != nil { return current }
            scope = current.parent
        }
        return nil
    }

    /// A PSVariable as PowerShell outputs it (the default view shows Name and Value).
    static func object(for variable: PSVariable) -> PSValue {
        let object = PSObject(typeNames: variableTypeNames)
        object["Name"] = .string(variable.name)
        object["Description"] = .string(variable.description)
        object["Value"] = variable.value
        object["Visibility"] = .string("Public")
        object["Module"] = .null
        object["ModuleName"] = .string("")
        object["Options"] = .string(variable.options.displayText)
        object["Attributes"] = .array([])
        return .object(object)
    }

    static func notFound(_ name: String) -> ErrorRecord {
        ErrorRecord("There is no variable named '\(name)'.", id: "VariableNotFound", category: .ObjectNotFound,
                    exceptionType: "System.Management.Automation.ItemNotFoundException", target: .string(name))
    }

    static func alreadyExists(_ name: String) -> ErrorRecord {
        ErrorRecord("The variable '\(name)' exists already.", id: "VariableAlreadyExists", category: .ResourceExists,
                    exceptionType: "System.Management.Automation.SessionStateException", target: .string(name))
    }

    static func notWritable(_ name: String) -> ErrorRecord {
        ErrorRecord("The variable '\(name)' is read-only or constant and cannot be changed.", id: "VariableNotWritable",
                    category: .WriteError, exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
                    target: .string(name))
    }

    static func notRemovable(_ name: String) -> ErrorRecord {
        ErrorRecord("The variable '\(name)' is read-only or constant and cannot be removed (use -Force for read-only variables).",
                    id: "VariableNotRemovable", category: .WriteError,
                    exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
                    target: .string(name))
    }

    /// True when the variable may be changed: constants never, read-only ones only with -Force.
    static func isWritable(_ variable: PSVariable, force: Bool) -> Bool {
        if variable.options.contains(.constant) { return false }
        return force || !variable.options.contains(.readOnly)
    }

    /// Stores a value, bypassing the read-only flag when forced (type constraints still apply).
    static func store(_ value: PSValue, in variable: PSVariable, force: Bool, _ context: CommandContext) throws {
        if force && variable.options.contains(.readOnly) {
            let saved = variable.options
            variable.options.remove(.readOnly)
            defer { variable.options = saved }
            try context.session.assign(value, to: variable)
        } else {
            try context.session.assign(value, to: variable)
        }
    }

    /// The text ShouldProcess shows for a variable change.
    static func target(_ name: String, value: PSValue?, _ context: CommandContext) -> String {
        guard let value else { return "Name: \(name)" }
        return "Name: \(name) Value: \(LanguagePrimitives.toString(value, context: context.session))"
    }
}

import PSRuntime

/// What the *-Alias cmdlets share: the alias visible under a name, where to define one, errors.
enum AliasCmdletSupport {
    /// Aliases of one scope (when given) or all visible ones, sorted by name.
    static func candidates(in scope: Scope?, _ context: CommandContext) -> [AliasInfo] {
        guard let scope else { return context.session.visibleAliases() }
        return scope.aliases.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// The alias that setting `name` in `scope` would replace: one defined there, or an AllScope
    /// alias visible from there (PowerShell copies those into every scope).
    static func existing(_ name: String, in scope: Scope, _ context: CommandContext) -> AliasInfo? {
        if let local = scope.aliases[CaseInsensitiveKey(name)] { return local }
        if let visible = context.session.alias(named: name), visible.options.contains(.allScope) { return visible }
        return nil
    }

    static func notWritable(_ name: String) -> ErrorRecord {
        ErrorRecord("The alias '\(name)' is read-only or constant; it can't be changed (use -Force for read-only aliases).",
                    id: "AliasNotWritable", category: .WriteError,
                    exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException", target: .string(name))
    }

    static func alreadyExists(_ name: String) -> ErrorRecord {
        ErrorRecord("An alias named '\(name)' exists already.", id: "AliasAlreadyExists", category: .ResourceExists,
                    exceptionType: "System.Management.Automation.SessionStateException", target: .string(name))
    }

    /// Defines the alias unless an existing one forbids it; returns the new alias or nil after an error.
    static func define(name: String, value: String, description: String?, option: ScopedItemOptionsArgument?,
                       force: Bool, failIfExists: Bool, scope: String?, action: String,
                       _ context: CommandContext) throws -> AliasInfo? {
        let target = try VariableCmdletSupport.scope(scope, context) ?? context.session.currentScope
        if let old = existing(name, in: target, context) {
            if failIfExists && !force {
                try context.writeError(alreadyExists(name))
                return nil
            }
            if old.options.contains(.constant) || (old.options.contains(.readOnly) && !force) {
                try context.writeError(notWritable(name))
                return nil
            }
        }
        guard try context.shouldProcess(target: "Name: \(name) Value: \(value)", action: action) else { return nil }
        let alias = AliasInfo(name: name, definition: value, description: description ?? "", options: option?.options ?? [])
        let owner = alias.options.contains(.allScope) || existing(name, in: target, context)?.options.contains(.allScope) == true
            ? context.session.globalScope : target
        context.session.defineAlias(alias, in: owner)
        return alias
    }
}

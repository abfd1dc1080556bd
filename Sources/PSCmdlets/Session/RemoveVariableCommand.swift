import PSRuntime

/// Deletes variables.
final class RemoveVariableCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveVariableCommand.self, name: "Remove-Variable", aliases: ["rv"],
        synopsis: "Deletes variables and their values.",
        description: "Removes each matching variable from the scope that holds it. Constants cannot be removed; read-only variables only with -Force.",
        supportsShouldProcess: true,
        examples: [HelpExample("Remove-Variable temp*", "Deletes the variables whose names start with temp.")],
        parameters: [
            Parameter("Name", \.name, position: 0, mandatory: true, pipeline: .byPropertyName,
                      help: "Names of the variables to remove; wildcards are allowed."),
            Parameter("Include", \.include, help: "Only variables whose names match one of these patterns."),
            Parameter("Exclude", \.exclude, help: "Leaves out variables whose names match one of these patterns."),
            .switchParameter("Force", \.force, help: "Removes read-only variables too."),
            Parameter("Scope", \.scope, help: "Removes only from this scope: Global, Script, Local or a number of levels up."),
        ])

    var name: [String] = []
    var include: [String] = []
    var exclude: [String] = []
    var force = false
    var scope: String?

    func process(_ context: CommandContext) throws {
        let lookupScope = try VariableCmdletSupport.scope(scope, context)
        for pattern in name {
            let matches = VariableCmdletSupport.matching(pattern, include: include, exclude: exclude,
                                                         in: VariableCmdletSupport.candidates(in: lookupScope, context))
            if matches.isEmpty && !WildcardPattern.containsWildcard(pattern) {
                try context.writeError(VariableCmdletSupport.notFound(pattern))
                continue
            }
            for variable in matches {
                guard VariableCmdletSupport.isWritable(variable, force: force) else {
                    try context.writeError(VariableCmdletSupport.notRemovable(variable.name))
                    continue
                }
                guard try context.shouldProcess(target: "Name: \(variable.name)", action: "Remove variable") else { continue }
                let owner = lookupScope ?? VariableCmdletSupport.owningScope(of: variable.name, context)
                context.session.removeVariable(variable.name, scope: owner)
            }
        }
    }
}

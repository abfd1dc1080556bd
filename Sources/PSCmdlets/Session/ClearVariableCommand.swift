import PSRuntime

/// Empties variables (sets them to $null) without deleting them.
final class ClearVariableCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ClearVariableCommand.self, name: "Clear-Variable", aliases: ["clv"],
        synopsis: "Sets variables to $null, keeping the variables themselves.",
        supportsShouldProcess: true,
        outputTypes: ["System.Management.Automation.PSVariable"],
        examples: [HelpExample("Clear-Variable count", "Sets $count to $null.")],
        parameters: [
            Parameter("Name", \.name, position: 0, mandatory: true, pipeline: .byPropertyName,
                      help: "Names of the variables to clear; wildcards are allowed."),
            Parameter("Include", \.include, help: "Only variables whose names match one of these patterns."),
            Parameter("Exclude", \.exclude, help: "Leaves out variables whose names match one of these patterns."),
            .switchParameter("Force", \.force, help: "Clears read-only variables too."),
            .switchParameter("PassThru", \.passThru, help: "Outputs the cleared variables."),
            Parameter("Scope", \.scope, help: "Looks only in this scope: Global, Script, Local or a number of levels up."),
        ])

    var name: [String] = []
    var include: [String] = []
    var exclude: [String] = []
    var force = false
    var passThru = false
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
                    try context.writeError(VariableCmdletSupport.notWritable(variable.name))
                    continue
                }
                guard try context.shouldProcess(target: "Name: \(variable.name)", action: "Clear variable") else { continue }
                try VariableCmdletSupport.store(.null, in: variable, force: force, context)
                if passThru { try context.write(VariableCmdletSupport.object(for: variable)) }
            }
        }
    }
}

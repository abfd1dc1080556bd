import PSRuntime

/// Empties variables (sets them to $null) without deleting them.
final class ClearVariableCommand: VariableChangingCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        ClearVariableCommand.self, name: "Clear-Variable", aliases: ["clv"],
        synopsis: "Sets variables to $null, keeping the variables themselves.",
        supportsShouldProcess: true,
        outputTypes: ["System.Management.Automation.PSVariable"],
        examples: [HelpExample("Clear-Variable count", "Sets $count to $null.")],
        parameters: selectionParameters(verb: "clear", forceHelp: "Clears read-only variables too.",
                                        scopeHelp: "Looks only in this scope: Global, Script, Local or a number of levels up.") + [
            .switchParameter("PassThru", \.passThru, help: "Outputs the cleared variables."),
        ])

    var passThru = false

    override class var action: String { "Clear variable" }

    override func change(_ variable: PSVariable, lookupScope: Scope?, _ context: CommandContext) throws {
        try VariableCmdletSupport.store(.null, in: variable, force: force, context)
        if passThru { try context.write(VariableCmdletSupport.object(for: variable)) }
    }
}

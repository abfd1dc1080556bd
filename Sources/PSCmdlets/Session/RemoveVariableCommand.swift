import PSRuntime

/// Deletes variables.
final class RemoveVariableCommand: VariableChangingCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveVariableCommand.self, name: "Remove-Variable", aliases: ["rv"],
        synopsis: "Deletes variables and their values.",
        description: "Removes each matching variable from the scope that holds it. Constants cannot be removed; read-only variables only with -Force.",
        supportsShouldProcess: true,
        examples: [HelpExample("Remove-Variable temp*", "Deletes the variables whose names start with temp.")],
        parameters: selectionParameters(verb: "remove", forceHelp: "Removes read-only variables too.",
                                        scopeHelp: "Removes only from this scope: Global, Script, Local or a number of levels up."))

    override class var action: String { "Remove variable" }
    override class func refusal(_ name: String) -> ErrorRecord { VariableCmdletSupport.notRemovable(name) }

    override func change(_ variable: PSVariable, lookupScope: Scope?, _ context: CommandContext) throws {
        let owner = lookupScope ?? VariableCmdletSupport.owningScope(of: variable.name, context)
        context.session.removeVariable(variable.name, scope: owner)
    }
}

import PSRuntime

/// Creates a variable.
final class NewVariableCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewVariableCommand.self, name: "New-Variable", aliases: ["nv"],
        synopsis: "Creates a new variable.",
        description: "Fails when a variable of that name already exists in the target scope, unless -Force is given (constants can never be replaced).",
        supportsShouldProcess: true,
        outputTypes: ["System.Management.Automation.PSVariable"],
        examples: [
            HelpExample("New-Variable -Name limit -Value 5 -Option ReadOnly", "Creates a read-only variable $limit."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, mandatory: true, pipeline: .byPropertyName, help: "The name of the new variable."),
            Parameter("Value", \.value, position: 1, pipeline: [.byValue, .byPropertyName], help: "Its initial value."),
            Parameter("Description", \.descriptionText, help: "A description for the variable."),
            Parameter("Option", \.option, help: "Options: None, ReadOnly, Constant, Private, AllScope."),
            Parameter("Visibility", \.visibility, validate: [.set(["Public", "Private"], ignoreCase: true)],
                      help: "Whether the variable is visible outside the session state (accepted, not enforced)."),
            .switchParameter("Force", \.force, help: "Replaces an existing variable that is not constant."),
            .switchParameter("PassThru", \.passThru, help: "Outputs the new variable."),
            Parameter("Scope", \.scope, help: "The scope to create the variable in: Global, Script, Local or a number of levels up."),
        ])

    var name = ""
    var value: PSValue = .null
    var descriptionText: String?
    var option: ScopedItemOptionsArgument?
    var visibility: String?
    var force = false
    var passThru = false
    var scope: String?

    func process(_ context: CommandContext) throws {
        let targetScope = try VariableCmdletSupport.scope(scope, context) ?? context.session.currentScope
        if let existing = targetScope.localVariable(name) {
            if !force {
                try context.writeError(VariableCmdletSupport.alreadyExists(name))
                return
            }
            if existing.options.contains(.constant) {
                try context.writeError(VariableCmdletSupport.notWritable(name))
                return
            }
        }
        guard try context.shouldProcess(target: VariableCmdletSupport.target(name, value: value, context), action: "New variable") else {
            return
        }
        let variable = PSVariable(name: name, value: value, options: option?.options ?? [], description: descriptionText ?? "")
        context.session.define(variable, in: targetScope)
        if passThru { try context.write(VariableCmdletSupport.object(for: variable)) }
    }
}

import PSRuntime

/// Creates an alias that must not exist yet.
final class NewAliasCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewAliasCommand.self, name: "New-Alias", aliases: ["nal"],
        synopsis: "Creates a new alias for a command.",
        description: "Fails when the alias exists already, unless -Force is given (read-only aliases need -Force, constant ones can't be replaced).",
        supportsShouldProcess: true, confirmImpact: .Low,
        outputTypes: ["System.Management.Automation.AliasInfo"],
        examples: [HelpExample("New-Alias np notepad", "Makes 'np' start notepad.")],
        parameters: [
            Parameter("Name", \.name, position: 0, mandatory: true, pipeline: .byPropertyName, help: "The alias."),
            Parameter("Value", \.value, position: 1, mandatory: true, pipeline: .byPropertyName, help: "The command it stands for."),
            Parameter("Description", \.descriptionText, help: "A description of the alias."),
            Parameter("Option", \.option, help: "Options: None, ReadOnly, Constant, Private, AllScope."),
            .switchParameter("PassThru", \.passThru, help: "Outputs the alias."),
            Parameter("Scope", \.scope, help: "The scope to define the alias in: Global, Script, Local or a number of levels up."),
            .switchParameter("Force", \.force, help: "Replaces an existing alias."),
        ])

    var name = ""
    var value = ""
    var descriptionText: String?
    var option: ScopedItemOptionsArgument?
    var passThru = false
    var scope: String?
    var force = false

    func process(_ context: CommandContext) throws {
        guard let alias = try AliasCmdletSupport.define(
            name: name, value: value, description: descriptionText, option: option, force: force,
            failIfExists: true, scope: scope, action: "New Alias", context) else { return }
        if passThru { try context.write(CommandInfoObjects.alias(alias, session: context.session)) }
    }
}

import PSRuntime

/// Creates or changes an alias.
final class SetAliasCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetAliasCommand.self, name: "Set-Alias", aliases: ["sal"],
        synopsis: "Creates or changes an alias for a command.",
        supportsShouldProcess: true, confirmImpact: .Low,
        outputTypes: ["System.Management.Automation.AliasInfo"],
        examples: [HelpExample("Set-Alias list Get-ChildItem", "Makes 'list' run Get-ChildItem.")],
        parameters: [
            Parameter("Name", \.name, position: 0, mandatory: true, pipeline: .byPropertyName, help: "The alias."),
            Parameter("Value", \.value, position: 1, mandatory: true, pipeline: .byPropertyName, help: "The command it stands for."),
            Parameter("Description", \.descriptionText, help: "A description of the alias."),
            Parameter("Option", \.option, help: "Options: None, ReadOnly, Constant, Private, AllScope."),
            .switchParameter("PassThru", \.passThru, help: "Outputs the alias."),
            Parameter("Scope", \.scope, help: "The scope to define the alias in: Global, Script, Local or a number of levels up."),
            .switchParameter("Force", \.force, help: "Changes read-only aliases too."),
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
            failIfExists: false, scope: scope, action: "Set Alias", context) else { return }
        if passThru { try context.write(CommandInfoObjects.alias(alias, session: context.session)) }
    }
}

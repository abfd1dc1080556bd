import PSRuntime

/// Creates an alias that must not exist yet.
final class NewAliasCommand: AliasDefiningCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        NewAliasCommand.self, name: "New-Alias", aliases: ["nal"],
        synopsis: "Creates a new alias for a command.",
        description: "Fails when the alias exists already, unless -Force is given (read-only aliases need -Force, constant ones can't be replaced).",
        supportsShouldProcess: true, confirmImpact: .Low,
        outputTypes: ["System.Management.Automation.AliasInfo"],
        examples: [HelpExample("New-Alias np notepad", "Makes 'np' start notepad.")],
        parameters: aliasParameters(forceHelp: "Replaces an existing alias."))

    override class var failsIfExists: Bool { true }
    override class var action: String { "New Alias" }
}

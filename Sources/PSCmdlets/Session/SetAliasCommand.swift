import PSRuntime

/// Creates or changes an alias.
final class SetAliasCommand: AliasDefiningCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        SetAliasCommand.self, name: "Set-Alias", aliases: ["sal"],
        synopsis: "Creates or changes an alias for a command.",
        supportsShouldProcess: true, confirmImpact: .Low,
        outputTypes: ["System.Management.Automation.AliasInfo"],
        examples: [HelpExample("Set-Alias list Get-ChildItem", "Makes 'list' run Get-ChildItem.")],
        parameters: aliasParameters(forceHelp: "Changes read-only aliases too."))
}

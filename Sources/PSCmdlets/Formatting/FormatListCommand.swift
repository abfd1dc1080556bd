import PSRuntime

/// Lays out objects as lists of `Name : Value` lines for the Out-* commands.
final class FormatListCommand: FormatCommandBase, Cmdlet {
    static let declaration = CmdletDeclaration(
        FormatListCommand.self, name: "Format-List", aliases: ["fl"],
        synopsis: "Shows each object as a list of its properties, one per line.",
        description: "Without -Property the type's list view or every property is shown; -Property * shows every property. The result is meant for Out-Default, Out-String or Out-File.",
        outputTypes: ["Microsoft.PowerShell.Commands.Internal.Format.FormatStartData"],
        examples: [
            HelpExample("Get-Item . | Format-List *", "Shows every property of the current folder."),
            HelpExample("$user | Format-List Name, @{Label='Mail'; Expression={$_.Email.ToLower()}}", "Shows two items, one calculated."),
        ],
        parameters: [
            Parameter("Property", \.property, position: 0,
                      help: "Property names (wildcards allowed), script blocks or hashtables with Name/Label, Expression and FormatString."),
        ] + sharedParameters())

    var property: [PSValue] = []

    func end(_ context: CommandContext) throws {
        try writeDirective(.list,
                           specs: context.isBound("Property") ? try FormatPropertySpec.parse(property, allowWidth: false, context: context) : nil,
                           context)
    }
}

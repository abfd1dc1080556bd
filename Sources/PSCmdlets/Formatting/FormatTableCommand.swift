import PSRuntime

/// Lays out objects as a table for the Out-* commands.
final class FormatTableCommand: FormatCommandBase, Cmdlet {
    static let declaration = CmdletDeclaration(
        FormatTableCommand.self, name: "Format-Table", aliases: ["ft"],
        synopsis: "Shows objects as a table with one column per property.",
        description: "The first object decides the columns: the properties given with -Property, or the type's table view, or all of its properties. The result is meant for Out-Default, Out-String or Out-File, not for further processing.",
        outputTypes: ["Microsoft.PowerShell.Commands.Internal.Format.FormatStartData"],
        examples: [
            HelpExample("Get-ChildItem | Format-Table Name, Length -AutoSize", "Shows two columns sized to their contents."),
            HelpExample("Get-Variable | Format-Table Name, @{Name='Kind'; Expression={$_.Value.GetType().Name}; Width=12}",
                        "Adds a calculated column with a fixed width."),
        ],
        parameters: [
            Parameter("Property", \.property, position: 0,
                      help: "Property names (wildcards allowed), script blocks or hashtables with Name/Label, Expression, FormatString, Width and Alignment."),
            .switchParameter("AutoSize", \.autoSize, help: "Sizes every column to its widest value."),
            .switchParameter("HideTableHeaders", \.hideTableHeaders, help: "Leaves out the header labels and dashes."),
            .switchParameter("Wrap", \.wrap, help: "Wraps long values onto more lines instead of cutting them."),
        ] + sharedParameters())

    var property: [PSValue] = []
    var autoSize = false
    var hideTableHeaders = false
    var wrap = false

    func end(_ context: CommandContext) throws {
        try writeDirective(.table(autoSize: autoSize, hideHeaders: hideTableHeaders, wrap: wrap),
                           specs: context.isBound("Property") ? try FormatPropertySpec.parse(property, allowWidth: true, context: context) : nil,
                           context)
    }
}

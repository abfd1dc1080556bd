import PSRuntime

/// Lays out objects as lists of `Name : Value` lines for the Out-* commands.
final class FormatListCommand: Cmdlet {
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
            Parameter("GroupBy", \.groupBy, help: "Starts a new list whenever this property's value changes."),
            .switchParameter("Force", \.force, help: "Accepted for compatibility; has no effect."),
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to format."),
        ])

    var property: [PSValue] = []
    var groupBy: PSValue = .null
    var force = false
    var inputObject: PSValue = .null

    private var collected: [PSValue] = []

    func process(_ context: CommandContext) throws {
        if !context.expectingInput && !context.isBound("InputObject") { return }
        collected.append(inputObject)
    }

    func end(_ context: CommandContext) throws {
        let builder = FormatDirectiveBuilder(
            kind: .list,
            specs: context.isBound("Property") ? try FormatPropertySpec.parse(property, allowWidth: false, context: context) : nil,
            groupBy: try FormatDirectiveBuilder.groupSpec(groupBy, context: context))
        if let directive = builder.build(collected, context: context) { try context.write(.object(directive)) }
    }
}

import PSRuntime

/// Lays out one property of each object in several columns for the Out-* commands.
final class FormatWideCommand: FormatCommandBase, Cmdlet {
    static let declaration = CmdletDeclaration(
        FormatWideCommand.self, name: "Format-Wide", aliases: ["fw"],
        synopsis: "Shows one property of each object, several objects per line.",
        description: "Without -Property the object's name-like property (Name, Id, Key, …) is shown. Items fill the lines from left to right in two columns, or -Column columns, or as many as fit with -AutoSize.",
        outputTypes: ["Microsoft.PowerShell.Commands.Internal.Format.FormatStartData"],
        examples: [
            HelpExample("Get-ChildItem | Format-Wide -Column 4", "Shows the names in four columns."),
            HelpExample("Get-Command | Format-Wide Name -AutoSize", "Fits as many names per line as the screen allows."),
        ],
        parameters: [
            Parameter("Property", \.property, position: 0, help: "The property (or script block) to show."),
            Parameter("Column", \.column, validate: [.range(min: 1, max: 10_000)], help: "The number of columns."),
            .switchParameter("AutoSize", \.autoSize, help: "Fits as many columns as the widest value allows."),
        ] + sharedParameters())

    var property: PSValue = .null
    var column: Int?
    var autoSize = false

    func end(_ context: CommandContext) throws {
        let specs = property.isNull ? nil : try FormatPropertySpec.parse([property], allowWidth: false, context: context)
        try writeDirective(.wide(columns: column, autoSize: autoSize), specs: specs.map { Array($0.prefix(1)) }, context)
    }
}

import PSRuntime

/// Writes objects as lines of CSV text.
final class ConvertToCsvCommand: CsvWritingCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        ConvertToCsvCommand.self, name: "ConvertTo-Csv",
        synopsis: "Turns objects into CSV lines: a header from the first object's properties, then one line per object.",
        defaultParameterSet: "Delimiter", outputTypes: ["System.String"],
        examples: [HelpExample("[pscustomobject]@{ a = 1; b = 'x' } | ConvertTo-Csv", "Writes \"a\",\"b\" and \"1\",\"x\"."),
                   HelpExample("$rows | ConvertTo-Csv -Delimiter ';' -UseQuotes AsNeeded", "Semicolons, quotes only where needed.")],
        parameters: [
            Parameter("InputObject", \.inputObject, position: 0, mandatory: true, pipeline: .byValue, help: "The objects to convert."),
        ] + csvOptionParameters())

    var inputObject: PSValue = .null

    private var formatter: CsvFormatter?

    func process(_ context: CommandContext) throws {
        if formatter == nil {
            formatter = try makeFormatter(context)
        }
        for line in formatter?.lines(for: inputObject, context: context.session) ?? [] {
            try context.write(.string(line))
        }
    }
}

/// Argument handling the CSV cmdlets share.
enum CsvOptions {
    /// The delimiter character; a comma when none is given.
    static func delimiter(_ text: String?, context: CommandContext) throws -> Character {
        guard let text, !text.isEmpty else { return "," }
        guard text.count == 1, let c = text.first else {
            throw context.terminatingError("The delimiter must be exactly one character, not '\(text)'.",
                                           id: "ParameterArgumentTransformationError", category: .InvalidData,
                                           target: .string(text),
                                           exceptionType: "System.Management.Automation.ParameterBindingException")
        }
        return c
    }
}

import PSRuntime

/// Writes objects as lines of CSV text.
final class ConvertToCsvCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ConvertToCsvCommand.self, name: "ConvertTo-Csv",
        synopsis: "Turns objects into CSV lines: a header from the first object's properties, then one line per object.",
        defaultParameterSet: "Delimiter", outputTypes: ["System.String"],
        examples: [HelpExample("[pscustomobject]@{ a = 1; b = 'x' } | ConvertTo-Csv", "Writes \"a\",\"b\" and \"1\",\"x\"."),
                   HelpExample("$rows | ConvertTo-Csv -Delimiter ';' -UseQuotes AsNeeded", "Semicolons, quotes only where needed.")],
        parameters: [
            Parameter("InputObject", \.inputObject, position: 0, mandatory: true, pipeline: .byValue, help: "The objects to convert."),
            Parameter("Delimiter", \.delimiter, position: 1, sets: ["Delimiter"], help: "The character between fields (a comma by default)."),
            .switchParameter("UseCulture", \.useCulture, sets: ["UseCulture"], help: "Uses the culture's list separator as the delimiter."),
            .switchParameter("IncludeTypeInformation", \.includeTypeInformation, aliases: ["ITI"], help: "Starts with a #TYPE line naming the object type."),
            .switchParameter("NoTypeInformation", \.noTypeInformation, aliases: ["NTI"], help: "Leaves out the #TYPE line (the default)."),
            Parameter("QuoteFields", \.quoteFields, aliases: ["QF"], help: "Quotes only these columns."),
            Parameter("UseQuotes", \.useQuotes, aliases: ["UQ"], help: "Always (the default), AsNeeded or Never."),
            .switchParameter("NoHeader", \.noHeader, help: "Leaves out the header line."),
        ])

    var inputObject: PSValue = .null
    var delimiter: String?
    var useCulture = false
    var includeTypeInformation = false
    var noTypeInformation = false
    var quoteFields: [String]?
    var useQuotes: CsvQuoteKind = .Always
    var noHeader = false

    private var formatter: CsvFormatter?

    func process(_ context: CommandContext) throws {
        if formatter == nil {
            formatter = CsvFormatter(delimiter: try CsvOptions.delimiter(delimiter, context: context), quoteKind: useQuotes,
                                     quoteFields: quoteFields, includeTypeInformation: includeTypeInformation && !noTypeInformation,
                                     includeHeader: !noHeader)
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

import PSRuntime

/// What ConvertTo-Csv and Export-Csv share: the output options, declared once, and the
/// formatter they configure.
class CsvWritingCommand {
    var delimiter: String?
    var useCulture = false
    var includeTypeInformation = false
    var noTypeInformation = false
    var quoteFields: [String]?
    var useQuotes: CsvQuoteKind = .Always
    var noHeader = false

    required init() {}

    /// The CSV output parameters (the delimiter is the second positional parameter).
    static func csvOptionParameters<C: CsvWritingCommand & Cmdlet>() -> [Parameter<C>] {
        [
            Parameter("Delimiter", \.delimiter, position: 1, sets: ["Delimiter"], help: "The character between fields (a comma by default)."),
            .switchParameter("UseCulture", \.useCulture, sets: ["UseCulture"], help: "Uses the culture's list separator as the delimiter."),
            .switchParameter("IncludeTypeInformation", \.includeTypeInformation, aliases: ["ITI"], help: "Starts with a #TYPE line naming the object type."),
            .switchParameter("NoTypeInformation", \.noTypeInformation, aliases: ["NTI"], help: "Leaves out the #TYPE line (the default)."),
            Parameter("QuoteFields", \.quoteFields, aliases: ["QF"], help: "Quotes only these columns."),
            Parameter("UseQuotes", \.useQuotes, aliases: ["UQ"], help: "Always (the default), AsNeeded or Never."),
            .switchParameter("NoHeader", \.noHeader, help: "Leaves out the header line."),
        ]
    }

    /// A formatter for the chosen options (`columns` fixes the columns, as when appending).
    func makeFormatter(_ context: CommandContext, columns: [String]? = nil) throws -> CsvFormatter {
        CsvFormatter(delimiter: try CsvOptions.delimiter(delimiter, context: context), quoteKind: useQuotes,
                     quoteFields: quoteFields, includeTypeInformation: includeTypeInformation && !noTypeInformation,
                     includeHeader: !noHeader, columns: columns)
    }
}

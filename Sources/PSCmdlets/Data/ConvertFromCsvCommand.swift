import PSRuntime

/// Parses CSV text into objects.
final class ConvertFromCsvCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ConvertFromCsvCommand.self, name: "ConvertFrom-Csv",
        synopsis: "Turns CSV text into objects whose properties are the columns (all values are strings).",
        defaultParameterSet: "Delimiter",
        outputTypes: ["System.Management.Automation.PSObject"],
        examples: [HelpExample("'a,b', '1,2' | ConvertFrom-Csv", "Gives one object with a = 1 and b = 2."),
                   HelpExample("Get-Content ./data.txt | ConvertFrom-Csv -Delimiter \"`t\" -Header Name, Size", "Reads tab-separated lines without a header.")],
        parameters: [
            Parameter("InputObject", \.inputObject, position: 0, mandatory: true, pipeline: [.byValue, .byPropertyName],
                      help: "The CSV text: lines or whole documents."),
            Parameter("Delimiter", \.delimiter, position: 1, sets: ["Delimiter"], help: "The character between fields (a comma by default)."),
            .switchParameter("UseCulture", \.useCulture, sets: ["UseCulture"], help: "Uses the culture's list separator as the delimiter."),
            Parameter("Header", \.header, help: "Column names to use; the text then has no header line of its own."),
        ])

    var inputObject: [String] = []
    var delimiter: String?
    var useCulture = false
    var header: [String]?

    private var reader: CsvReader?

    func process(_ context: CommandContext) throws {
        if reader == nil {
            reader = CsvReader(delimiter: try CsvOptions.delimiter(delimiter, context: context),
                               header: header.flatMap { $0.isEmpty ? nil : $0 })
        }
        guard let reader else { return }
        for text in inputObject {
            for object in try reader.objects(from: text, context: context) { try context.write(object) }
        }
    }
}

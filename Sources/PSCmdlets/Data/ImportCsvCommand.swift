import Foundation
import PSRuntime

/// Reads CSV files into objects.
final class ImportCsvCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ImportCsvCommand.self, name: "Import-Csv", aliases: ["ipcsv"],
        synopsis: "Reads CSV files into objects whose properties are the columns (all values are strings).",
        defaultParameterSet: "DelimiterPath",
        outputTypes: ["System.Management.Automation.PSObject"],
        examples: [HelpExample("Import-Csv ./people.csv", "Gives one object per data line."),
                   HelpExample("Import-Csv ./data.tsv -Delimiter \"`t\"", "Reads a tab-separated file.")],
        parameters: [
            Parameter("Path", \.path, position: 0, pipeline: [.byValue, .byPropertyName], files: .reads, help: "The files to read; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, pipeline: .byPropertyName, aliases: ["PSPath", "LP"],
                      files: .reads, help: "The files to read, taken exactly as written."),
            Parameter("Delimiter", \.delimiter, position: 1, help: "The character between fields (a comma by default)."),
            .switchParameter("UseCulture", \.useCulture, help: "Uses the culture's list separator as the delimiter."),
            Parameter("Header", \.header, help: "Column names to use; the first line of the file is then data."),
            Parameter("Encoding", \.encoding, help: "The text encoding of the files (UTF-8 by default; a byte-order mark wins)."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var delimiter: String?
    var useCulture = false
    var header: [String]?
    var encoding: TextEncoding?

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        let separator = try CsvOptions.delimiter(delimiter, context: context)
        for file in try FileSystemPaths.resolveExisting(literal ? literalPath : path, literal: literal, context: context, use: .reads,
                                                        includeHidden: true) {
            let text: String
            do {
                text = try TextFiles.read(file, encoding: encoding)
            } catch {
                try context.writeError("Cannot read '\(file)': \(TextFiles.reason(error)).", id: "FileOpenFailure",
                                       category: .OpenError, target: .string(file), exceptionType: "System.IO.IOException")
                continue
            }
            // Each file has its own header and type line.
            let reader = CsvReader(delimiter: separator, header: header.flatMap { $0.isEmpty ? nil : $0 })
            for object in try reader.objects(from: text, context: context) { try context.write(object) }
        }
    }
}

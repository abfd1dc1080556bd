import Foundation
import PSRuntime

/// Writes objects to a CSV file.
final class ExportCsvCommand: CsvWritingCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        ExportCsvCommand.self, name: "Export-Csv", aliases: ["epcsv"],
        synopsis: "Saves objects to a CSV file: a header from the first object's properties, then one line per object.",
        defaultParameterSet: "Delimiter", supportsShouldProcess: true,
        examples: [HelpExample("Get-ChildItem | Select-Object Name, Length | Export-Csv ./files.csv", "Saves a file list."),
                   HelpExample("$row | Export-Csv ./log.csv -Append", "Adds a line to an existing CSV file, using its columns.")],
        parameters: [
            Parameter("InputObject", \.inputObject, mandatory: true, pipeline: .byValue, help: "The objects to save."),
            Parameter("Path", \.path, position: 0, files: .writes, help: "The file to write."),
            Parameter("LiteralPath", \.literalPath, aliases: ["PSPath", "LP"], files: .writes, help: "The file to write, taken exactly as written."),
            .switchParameter("Force", \.force, help: "Overwrites read-only files; with -Append, writes objects that lack some columns."),
            .switchParameter("NoClobber", \.noClobber, aliases: ["NoOverwrite"], help: "Refuses to replace an existing file."),
            Parameter("Encoding", \.encoding, help: "The text encoding to write (UTF-8 without a byte-order mark by default)."),
            .switchParameter("Append", \.append, help: "Adds lines to the end of the file instead of replacing it."),
        ] + csvOptionParameters())

    var inputObject: PSValue = .null
    var path: String?
    var literalPath: String?
    var force = false
    var noClobber = false
    var encoding: TextEncoding = .utf8NoBOM
    var append = false

    private var file: String?
    private var formatter: CsvFormatter?
    private var text = ""
    private var skipped = false

    func begin(_ context: CommandContext) throws {
        guard let target = literalPath ?? path else {
            throw context.terminatingError("Give the file to write with -Path or -LiteralPath.", id: "CannotSpecifyPathAndLiteralPath",
                                           category: .InvalidData, exceptionType: "System.Management.Automation.PSInvalidOperationException")
        }
        let full = try FileSystemPaths.target(target, literal: literalPath != nil, context: context, use: .writes)
        if noClobber && !append && FileSystemPaths.exists(full) {
            throw context.terminatingError("The file '\(full)' already exists.", id: "NoClobber", category: .ResourceExists,
                                           target: .string(full), exceptionType: "System.IO.IOException")
        }
        guard try context.shouldProcess(target: full, action: "Export-Csv") else { skipped = true; return }
        file = full
        var columns: [String]? = nil
        if append, FileSystemPaths.exists(full), let existing = try? TextFiles.read(full, encoding: nil), !existing.isEmpty {
            // Appending keeps the file's columns and adds no header.
            let reader = CsvReader(delimiter: try CsvOptions.delimiter(delimiter, context: context), header: nil)
            _ = try reader.objects(from: existing, context: context)
            columns = reader.header
            if !existing.hasSuffix("\n") { text = "\n" }
        }
        formatter = try makeFormatter(context, columns: columns)
    }

    func process(_ context: CommandContext) throws {
        guard !skipped, let formatter else { return }
        if append && !force, let columns = formatter.columns {
            let own = CsvFormatter.propertyNames(of: inputObject)
            let missing = columns.filter { c in !own.contains { $0.equalsIgnoringCase(c) } }
            if !missing.isEmpty && !own.isEmpty {
                try context.writeError("The object has no property named '\(missing[0])' to fill that column; add -Force to write it anyway.",
                                       id: "CannotAppendCsvWithMismatchedPropertyNames", category: .InvalidData,
                                       target: inputObject, exceptionType: "System.InvalidOperationException")
                return
            }
        }
        for line in formatter.lines(for: inputObject, context: context.session) { text += line + "\n" }
    }

    func end(_ context: CommandContext) throws {
        guard !skipped, let file else { return }
        if force, FileSystemPaths.exists(file), access(file, W_OK) != 0 { _ = chmod(file, 0o644) }
        do {
            try TextFiles.write(text, to: file, encoding: encoding, append: append)
        } catch {
            throw context.terminatingError("Cannot write '\(file)': \(TextFiles.reason(error)).", id: "FileOpenFailure",
                                           category: .OpenError, target: .string(file), exceptionType: "System.IO.IOException")
        }
    }
}

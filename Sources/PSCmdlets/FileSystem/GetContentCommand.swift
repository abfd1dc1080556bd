import Foundation
import PSRuntime

/// Reads files: one string per line, the whole text, or bytes.
final class GetContentCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetContentCommand.self, name: "Get-Content", aliases: ["gc", "cat", "type"],
        synopsis: "Reads the contents of files, line by line or all at once.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path",
        outputTypes: ["System.String", "System.Byte"],
        examples: [HelpExample("Get-Content ./notes.txt", "Writes each line of the file."),
                   HelpExample("Get-Content ./log.txt -Tail 5", "Writes the last five lines."),
                   HelpExample("$text = Get-Content ./config.json -Raw", "Reads the whole file as one string.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: .byPropertyName,
                      files: .reads, help: "The files to read; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .reads, help: "The files to read, taken exactly as written."),
            Parameter("ReadCount", \.readCount, pipeline: .byPropertyName,
                      help: "How many lines go down the pipeline together (0 sends all of them as one array)."),
            Parameter("TotalCount", \.totalCount, pipeline: .byPropertyName, aliases: ["First", "Head"],
                      help: "Reads only this many lines from the start."),
            Parameter("Tail", \.tail, pipeline: .byPropertyName, aliases: ["Last"], help: "Reads only this many lines from the end."),
            Parameter("Delimiter", \.delimiter, help: "The text that separates the pieces to read (a newline by default)."),
            .switchParameter("Raw", \.raw, help: "Reads the whole file as one string, newlines included."),
            Parameter("Encoding", \.encoding, help: "The text encoding of the files (UTF-8 by default; a byte-order mark wins)."),
            .switchParameter("AsByteStream", \.asByteStream, help: "Reads bytes instead of text."),
            .switchParameter("Force", \.force, help: "Lets wildcards match hidden files."),
            Parameter("Filter", \.filter, help: "A wildcard the file names must match."),
            Parameter("Include", \.include, help: "Wildcards; only files whose names match one are read."),
            Parameter("Exclude", \.exclude, help: "Wildcards; files whose names match one are skipped."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var readCount = 1
    var totalCount = -1
    var tail = -1
    var delimiter: String?
    var raw = false
    var encoding: TextEncoding?
    var asByteStream = false
    var force = false
    var filter: String?
    var include: [String] = []
    var exclude: [String] = []
    /// Built once: it turns the wildcards into patterns.
    private lazy var nameFilter = ItemNameFilter(filter: filter, include: include, exclude: exclude)

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        let files = try FileSystemPaths.resolveExisting(literal ? literalPath : path, literal: literal, context: context, use: .reads,
                                                        includeHidden: force)
        for file in files where selected(file) {
            if FileSystemPaths.isDirectory(file) {
                try context.writeError("Cannot read '\(file)' because it is a directory; use Get-ChildItem to list it.",
                                       id: "GetContentReaderUnauthorizedAccessError", category: .PermissionDenied,
                                       target: .string(file), exceptionType: "System.UnauthorizedAccessException")
                continue
            }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                try context.writeError("Cannot read '\(file)': \(TextFiles.reason(error)).", id: "GetContentReaderIOError",
                                       category: .ReadError, target: .string(file), exceptionType: "System.IO.IOException")
                continue
            }
            if asByteStream {
                try writeBytes([UInt8](data), context: context)
            } else {
                try writeText(TextFiles.decode(data, encoding), context: context)
            }
        }
    }

    private func selected(_ file: String) -> Bool {
        nameFilter.accepts(FileSystemPaths.leaf(of: file))
    }

    private func writeText(_ text: String, context: CommandContext) throws {
        if raw {
            if !text.isEmpty { try context.write(.string(text)) }
            return
        }
        var pieces = delimiter.map { Self.split(text, by: $0) } ?? Self.lines(text)
        if totalCount >= 0 { pieces = Array(pieces.prefix(totalCount)) }
        if tail >= 0 { pieces = Array(pieces.suffix(tail)) }
        try writeGrouped(pieces.map { PSValue.string($0) }, elementType: "System.String", context: context)
    }

    private func writeBytes(_ bytes: [UInt8], context: CommandContext) throws {
        var values = bytes.map { PSValue.byte($0) }
        if raw {
            if !values.isEmpty { try context.write(.object(PSArray(values, elementTypeName: "System.Byte"))) }
            return
        }
        if totalCount >= 0 { values = Array(values.prefix(totalCount)) }
        if tail >= 0 { values = Array(values.suffix(tail)) }
        try writeGrouped(values, elementType: "System.Byte", context: context)
    }

    /// One object per item with ReadCount 1; arrays of ReadCount items otherwise (all of them for 0).
    private func writeGrouped(_ values: [PSValue], elementType: String, context: CommandContext) throws {
        if readCount == 1 || values.isEmpty {
            for v in values { try context.write(v) }
            return
        }
        let size = readCount <= 0 ? values.count : readCount
        var start = 0
        while start < values.count {
            let end = min(start + size, values.count)
            try context.write(.object(PSArray(Array(values[start..<end]))))
            start = end
        }
    }

    /// Lines without their terminators (`\n`, `\r\n` or `\r`); a final terminator adds no empty line.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { result.append(current) }
                current = ""
                previousWasCR = false
            } else if scalar == "\r" {
                result.append(current)
                current = ""
                previousWasCR = true
            } else {
                current.unicodeScalars.append(scalar)
                previousWasCR = false
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Pieces between delimiters (the delimiter is dropped, as in PowerShell 6 and later).
    static func split(_ text: String, by delimiter: String) -> [String] {
        guard !delimiter.isEmpty else { return text.isEmpty ? [] : [text] }
        var parts = text.components(separatedBy: delimiter)
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}

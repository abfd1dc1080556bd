import Foundation
import PSRuntime

/// Saves objects to a CLIXML file, PowerShell's serialization format.
final class ExportClixmlCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ExportClixmlCommand.self, name: "Export-Clixml",
        synopsis: "Saves objects to an XML file in PowerShell's serialization format (CLIXML).",
        description: "Each object piped in is written as one top-level entry: numbers, strings, dates, booleans and other simple values with their exact types; arrays, hashtables and objects with their type names and properties, down to -Depth levels (2 by default; deeper objects are saved as their string form). Import-Clixml reads the file back.",
        defaultParameterSet: "ByPath", supportsShouldProcess: true,
        examples: [
            HelpExample("Get-ChildItem | Export-Clixml ./files.xml", "Saves the file list with all its properties."),
            HelpExample("@{Name='web'; Port=8080} | Export-Clixml ./settings.xml", "Saves a hashtable; Import-Clixml gives it back as a hashtable."),
        ],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["ByPath"], files: .writes, help: "The file to write."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["ByLiteralPath"], aliases: ["PSPath", "LP"],
                      files: .writes, help: "The file to write, taken exactly as written."),
            Parameter("InputObject", \.inputObject, mandatory: true, pipeline: .byValue, help: "The objects to save."),
            Parameter("Depth", \.depth, validate: [.range(min: 1, max: Double(Int32.max))],
                      help: "How many levels of contained objects to save in full (2 by default)."),
            .switchParameter("Force", \.force, help: "Overwrites a read-only file."),
            .switchParameter("NoClobber", \.noClobber, aliases: ["NoOverwrite"], help: "Refuses to replace an existing file."),
            Parameter("Encoding", \.encoding, help: "The text encoding to write (UTF-8 without a byte-order mark by default)."),
        ])

    var path = ""
    var literalPath = ""
    var inputObject: PSValue = .null
    var depth = 2
    var force = false
    var noClobber = false
    var encoding: TextEncoding = .utf8NoBOM

    private var file: String?
    private var writer: Clixml.Writer?

    func begin(_ context: CommandContext) throws {
        let literal = context.parameterSetName == "ByLiteralPath"
        let full = try FileSystemPaths.target(literal ? literalPath : path, literal: literal, context: context, use: .writes)
        if noClobber && FileSystemPaths.exists(full) {
            throw context.terminatingError("The file '\(full)' already exists.", id: "NoClobber", category: .ResourceExists,
                                           target: .string(full), exceptionType: "System.IO.IOException")
        }
        guard try context.shouldProcess(target: full, action: "Export-Clixml") else { return }
        file = full
        writer = Clixml.Writer(depth: depth, context: context.session)
    }

    func process(_ context: CommandContext) throws {
        writer?.add(inputObject)
    }

    func end(_ context: CommandContext) throws {
        guard let file, let writer else { return }
        if force, FileSystemPaths.exists(file), access(file, W_OK) != 0 { _ = chmod(file, 0o644) }
        do {
            try TextFiles.write(writer.document, to: file, encoding: encoding, append: false)
        } catch {
            throw context.terminatingError("Cannot write '\(file)': \(TextFiles.reason(error)).", id: "FileOpenFailure",
                                           category: .OpenError, target: .string(file), exceptionType: "System.IO.IOException")
        }
    }
}

/// Reads objects back from a CLIXML file.
final class ImportClixmlCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ImportClixmlCommand.self, name: "Import-Clixml",
        synopsis: "Reads objects from a CLIXML file written by Export-Clixml.",
        description: "Simple values (numbers, strings, dates, booleans…), arrays and hashtables come back as themselves. Other objects come back as property bags with the saved properties; their type names start with 'Deserialized.' (e.g. Deserialized.System.IO.FileInfo), since they no longer have their methods.",
        defaultParameterSet: "ByPath",
        examples: [
            HelpExample("$files = Import-Clixml ./files.xml", "The objects saved by Export-Clixml."),
            HelpExample("(Import-Clixml ./settings.xml).Port", "A value from a saved hashtable."),
        ],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["ByPath"], pipeline: .byPropertyName,
                      files: .reads, help: "The files to read; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["ByLiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .reads, help: "The files to read, taken exactly as written."),
            Parameter("First", \.first, help: "Reads only this many objects."),
            Parameter("Skip", \.skip, help: "Skips this many objects first."),
            .switchParameter("IncludeTotalCount", \.includeTotalCount, help: "Accepted for compatibility; no count is written."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var first: Int?
    var skip = 0
    var includeTotalCount = false

    func process(_ context: CommandContext) throws {
        let literal = context.parameterSetName == "ByLiteralPath"
        for file in try FileSystemPaths.resolveExisting(literal ? literalPath : path, literal: literal, context: context, use: .reads) {
            let values: [PSValue]
            do {
                var reader = ClixmlReader()
                values = try reader.read(try TextFiles.read(file, encoding: nil))
            } catch {
                try context.writeError("The file '\(file)' is not valid CLIXML: \(Self.describe(error)).", id: "System.Xml.XmlException",
                                       category: .InvalidData, target: .string(file), exceptionType: "System.Xml.XmlException")
                continue
            }
            var selected = values.dropFirst(skip)
            if let first { selected = selected.prefix(first) }
            for value in selected { try context.write(value) }
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case ClixmlReader.ClixmlError.notClixml: return "its root element is not <Objs>"
        case ClixmlReader.ClixmlError.badValue(let tag, let text): return "<\(tag)> holds '\(text)', which cannot be read"
        case let runtime as RuntimeError: return runtime.record.message
        default: return TextFiles.reason(error)
        }
    }
}

import Foundation
import PSRuntime

/// Writes formatted output to a file.
final class OutFileCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        OutFileCommand.self, name: "Out-File",
        synopsis: "Writes the formatted text of objects to a file.",
        description: "The file receives the same text the host would show. The file is replaced unless -Append is given; -NoClobber refuses to replace an existing file.",
        defaultParameterSet: "ByPath", supportsShouldProcess: true,
        examples: [
            HelpExample("Get-Variable | Out-File vars.txt", "Saves the variable table to vars.txt."),
            HelpExample("'more' | Out-File log.txt -Append", "Adds a line to log.txt."),
        ],
        parameters: [
            Parameter("FilePath", \.filePath, position: 0, mandatory: true, sets: ["ByPath"], aliases: ["Path"],
                      files: .writes, help: "The file to write."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["ByLiteralPath"], aliases: ["PSPath", "LP"],
                      files: .writes, help: "The file to write, taken exactly as typed."),
            Parameter("Encoding", \.encoding, position: 1, help: "The text encoding; utf8 (without byte order mark) by default.",
                      defaultValue: "utf8NoBOM"),
            .switchParameter("Append", \.append, help: "Adds to the end of the file instead of replacing it."),
            .switchParameter("Force", \.force, help: "Overwrites a read-only file."),
            .switchParameter("NoClobber", \.noClobber, aliases: ["NoOverwrite"], help: "Fails instead of replacing an existing file."),
            Parameter("Width", \.width, validate: [.range(min: 2, max: Double(Int32.max))],
                      help: "Characters per line; the host's width when omitted."),
            .switchParameter("NoNewline", \.noNewline, help: "Writes the text without any newlines."),
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to write."),
        ])

    var filePath = ""
    var literalPath = ""
    var encoding: TextEncoding = .utf8NoBOM
    var append = false
    var force = false
    var noClobber = false
    var width: Int?
    var noNewline = false
    var inputObject: PSValue = .null

    private var session: FormattingSession?
    private var lines: [String] = []
    private var path = ""
    private var enabled = false

    func begin(_ context: CommandContext) throws {
        path = context.session.resolvePath(context.parameterSetName == "ByLiteralPath" ? literalPath : filePath)
        try context.authorizeFile(path, .writes)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw context.terminatingError("'\(path)' is a directory, not a file.", id: "FileOpenFailure", category: .OpenError,
                                           target: .string(path), exceptionType: "System.UnauthorizedAccessException")
        }
        if exists && noClobber && !append {
            throw context.terminatingError("The file '\(path)' exists and -NoClobber forbids replacing it.", id: "NoClobber",
                                           category: .ResourceExists, target: .string(path), exceptionType: "System.IO.IOException")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !fm.fileExists(atPath: directory) {
            throw context.terminatingError("Part of the path '\(path)' does not exist.", id: "FileOpenFailure", category: .OpenError,
                                           target: .string(path), exceptionType: "System.IO.DirectoryNotFoundException")
        }
        enabled = try context.shouldProcess(target: path, action: "Output to File")
        let formatter = DefaultFormatter.of(context.session)
        session = formatter.makeSession(context: context.session, width: width ?? context.session.host.terminalWidth)
    }

    func process(_ context: CommandContext) throws {
        if !context.expectingInput && !context.isBound("InputObject") { return }
        guard enabled, let session else { return }
        session.add(inputObject)
        lines.append(contentsOf: session.takeLines())
    }

    func end(_ context: CommandContext) throws {
        guard enabled, let session else { return }
        session.finish()
        lines.append(contentsOf: session.takeLines())
        let text = noNewline ? lines.joined() : lines.map { $0 + "\n" }.joined()
        try write(text, context)
    }

    private func write(_ text: String, _ context: CommandContext) throws {
        let fm = FileManager.default
        if force, fm.fileExists(atPath: path), !fm.isWritableFile(atPath: path) {
            try? fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        }
        do {
            try TextFiles.write(text, to: path, encoding: encoding, append: append)
        } catch {
            throw context.terminatingError("The file '\(path)' cannot be written: \(TextFiles.reason(error)).", id: "FileOpenFailure",
                                           category: .OpenError, target: .string(path),
                                           exceptionType: "System.UnauthorizedAccessException")
        }
    }
}

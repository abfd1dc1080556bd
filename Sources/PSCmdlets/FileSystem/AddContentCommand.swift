import PSRuntime

/// Appends text to files.
final class AddContentCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        AddContentCommand.self, name: "Add-Content", aliases: [],
        synopsis: "Appends text to files, creating files that do not exist.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path", supportsShouldProcess: true,
        examples: [HelpExample("Add-Content ./log.txt -Value \"done\"", "Adds a line at the end of log.txt."),
                   HelpExample("Get-Date | Add-Content ./log.txt", "Appends the current time.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: .byPropertyName,
                      help: "The files to write; wildcards match existing files."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], help: "The files to write, taken exactly as written."),
            Parameter("Value", \.value, position: 1, mandatory: true, pipeline: [.byValue, .byPropertyName],
                      help: "The text to append; each value becomes a line."),
            .switchParameter("NoNewline", \.noNewline, help: "Writes the values back to back, with no newlines."),
            Parameter("Encoding", \.encoding, help: "The text encoding to write (UTF-8 without a byte-order mark by default)."),
            .switchParameter("Force", \.force, help: "Writes even to read-only files."),
            .switchParameter("PassThru", \.passThru, help: "Writes the values to the pipeline as well."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var value: [PSValue] = []
    var noNewline = false
    var encoding: TextEncoding = .utf8NoBOM
    var force = false
    var passThru = false

    private var buffered = ""
    private var targets: [String]?

    private var writer: ContentWriting {
        ContentWriting(append: true, action: "Add Content", noNewline: noNewline, encoding: encoding, force: force)
    }

    func process(_ context: CommandContext) throws {
        if targets == nil {
            let literal = context.isBound("LiteralPath")
            targets = try writer.targets(paths: literal ? literalPath : path, literal: literal, context: context)
        }
        buffered += writer.text(for: value, context: context)
        if passThru { for v in value { try context.writeEnumerated(v) } }
    }

    func end(_ context: CommandContext) throws {
        for file in targets ?? [] {
            try writer.write(buffered, to: file, context: context)
        }
    }
}

import PSRuntime

/// What Set-Content and Add-Content share: the same parameters and the same writing, differing
/// only in whether they replace or append.
class ContentWritingCommand {
    var path: [String] = []
    var literalPath: [String] = []
    var value: [PSValue] = []
    var noNewline = false
    var encoding: TextEncoding = .utf8NoBOM
    var force = false
    var passThru = false

    private var buffered = ""
    private var targets: [String]?

    required init() {}

    /// True for Add-Content.
    class var appends: Bool { false }
    /// The ShouldProcess action name.
    class var action: String { "Set Content" }

    /// The parameters, declared once for both cmdlets.
    static func parameters<C: ContentWritingCommand & Cmdlet>(valueHelp: String) -> [Parameter<C>] {
        [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: .byPropertyName,
                      files: .writes, help: "The files to write; wildcards match existing files."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .writes, help: "The files to write, taken exactly as written."),
            Parameter("Value", \.value, position: 1, mandatory: true, pipeline: [.byValue, .byPropertyName], help: valueHelp),
            .switchParameter("NoNewline", \.noNewline, help: "Writes the values back to back, with no newlines."),
            Parameter("Encoding", \.encoding, help: "The text encoding to write (UTF-8 without a byte-order mark by default)."),
            .switchParameter("Force", \.force, help: "Writes even to read-only files."),
            .switchParameter("PassThru", \.passThru, help: "Writes the values to the pipeline as well."),
        ]
    }

    private var writer: ContentWriting {
        ContentWriting(append: Self.appends, action: Self.action, noNewline: noNewline, encoding: encoding, force: force)
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

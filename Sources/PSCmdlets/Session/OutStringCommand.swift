import PSRuntime

/// Turns objects into the text the host would show.
final class OutStringCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        OutStringCommand.self, name: "Out-String",
        synopsis: "Formats objects as text and outputs it as strings.",
        description: "Without -Stream all input becomes one string (ending with a newline); with -Stream every line of the formatted text is a string of its own.",
        outputTypes: ["System.String"],
        examples: [
            HelpExample("Get-Variable HOME | Out-String", "Gets the table of the variable as one string."),
            HelpExample("1..3 | Out-String -Stream", "Outputs the lines \"1\", \"2\" and \"3\"."),
        ],
        parameters: [
            .switchParameter("Stream", \.stream, help: "Outputs each line as a separate string."),
            .switchParameter("NoNewline", \.noNewline, help: "Leaves all newlines out of the text."),
            Parameter("Width", \.width, validate: [.range(min: 2, max: Double(Int32.max))],
                      help: "Characters per line; the host's width when omitted."),
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to format."),
        ])

    var stream = false
    var noNewline = false
    var width: Int?
    var inputObject: PSValue = .null

    private var session: FormattingSession?
    private var text = ""

    func begin(_ context: CommandContext) throws {
        let formatter = DefaultFormatter.of(context.session)
        session = formatter.makeSession(context: context.session, width: width ?? context.session.host.terminalWidth)
    }

    func process(_ context: CommandContext) throws {
        if !context.expectingInput && !context.isBound("InputObject") { return }
        guard let session else { return }
        session.add(inputObject)
        try collect(session, context)
    }

    func end(_ context: CommandContext) throws {
        guard let session else { return }
        session.finish()
        try collect(session, context)
        if !stream { try context.write(.string(text)) }
    }

    private func collect(_ session: FormattingSession, _ context: CommandContext) throws {
        if stream {
            for line in session.takeLines() {
                for piece in TextWidth.lines(line) { try context.write(.string(piece)) }
            }
        } else {
            let chunk = session.takeText()
            text += noNewline ? chunk.replacingNewlines() : chunk
        }
    }
}

private extension String {
    func replacingNewlines() -> String { String(filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }) }
}

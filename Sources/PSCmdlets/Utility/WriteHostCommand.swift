import PSRuntime

/// Writes text straight to the host, bypassing the output pipeline.
final class WriteHostCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        WriteHostCommand.self, name: "Write-Host",
        synopsis: "Writes text to the host, optionally in colour.",
        description: "Objects are turned into text and joined with -Separator. The text goes to the host (and the information stream), not to the pipeline.",
        examples: [HelpExample("Write-Host 'Done' -ForegroundColor Green", "Prints Done in green."),
                   HelpExample("Write-Host (1, 2, 3) -Separator ', '", "Prints 1, 2, 3.")],
        parameters: [
            Parameter("Object", \.object, position: 0, pipeline: .byValue, remaining: true, aliases: ["Msg", "Message"],
                      help: "The objects to show."),
            .switchParameter("NoNewline", \.noNewline, help: "Leaves the cursor at the end of the text."),
            Parameter("Separator", \.separator, help: "Placed between the objects shown.", defaultValue: "\" \""),
            Parameter("ForegroundColor", \.foregroundColor, help: "The text colour."),
            Parameter("BackgroundColor", \.backgroundColor, help: "The background colour."),
        ])

    var object: [PSValue] = []
    var noNewline = false
    var separator: PSValue = .string(" ")
    var foregroundColor: ConsoleColor?
    var backgroundColor: ConsoleColor?

    func process(_ context: CommandContext) throws {
        let sep = LanguagePrimitives.toString(separator, context: context.session)
        var parts: [String] = []
        for item in object { append(item, to: &parts, separator: sep, context: context) }
        try context.writeHost(parts.joined(separator: sep), newline: !noNewline,
                              foreground: foregroundColor?.rawValue, background: backgroundColor?.rawValue)
    }

    /// Collections are flattened and joined with the separator; strings stay whole.
    private func append(_ value: PSValue, to parts: inout [String], separator: String, context: CommandContext) {
        if case .string(let s) = value { parts.append(s); return }
        if let items = value.enumerated {
            var inner: [String] = []
            for item in items { append(item, to: &inner, separator: separator, context: context) }
            if !inner.isEmpty { parts.append(inner.joined(separator: separator)) }
            return
        }
        parts.append(LanguagePrimitives.toString(value, context: context.session))
    }
}

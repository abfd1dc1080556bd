import PSRuntime

/// Writes a message to the debug stream.
final class WriteDebugCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        WriteDebugCommand.self, name: "Write-Debug",
        synopsis: "Writes a message to the debug stream.",
        description: "Debug messages are shown only with -Debug or when $DebugPreference is Continue.",
        examples: [HelpExample("Write-Debug 'Checking the cache'", "Writes one debug message.")],
        parameters: [
            Parameter("Message", \.message, position: 0, mandatory: true, pipeline: .byValue, aliases: ["Msg"],
                      help: "The text of the message."),
        ])

    var message = ""

    func process(_ context: CommandContext) throws {
        try context.writeDebug(message)
    }
}

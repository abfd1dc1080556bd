import PSRuntime

/// Writes a message to the verbose stream.
final class WriteVerboseCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        WriteVerboseCommand.self, name: "Write-Verbose",
        synopsis: "Writes a message to the verbose stream.",
        description: "Verbose messages are shown only with -Verbose or when $VerbosePreference is Continue.",
        examples: [HelpExample("Write-Verbose 'Checking the cache'", "Writes one verbose message.")],
        parameters: [
            Parameter("Message", \.message, position: 0, mandatory: true, pipeline: .byValue, aliases: ["Msg"],
                      help: "The text of the message."),
        ])

    var message = ""

    func process(_ context: CommandContext) throws {
        try context.writeVerbose(message)
    }
}

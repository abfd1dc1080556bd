import PSRuntime

/// Writes a warning message.
final class WriteWarningCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        WriteWarningCommand.self, name: "Write-Warning",
        synopsis: "Writes a warning message.",
        description: "Warnings are shown unless $WarningPreference or -WarningAction silences them.",
        examples: [HelpExample("Write-Warning 'Checking the cache'", "Writes one warning message.")],
        parameters: [
            Parameter("Message", \.message, position: 0, mandatory: true, pipeline: .byValue, aliases: ["Msg"],
                      help: "The text of the message."),
        ])

    var message = ""

    func process(_ context: CommandContext) throws {
        try context.writeWarning(message)
    }
}

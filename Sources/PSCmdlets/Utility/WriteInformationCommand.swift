import PSRuntime

/// Writes a record to the information stream.
final class WriteInformationCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        WriteInformationCommand.self, name: "Write-Information",
        synopsis: "Writes a message or object to the information stream.",
        description: "Information records are shown when $InformationPreference or -InformationAction is Continue, and can be captured with -InformationVariable.",
        examples: [HelpExample("Write-Information 'Starting' -InformationAction Continue", "Shows an information message.")],
        parameters: [
            Parameter("MessageData", \.messageData, position: 0, mandatory: true, pipeline: .byValue, aliases: ["Msg", "Message"],
                      help: "The message or object to record."),
            Parameter("Tags", \.tags, position: 1, help: "Tags for filtering the records."),
        ])

    var messageData: PSValue = .null
    var tags: [String] = []

    func process(_ context: CommandContext) throws {
        try context.writeInformation(messageData, tags: tags)
    }
}

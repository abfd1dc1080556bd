import Foundation
import LyncDeployment
import PSRuntime

/// Deletes or blanks out selected messages of a room.
final class RemoveCsPersistentChatMessageCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsPersistentChatMessageCommand.self, name: "Remove-CsPersistentChatMessage",
        synopsis: "Deletes chat room messages, or replaces their text.",
        description: """
            Selects messages of one room by author (-UserUri), date (-StartDate, -EndDate) and text \
            (-Filter: with -MatchClause And every word must appear, Or any word, Exact the whole phrase; \
            -CaseSensitive $True compares case). Without -ReplaceMessage the selected messages are deleted \
            (-Remove says so explicitly); with it their text is replaced by the given notice. With no \
            selection at all every message of the room is affected, so the command asks first (High impact).
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Remove",
        supportsShouldProcess: true, confirmImpact: .High,
        examples: [
            HelpExample("Remove-CsPersistentChatMessage -Identity \"atl-persistentchat-001.litwareinc.com\\ITChatRoom\" -EndDate \"4/1/2012\"",
                        "Deletes the room's messages posted up to 1 April 2012."),
            HelpExample("Remove-CsPersistentChatMessage -Identity \"atl-persistentchat-001.litwareinc.com\\ITChatRoom\" -UserUri \"sip:kenmyer@litwareinc.com\"",
                        "Deletes everything Ken Myer posted in the room."),
            HelpExample("Remove-CsPersistentChatMessage -Identity \"atl-persistentchat-001.litwareinc.com\\ITChatRoom\" -UserUri \"sip:kenmyer@litwareinc.com\" -ReplaceMessage \"This message is no longer available.\"",
                        "Keeps Ken Myer's messages in place but replaces their text."),
        ],
        parameters: [
            Parameter("Identity", \.identity, mandatory: true, help: "The room: <pool FQDN>\\<name>."),
            .switchParameter("Remove", \.remove, sets: ["Remove"], help: "Deletes the selected messages (the default)."),
            Parameter("ReplaceMessage", \.replaceMessage, mandatory: true, sets: ["Replace"], help: "Text that replaces the selected messages."),
            Parameter("UserUri", \.userUri, help: "Only messages posted by this SIP address."),
            Parameter("Filter", \.filter, help: "Words or a phrase the messages contain."),
            Parameter("MatchClause", \.matchClause, help: "How -Filter matches: And (the default), Or or Exact."),
            Parameter("CaseSensitive", \.caseSensitive, help: "$True compares -Filter case-sensitively."),
            Parameter("StartDate", \.startDate, help: "Only messages posted at or after this date."),
            Parameter("EndDate", \.endDate, help: "Only messages posted at or before this date."),
        ])

    var identity = ""
    var remove = false
    var replaceMessage: String?
    var userUri: String?
    var filter: String?
    var matchClause: PersistentChatRepository.MessageSelection.Match?
    var caseSensitive: Bool?
    var startDate: Date?
    var endDate: Date?

    func process(_ context: CommandContext) throws {
        let (pool, name) = try context.locatePersistentChatItem(identity, kind: .room)
        let database = try context.persistentChatDatabase(pool)
        let repository = PersistentChatRepository(pool: pool.fqdn)
        var selection = PersistentChatRepository.MessageSelection()
        selection.userUri = userUri.map(SipAddressRegistry.normalize)
        selection.keywords = filter
        selection.match = matchClause ?? .and
        selection.caseSensitive = caseSensitive ?? false
        selection.start = startDate
        selection.end = endDate
        let action = replaceMessage == nil ? "Remove-CsPersistentChatMessage" : "Replace Persistent Chat messages"
        guard try context.shouldProcess(target: "\(pool.fqdn)\\\(name)", action: action) else { return }
        try context.reportingErrors {
            try database.write { db in try repository.removeMessages(inRoom: name, selection, replacement: replaceMessage, in: db) }
        }
    }
}

import Foundation
import LyncDeployment
import PSRuntime

/// Add-CsGroupChatMessage: posts a message in a room of a legacy Group Chat database.
final class AddCsGroupChatMessageCommand: GroupChatAuthoringCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        AddCsGroupChatMessageCommand.self, name: "Add-CsGroupChatMessage",
        synopsis: "Adds a chat message to a room of a legacy Group Chat database.",
        description: """
            Writes a tblChat row in the room -Room, posted by -Author (a principal's URI or display name), with \
            the next chatId of that room. -Date is the time of the message (default: now), stored as .NET ticks. \
            -Content is the plain text; a posted file is written as an ma-filelink: link. -Alert marks an alert. \
            -Rtf is the legacy RTF version, as a byte array or a base64 string; its bytes are kept exactly.
            """,
        module: "GroupChatAuthoring", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        outputTypes: [GroupChatAuthoringOutput.messageType],
        examples: [
            HelpExample("Add-CsGroupChatMessage -Database ./legacy.db -Room build -Author sip:kenmyer@litwareinc.com -Content 'Build 42 is green'",
                        "Posts a message in the room build as Ken Myer, now."),
            HelpExample("Add-CsGroupChatMessage ./legacy.db -Room build -Author 'Ken Myer' -Content 'ma-filelink:///build/log.txt' -Date '2011-03-01T09:00:00Z'",
                        "Posts a file link with a date in 2011."),
            HelpExample(#"Add-CsGroupChatMessage ./legacy.db -Room build -Author 'Ken Myer' -Content 'Hi' -Rtf ([Text.Encoding]::ASCII.GetBytes('{\rtf1 Hi}'))"#,
                        "Posts a message with an RTF version."),
        ],
        parameters: [
            databaseParameter(),
            Parameter("Room", \.room, mandatory: true, help: "The room's name."),
            Parameter("Author", \.author, mandatory: true, help: "The poster: a principal's URI or display name."),
            Parameter("Content", \.content, mandatory: true, help: "The message text (may be empty)."),
            Parameter("Date", \.date, help: "When the message was posted. Default: now."),
            Parameter("Rtf", \.rtf, help: "The RTF version: a byte array or base64 text."),
            .switchParameter("Alert", \.alert, help: "Marks the message as an alert."),
            .switchParameter("PassThru", \.passThru, help: "Writes the new message to the pipeline."),
        ])

    var room = ""
    var author = ""
    var content = ""
    var date: Date?
    var rtf: PSValue?
    var alert = false
    var passThru = false

    func process(_ context: CommandContext) throws {
        let file = try databaseFile(context)
        let bytes = try GroupChatAuthoringOutput.rtfBytes(rtf, context)
        guard try context.shouldProcess(target: room, action: "Add legacy Group Chat message in \(file)") else { return }
        let message = try context.domain {
            try LegacyGroupChatWriter.open(path: file).addMessage(room: room, author: author, content: content, date: date,
                                                                  isAlert: alert, rtf: bytes)
        }
        if passThru { try context.write(GroupChatAuthoringOutput.message(message, room: room, author: author)) }
    }
}

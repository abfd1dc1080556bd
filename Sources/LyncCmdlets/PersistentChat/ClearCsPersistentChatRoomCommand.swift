import Foundation
import LyncDeployment
import PSRuntime

/// Deletes a room's messages up to a date.
final class ClearCsPersistentChatRoomCommand: PersistentChatItemCommand<ChatRoomInstanceKind>, Cmdlet {
    static let declaration = CmdletDeclaration(
        ClearCsPersistentChatRoomCommand.self, name: "Clear-CsPersistentChatRoom",
        synopsis: "Deletes a chat room's messages posted before a date.",
        description: """
            Removes every message of a room from the oldest up to -EndDate; the room itself, its settings \
            and later messages stay. The command asks before deleting (High impact); -Confirm:$false skips \
            the question. Rooms piped from Get-CsPersistentChatRoom are matched by Identity.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Identity",
        supportsShouldProcess: true, confirmImpact: .High,
        examples: [
            HelpExample("Clear-CsPersistentChatRoom -Identity \"atl-cs-001.litwareinc.com\\ITChatRoom\" -EndDate \"3/1/2018\"",
                        "Deletes ITChatRoom's messages posted before 1 March 2018."),
            HelpExample("Get-CsPersistentChatRoom | Clear-CsPersistentChatRoom -EndDate \"3/1/2018\" -Confirm:$False",
                        "Does the same in every room, without asking."),
        ],
        parameters: itemParameters() + [
            Parameter("EndDate", \.endDate, mandatory: true, help: "Messages posted before this date are deleted."),
        ])

    var endDate = Date()

    func process(_ context: CommandContext) throws {
        let text = try itemIdentity(context)
        let (pool, name) = try context.locatePersistentChatItem(text, kind: .room)
        let database = try context.persistentChatDatabase(pool)
        let repository = PersistentChatRepository(pool: pool.fqdn)
        guard try context.shouldProcess(target: "\(pool.fqdn)\\\(name)", action: "Clear-CsPersistentChatRoom") else { return }
        try context.reportingErrors { try database.write { db in try repository.clearRoom(name, before: endDate, in: db) } }
    }
}

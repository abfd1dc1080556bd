import LyncDeployment
import PSRuntime

/// Deletes chat rooms with their messages.
final class RemoveCsPersistentChatRoomCommand: PersistentChatItemCommand<ChatRoomInstanceKind>, Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsPersistentChatRoomCommand.self, name: "Remove-CsPersistentChatRoom",
        synopsis: "Deletes a Persistent Chat room and its messages.",
        description: """
            Deletes a room, its role lists and every message posted in it; this cannot be undone (to keep \
            the room and drop old messages use Clear-CsPersistentChatRoom). The command asks before \
            deleting (High impact); -Force or -Confirm:$false skip the question. Rooms piped from \
            Get-CsPersistentChatRoom are matched by Identity.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Identity",
        supportsShouldProcess: true, confirmImpact: .High,
        examples: [
            HelpExample("Remove-CsPersistentChatRoom -Identity \"atl-gc-001.litwareinc.com\\RedmondChatRoom\"", "Deletes RedmondChatRoom."),
            HelpExample("Get-CsPersistentChatRoom | Remove-CsPersistentChatRoom", "Deletes every room."),
            HelpExample("Get-CsPersistentChatRoom -Privacy \"Closed\" | Remove-CsPersistentChatRoom", "Deletes the Closed rooms."),
        ],
        parameters: itemParameters() + [
            .switchParameter("Force", \.force, help: "Deletes without asking for confirmation."),
        ])

    var force = false

    func process(_ context: CommandContext) throws {
        let text = try itemIdentity(context)
        let (pool, name) = try context.locatePersistentChatItem(text, kind: .room)
        let database = try context.persistentChatDatabase(pool)
        let repository = PersistentChatRepository(pool: pool.fqdn)
        guard try context.shouldProcess(target: "\(pool.fqdn)\\\(name)", action: "Remove-CsPersistentChatRoom", force: force) else { return }
        try context.reportingErrors { try database.write { db in try repository.removeRoom(name, in: db) } }
    }
}

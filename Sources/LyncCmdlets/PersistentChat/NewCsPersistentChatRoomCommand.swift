import LyncDeployment
import PSRuntime

/// Creates a chat room in an existing category.
final class NewCsPersistentChatRoomCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsPersistentChatRoomCommand.self, name: "New-CsPersistentChatRoom",
        synopsis: "Creates a Persistent Chat room.",
        description: """
            Adds a chat room to a category, which must already exist (-Category takes its name or \
            pool\\name). The room's name must be unique in the pool, among rooms and categories alike. A \
            new room is enabled, Closed and Normal unless -Disabled, -Privacy or -Type say otherwise; its \
            invitations follow the category unless -Invitations False turns them off (a room cannot turn \
            on invitations its category has off). -Addin names an add-in registered with \
            New-CsPersistentChatAddin. Managers, members and presenters are set afterwards with \
            Set-CsPersistentChatRoom.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, outputTypes: [PersistentChatOutput.roomType],
        examples: [
            HelpExample("New-CsPersistentChatRoom -Name \"ITChatRoom\" -PersistentChatPoolFqdn \"atl-cs-001.litwareinc.com\" -Category \"IT\"",
                        "Creates ITChatRoom in the IT category."),
            HelpExample("New-CsPersistentChatRoom -Name Announcements -Category IT -Type Auditorium -Privacy Open",
                        "An open auditorium, where only presenters post."),
        ],
        parameters: [
            Parameter("Name", \.name, mandatory: true, help: "The room's name, unique in the pool."),
            Parameter("Category", \.category, mandatory: true, help: "The category the room belongs to (name or pool\\name)."),
            Parameter("Description", \.descriptionText, help: "What the room is for (at most 256 characters)."),
            Parameter("Disabled", \.disabled, help: "Creates the room disabled."),
            Parameter("Invitations", \.invitations, help: "Inherit (as the category says, the default) or False."),
            Parameter("Privacy", \.privacy, help: "Open, Closed (the default) or Secret."),
            Parameter("Type", \.type, help: "Normal (the default) or Auditorium."),
            Parameter("Addin", \.addin, help: "An add-in of the pool to show with the room."),
            Parameter("PersistentChatPoolFqdn", \.poolFqdn, help: "The pool; needed only with several Persistent Chat pools."),
        ])

    var name = ""
    var category = ""
    var descriptionText: String?
    var disabled: Bool?
    var invitations: RoomInvitations?
    var privacy: RoomPrivacy?
    var type: RoomType?
    var addin: String?
    var poolFqdn: String?

    func process(_ context: CommandContext) throws {
        let pool: PoolInfo
        var categoryName = category
        if let slash = category.firstIndex(of: "\\") {
            let named = String(category[..<slash])
            if let poolFqdn, poolFqdn.caseInsensitiveCompare(named) != .orderedSame {
                throw context.terminatingError("The category '\(category)' is in \(named), not in \(poolFqdn); a room is created in its category's pool.",
                                               id: "CategoryInOtherPool", category: .InvalidArgument, target: .string(category))
            }
            pool = try context.persistentChatPool(named)
            categoryName = String(category[category.index(after: slash)...])
        } else if let poolFqdn {
            pool = try context.persistentChatPool(poolFqdn)
        } else {
            pool = try context.locatePersistentChatItem(category, kind: .category).pool
        }
        let database = try context.persistentChatDatabase(pool)
        let repository = PersistentChatRepository(pool: pool.fqdn)
        var settings = PersistentChatRepository.RoomSettings(name: name, category: categoryName)
        settings.description = descriptionText
        settings.disabled = disabled
        settings.invitations = invitations
        settings.privacy = privacy
        settings.type = type
        settings.addin = addin
        let created = try context.domain { try database.write { db in try repository.createRoom(settings, in: db) } }
        try context.write(PersistentChatOutput.room(created, pool: pool.fqdn, asObject: false))
    }
}

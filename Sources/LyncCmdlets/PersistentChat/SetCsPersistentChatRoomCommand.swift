import LyncDeployment
import PSRuntime

/// Changes a chat room's settings and role lists.
final class SetCsPersistentChatRoomCommand: PersistentChatItemCommand<ChatRoomInstanceKind>, Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsPersistentChatRoomCommand.self, name: "Set-CsPersistentChatRoom",
        synopsis: "Changes a Persistent Chat room.",
        description: """
            Changes a room's name, description, category, state (-Disabled), invitations, privacy, type and \
            add-in, and its lists: Managers, Members and Presenters. Each list takes @{Add=…}, @{Remove=…}, \
            @{Replace=…} or $null, with SIP addresses, user or group distinguished names, OU or domain \
            names; everyone named must be inside the category's AllowedMembers minus DeniedMembers, and a \
            name the directory does not know is refused ("principal not provisioned"). -Members $null makes \
            the room take its membership from the category. Only an Auditorium room can have presenters. \
            Moving a room to another category drops the role holders the new category does not allow. \
            Rooms piped from Get-CsPersistentChatRoom are matched by Identity.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Identity",
        supportsShouldProcess: true,
        examples: [
            HelpExample("Set-CsPersistentChatRoom -Identity \"atl-cs-001.litwareinc.com\\ITChatRoom\" -Disabled $True", "Disables ITChatRoom."),
            HelpExample("Get-CsPersistentChatRoom -PersistentChatPoolFqdn \"atl-cs-001.litwareinc.com\" | Set-CsPersistentChatRoom -Disabled $True",
                        "Disables every room of a pool."),
            HelpExample("Set-CsPersistentChatRoom -Identity \"atl-cs-001.litwareinc.com\\ITChatRoom\" -Members @{Add=\"OU=NorthAmericaUsers,DC=litwareinc,DC=com\"}",
                        "Makes everyone of an OU a member."),
            HelpExample("Set-CsPersistentChatRoom -Identity \"atl-cs-001.litwareinc.com\\ITChatRoom\" -Members $null",
                        "The room's members become those of its category."),
        ],
        parameters: itemParameters() + [
            Parameter("Name", \.newName, help: "A new name, unique in the pool."),
            Parameter("Description", \.descriptionText, help: "A new description (at most 256 characters)."),
            Parameter("Category", \.category, help: "Moves the room to this category of the same pool."),
            Parameter("Disabled", \.disabled, help: "$True disables the room, $False enables it."),
            Parameter("Invitations", \.invitations, help: "Inherit or False."),
            Parameter("Privacy", \.privacy, help: "Open, Closed or Secret."),
            Parameter("Type", \.type, help: "Normal or Auditorium."),
            Parameter("Addin", \.addin, help: "An add-in of the pool to show with the room ($null for none)."),
            Parameter("Managers", \.managers, help: "Who manages the room: changes to the list."),
            Parameter("Members", \.members, help: "Who is a member: changes to the list ($null: as the category says)."),
            Parameter("Presenters", \.presenters, help: "Who may post in an Auditorium room: changes to the list."),
            .switchParameter("AsObject", \.asObject, help: "Display names may be used to name principals to remove."),
            .switchParameter("Force", \.force, help: "Changes the room without asking for confirmation."),
        ])

    var newName: String?
    var descriptionText: String?
    var category: String?
    var disabled: Bool?
    var invitations: RoomInvitations?
    var privacy: RoomPrivacy?
    var type: RoomType?
    var addin: String?
    var managers: ListModifier<String>?
    var members: ListModifier<String>?
    var presenters: ListModifier<String>?
    var asObject = false
    var force = false

    func process(_ context: CommandContext) throws {
        let text = try itemIdentity(context)
        let (pool, name) = try context.locatePersistentChatItem(text, kind: .room)
        let database = try context.persistentChatDatabase(pool)
        let repository = PersistentChatRepository(pool: pool.fqdn)
        let current = try context.domain { try database.read { db in try repository.requireRoom(name, in: db) } }
        var change = PersistentChatRepository.RoomChange()
        change.name = newName
        if context.isBound("Description") { change.description = .some(descriptionText) }
        if let category {
            // The category stays in the room's pool: accept pool\name only for that pool.
            if let slash = category.firstIndex(of: "\\") {
                let named = String(category[..<slash])
                guard named.caseInsensitiveCompare(pool.fqdn) == .orderedSame else {
                    throw context.terminatingError("A room stays in its pool: '\(category)' is in \(named), the room in \(pool.fqdn).",
                                                   id: "CategoryInOtherPool", category: .InvalidArgument, target: .string(category))
                }
                change.category = String(category[category.index(after: slash)...])
            } else {
                change.category = category
            }
        }
        change.disabled = disabled
        change.invitations = invitations
        change.privacy = privacy
        change.type = type
        if context.isBound("Addin") { change.addin = .some(addin.flatMap { $0.isEmpty ? nil : $0 }) }
        change.managers = try context.appliedPrincipals(managers, to: current.managers)
        change.members = try context.appliedPrincipals(members, to: current.members)
        change.presenters = try context.appliedPrincipals(presenters, to: current.presenters)
        guard try context.shouldProcess(target: "\(pool.fqdn)\\\(current.name)", action: "Set-CsPersistentChatRoom", force: force) else { return }
        try context.reportingErrors { try database.write { db in _ = try repository.updateRoom(current.name, change, in: db) } }
    }
}

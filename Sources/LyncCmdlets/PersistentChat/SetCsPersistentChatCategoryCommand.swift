import LyncDeployment
import PSRuntime

/// Changes a category's settings and principal lists.
final class SetCsPersistentChatCategoryCommand: PersistentChatItemCommand<CategoryInstanceKind>, Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsPersistentChatCategoryCommand.self, name: "Set-CsPersistentChatCategory",
        synopsis: "Changes a Persistent Chat category.",
        description: """
            Changes the name, description, invitations, file upload and chat history of a category, and \
            its lists: AllowedMembers, DeniedMembers and Creators. Each list takes @{Add=…}, @{Remove=…}, \
            @{Replace=…} or $null (empty), with SIP addresses, user or group distinguished names, OU or \
            domain names; a principal the directory does not know is refused ("principal not provisioned"). \
            Creators must stay inside AllowedMembers minus DeniedMembers. Turning invitations off turns \
            them off for the category's rooms too. Categories piped from Get-CsPersistentChatCategory are \
            matched by Identity.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Identity",
        supportsShouldProcess: true,
        examples: [
            HelpExample("Set-CsPersistentChatCategory -Identity \"atl-cs-001.litwareinc.com\\helpdesk\" -FileUpload $False",
                        "Stops file sharing in the helpdesk category."),
            HelpExample("Get-CsPersistentChatCategory | Set-CsPersistentChatCategory -FileUpload $False", "Stops file sharing everywhere."),
            HelpExample("Set-CsPersistentChatCategory -Identity testCat -AllowedMembers @{Add=\"sip:user1@contoso.com\"} -DeniedMembers @{Add=\"sip:user2@contoso.com\"}",
                        "Lets user1 in and keeps user2 out (a bare name works when only one pool has the category)."),
            HelpExample("Set-CsPersistentChatCategory -Identity testCat -Creators @{Add=\"sip:user1@contoso.com\"}", "Lets user1 create rooms."),
        ],
        parameters: itemParameters() + [
            Parameter("Name", \.newName, help: "A new name, unique in the pool."),
            Parameter("Description", \.descriptionText, help: "A new description (at most 256 characters)."),
            Parameter("Invitations", \.invitations, help: "Whether the category's rooms may send invitations."),
            Parameter("FileUpload", \.fileUpload, help: "Whether the category's rooms may share files."),
            Parameter("ChatHistory", \.chatHistory, help: "Whether the category's rooms keep chat history."),
            Parameter("AllowedMembers", \.allowedMembers, help: "Who may be a member of the category's rooms: changes to the list."),
            Parameter("DeniedMembers", \.deniedMembers, help: "Who may never be a member: changes to the list."),
            Parameter("Creators", \.creators, help: "Who may create rooms in the category (inside AllowedMembers minus DeniedMembers)."),
            .switchParameter("AsObject", \.asObject, help: "Display names may be used to name principals to remove."),
        ])

    var newName: String?
    var descriptionText: String?
    var invitations: Bool?
    var fileUpload: Bool?
    var chatHistory: Bool?
    var allowedMembers: ListModifier<String>?
    var deniedMembers: ListModifier<String>?
    var creators: ListModifier<String>?
    var asObject = false

    func process(_ context: CommandContext) throws {
        let text = try itemIdentity(context)
        let (pool, name) = try context.locatePersistentChatItem(text, kind: .category)
        let database = try context.persistentChatDatabase(pool)
        let repository = PersistentChatRepository(pool: pool.fqdn)
        let current = try context.domain { try database.read { db in try repository.requireCategory(name, in: db) } }
        var change = PersistentChatRepository.CategoryChange()
        change.name = newName
        if context.isBound("Description") { change.description = .some(descriptionText) }
        change.invitations = invitations
        change.fileUpload = fileUpload
        change.chatHistory = chatHistory
        change.allowedMembers = try context.appliedPrincipals(allowedMembers, to: current.allowedMembers)
        change.deniedMembers = try context.appliedPrincipals(deniedMembers, to: current.deniedMembers)
        change.creators = try context.appliedPrincipals(creators, to: current.creators)
        guard try context.shouldProcess(target: "\(pool.fqdn)\\\(current.name)", action: "Set-CsPersistentChatCategory") else { return }
        try context.reportingErrors { try database.write { db in _ = try repository.updateCategory(current.name, change, in: db) } }
    }
}

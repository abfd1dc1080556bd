import LyncDeployment
import PSRuntime

/// Lists the categories of one or every Persistent Chat pool.
final class GetCsPersistentChatCategoryCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsPersistentChatCategoryCommand.self, name: "Get-CsPersistentChatCategory",
        synopsis: "Shows Persistent Chat categories and who may use them.",
        description: """
            A category groups chat rooms and holds what its rooms inherit: whether invitations, file \
            uploads and chat history are on, and who may be a member (AllowedMembers minus DeniedMembers) \
            or create rooms (Creators). Without parameters every category of every Persistent Chat pool is \
            returned; -Identity (pool\\name) picks one, -PersistentChatPoolFqdn one pool's. Lists show SIP \
            addresses and distinguished names, or display names with -AsObject.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Filter",
        outputTypes: [PersistentChatOutput.categoryType],
        examples: [
            HelpExample("Get-CsPersistentChatCategory", "Every category of every Persistent Chat pool."),
            HelpExample("Get-CsPersistentChatCategory -PersistentChatPoolFqdn atl-cs-001.litwareinc.com", "The categories of one pool."),
            HelpExample("Get-CsPersistentChatCategory | Where-Object {$_.Invites -eq $False}", "Categories whose rooms cannot send invitations."),
            HelpExample("Get-CsPersistentChatCategory -AsObject | Where-Object {$_.Creators -contains \"Ken Myer\"}",
                        "Categories in which Ken Myer may create rooms (display names need -AsObject)."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, sets: ["Identity"], help: "The category: <pool FQDN>\\<name>."),
            Parameter("PersistentChatPoolFqdn", \.poolFqdn, sets: ["Filter"], help: "Only this pool's categories."),
            .switchParameter("AsObject", \.asObject, help: "Shows display names instead of SIP addresses and distinguished names in the lists."),
        ])

    var identity: String?
    var poolFqdn: String?
    var asObject = false

    func process(_ context: CommandContext) throws {
        if let identity {
            let (pool, name) = try context.locatePersistentChatItem(identity, kind: .category)
            let database = try context.persistentChatDatabase(pool)
            let repository = PersistentChatRepository(pool: pool.fqdn)
            let found = try context.domain { try database.read { db in try repository.requireCategory(name, in: db) } }
            try context.write(PersistentChatOutput.category(found, pool: pool.fqdn, asObject: asObject))
            return
        }
        for pool in try context.persistentChatPools(poolFqdn) {
            let database = try context.persistentChatDatabase(pool)
            let repository = PersistentChatRepository(pool: pool.fqdn)
            for category in try context.domain({ try database.read { db in try repository.categories(in: db) } }) {
                try context.write(PersistentChatOutput.category(category, pool: pool.fqdn, asObject: asObject))
            }
        }
    }
}

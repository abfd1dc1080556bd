import LyncDeployment
import PSRuntime

/// Lists the add-ins registered in Persistent Chat pools.
final class GetCsPersistentChatAddinCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsPersistentChatAddinCommand.self, name: "Get-CsPersistentChatAddin",
        synopsis: "Shows Persistent Chat add-ins.",
        description: """
            An add-in is a web page that the client shows next to a chat room. Without parameters every \
            add-in of every pool is returned; -Identity (pool\\name) picks one, -PersistentChatPoolFqdn one \
            pool's, -Filter matches identities with wildcards.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Filter",
        outputTypes: [PersistentChatOutput.addinType],
        examples: [
            HelpExample("Get-CsPersistentChatAddin", "Every add-in."),
            HelpExample("Get-CsPersistentChatAddin -Identity \"atl-cs-001.litwareinc.com\\ITPersistentChatAddin\"", "One add-in."),
            HelpExample("Get-CsPersistentChatAddin -PersistentChatPoolFqdn \"atl-cs-001.litwareinc.com\"", "The add-ins of one pool."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, sets: ["Identity"], help: "The add-in: <pool FQDN>\\<name>."),
            Parameter("PersistentChatPoolFqdn", \.poolFqdn, sets: ["Filter"], help: "Only this pool's add-ins."),
            Parameter("Filter", \.filter, sets: ["Filter"], help: "Identities matching this wildcard pattern."),
        ])

    var identity: String?
    var poolFqdn: String?
    var filter: String?

    func process(_ context: CommandContext) throws {
        if let identity {
            let (pool, name) = try context.locatePersistentChatItem(identity, kind: .addin)
            let database = try context.persistentChatDatabase(pool)
            let repository = PersistentChatRepository(pool: pool.fqdn)
            let found = try context.domain { try database.read { db in try repository.requireAddin(name, in: db) } }
            try context.write(PersistentChatOutput.addin(found, pool: pool.fqdn))
            return
        }
        let pattern = filter.map { WildcardPattern($0) }
        for pool in try context.persistentChatPools(poolFqdn) {
            let database = try context.persistentChatDatabase(pool)
            let repository = PersistentChatRepository(pool: pool.fqdn)
            for addin in try context.domain({ try database.read { db in try repository.addins(in: db) } })
            where pattern?.matches("\(pool.fqdn)\\\(addin.name)") ?? true {
                try context.write(PersistentChatOutput.addin(addin, pool: pool.fqdn))
            }
        }
    }
}

import LyncDeployment
import PSRuntime

/// Registers an add-in in a Persistent Chat pool.
final class NewCsPersistentChatAddinCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsPersistentChatAddinCommand.self, name: "New-CsPersistentChatAddin",
        synopsis: "Registers a Persistent Chat add-in.",
        description: """
            Registers a web page (an add-in) that rooms of the pool can show. The name must be unique in the \
            pool and at most 50 characters; the URL must be an http:// or https:// address of at most 255 \
            characters. Attach it to a room with New- or Set-CsPersistentChatRoom -Addin. \
            -PersistentChatPoolFqdn is needed only with several Persistent Chat pools.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, outputTypes: [PersistentChatOutput.addinType],
        examples: [
            HelpExample("New-CsPersistentChatAddin -Name \"ITPersistentChatAddin\" -PersistentChatPoolFqdn \"atl-cs-001.litwareinc.com\" -Url \"https://atl-cs-001.litwareinc.com/itchat\"",
                        "Registers the ITPersistentChatAddin page."),
        ],
        parameters: [
            Parameter("Name", \.name, mandatory: true, help: "The add-in's name (at most 50 characters), unique in the pool."),
            Parameter("Url", \.url, mandatory: true, help: "The page's address (http:// or https://, at most 255 characters)."),
            Parameter("PersistentChatPoolFqdn", \.poolFqdn, help: "The pool; needed only with several Persistent Chat pools."),
        ])

    var name = ""
    var url = ""
    var poolFqdn: String?

    func process(_ context: CommandContext) throws {
        let pool = try context.persistentChatPool(poolFqdn)
        let database = try context.persistentChatDatabase(pool)
        let repository = PersistentChatRepository(pool: pool.fqdn)
        let created = try context.domain { try database.write { db in try repository.createAddin(name: name, url: url, in: db) } }
        try context.write(PersistentChatOutput.addin(created, pool: pool.fqdn))
    }
}

import LyncDeployment
import PSRuntime

/// Creates a category in a Persistent Chat pool.
final class NewCsPersistentChatCategoryCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsPersistentChatCategoryCommand.self, name: "New-CsPersistentChatCategory",
        synopsis: "Creates a Persistent Chat category.",
        description: """
            Adds a category, the container every chat room must belong to. The name must be unique in the \
            pool among categories and rooms (at most 256 characters). A new category keeps chat history \
            unless -RemoveChatHistory is given; invitations and file uploads stay off unless \
            -EnableInvitations or -EnableFileUpload turn them on. Members and creators are set afterwards \
            with Set-CsPersistentChatCategory. -PersistentChatPoolFqdn is needed only when the topology has \
            more than one Persistent Chat pool.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, outputTypes: [PersistentChatOutput.categoryType],
        examples: [
            HelpExample("New-CsPersistentChatCategory -Name \"HelpDesk\" -PersistentChatPoolFqdn \"atl-cs-001.litwareinc.com\" -EnableFileUpload",
                        "Creates the HelpDesk category, whose rooms may share files."),
        ],
        parameters: [
            Parameter("Name", \.name, mandatory: true, help: "The category's name, unique in the pool."),
            Parameter("Description", \.descriptionText, help: "What the category is for (at most 256 characters)."),
            Parameter("PersistentChatPoolFqdn", \.poolFqdn, help: "The pool; needed only with several Persistent Chat pools."),
            .switchParameter("EnableFileUpload", \.enableFileUpload, help: "Lets the category's rooms share files."),
            .switchParameter("EnableInvitations", \.enableInvitations, help: "Lets the category's rooms send invitations."),
            .switchParameter("RemoveChatHistory", \.removeChatHistory, help: "Keeps no chat history in the category's rooms."),
        ])

    var name = ""
    var descriptionText: String?
    var poolFqdn: String?
    var enableFileUpload = false
    var enableInvitations = false
    var removeChatHistory = false

    func process(_ context: CommandContext) throws {
        let pool = try context.persistentChatPool(poolFqdn)
        let database = try context.persistentChatDatabase(pool)
        let repository = PersistentChatRepository(pool: pool.fqdn)
        let created = try context.domain {
            try database.write { db in
                try repository.createCategory(name: name, description: descriptionText, invitations: enableInvitations,
                                              fileUpload: enableFileUpload, chatHistory: !removeChatHistory, in: db)
            }
        }
        try context.write(PersistentChatOutput.category(created, pool: pool.fqdn, asObject: false))
    }
}

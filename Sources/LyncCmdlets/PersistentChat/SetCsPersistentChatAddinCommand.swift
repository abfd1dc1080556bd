import LyncDeployment
import PSRuntime

/// Renames an add-in or changes its address.
final class SetCsPersistentChatAddinCommand: PersistentChatItemCommand<AddinInstanceKind>, Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsPersistentChatAddinCommand.self, name: "Set-CsPersistentChatAddin",
        synopsis: "Changes a Persistent Chat add-in.",
        description: """
            Changes an add-in's name (at most 50 characters, unique in the pool) or URL (http:// or \
            https://, at most 255 characters). Rooms showing the add-in keep showing it. Add-ins piped from \
            Get-CsPersistentChatAddin are matched by Identity.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Identity",
        supportsShouldProcess: true,
        examples: [
            HelpExample("Set-CsPersistentChatAddin -Identity \"atl-cs-001.litwareinc.com\\ITPersistentChatAddin\" -Url \"https://atl-cs-001.litwareinc.com/itchat2\"",
                        "Points the add-in at a new page."),
        ],
        parameters: itemParameters() + [
            Parameter("Name", \.newName, help: "A new name."),
            Parameter("Url", \.url, help: "A new address."),
        ])

    var newName: String?
    var url: String?

    func process(_ context: CommandContext) throws {
        let text = try itemIdentity(context)
        let (pool, name) = try context.locatePersistentChatItem(text, kind: .addin)
        let database = try context.persistentChatDatabase(pool)
        let repository = PersistentChatRepository(pool: pool.fqdn)
        guard try context.shouldProcess(target: "\(pool.fqdn)\\\(name)", action: "Set-CsPersistentChatAddin") else { return }
        try context.reportingErrors { try database.write { db in _ = try repository.updateAddin(name, newName: newName, url: url, in: db) } }
    }
}

import LyncDeployment
import PSRuntime

/// Unregisters an add-in.
final class RemoveCsPersistentChatAddinCommand: PersistentChatItemCommand<AddinInstanceKind>, Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsPersistentChatAddinCommand.self, name: "Remove-CsPersistentChatAddin",
        synopsis: "Removes a Persistent Chat add-in.",
        description: """
            Unregisters an add-in; rooms that showed it show none afterwards. The command asks before \
            removing (High impact); -Force or -Confirm:$false skip the question. Add-ins piped from \
            Get-CsPersistentChatAddin are matched by Identity.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Identity",
        supportsShouldProcess: true, confirmImpact: .High,
        examples: [
            HelpExample("Remove-CsPersistentChatAddin -Identity \"atl-cs-001.litwareinc.com\\ITChatAddin\"", "Removes the ITChatAddin add-in."),
            HelpExample("Get-CsPersistentChatAddin | Remove-CsPersistentChatAddin", "Removes every add-in."),
        ],
        parameters: itemParameters() + [
            .switchParameter("Force", \.force, help: "Removes without asking for confirmation."),
        ])

    var force = false

    func process(_ context: CommandContext) throws {
        let text = try itemIdentity(context)
        let (pool, name) = try context.locatePersistentChatItem(text, kind: .addin)
        let database = try context.persistentChatDatabase(pool)
        let repository = PersistentChatRepository(pool: pool.fqdn)
        guard try context.shouldProcess(target: "\(pool.fqdn)\\\(name)", action: "Remove-CsPersistentChatAddin", force: force) else { return }
        try context.reportingErrors { try database.write { db in try repository.removeAddin(name, in: db) } }
    }
}

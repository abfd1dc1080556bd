import LyncDeployment
import PSRuntime

/// Removes an empty category.
final class RemoveCsPersistentChatCategoryCommand: PersistentChatItemCommand<CategoryInstanceKind>, Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsPersistentChatCategoryCommand.self, name: "Remove-CsPersistentChatCategory",
        synopsis: "Removes an empty Persistent Chat category.",
        description: """
            Deletes a category. Only a category without rooms can go: remove its rooms, or move them to \
            another category with Set-CsPersistentChatRoom -Category, first. The command asks before \
            removing (High impact); -Confirm:$false skips the question. Categories piped from \
            Get-CsPersistentChatCategory are matched by Identity; a category that still has rooms is \
            reported and the others are removed.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Identity",
        supportsShouldProcess: true, confirmImpact: .High,
        examples: [
            HelpExample("Remove-CsPersistentChatCategory -Identity \"atl-cs-001.litwareinc.com\\helpdesk\"", "Removes the helpdesk category."),
            HelpExample("Get-CsPersistentChatCategory | Remove-CsPersistentChatCategory", "Removes every empty category."),
        ],
        parameters: itemParameters() + [
        ])


    func process(_ context: CommandContext) throws {
        let text = try itemIdentity(context)
        let (pool, name) = try context.locatePersistentChatItem(text, kind: .category)
        let database = try context.persistentChatDatabase(pool)
        let repository = PersistentChatRepository(pool: pool.fqdn)
        guard try context.shouldProcess(target: "\(pool.fqdn)\\\(name)", action: "Remove-CsPersistentChatCategory") else { return }
        try context.reportingErrors { try database.write { db in try repository.removeCategory(name, in: db) } }
    }
}

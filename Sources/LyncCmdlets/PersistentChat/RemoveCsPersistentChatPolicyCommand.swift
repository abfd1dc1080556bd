import LyncDeployment
import PSRuntime

/// Removes a Persistent Chat policy (the Global one is reset instead).
final class RemoveCsPersistentChatPolicyCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsPersistentChatPolicyCommand.self, name: "Remove-CsPersistentChatPolicy",
        synopsis: "Removes a Persistent Chat policy.",
        description: """
            Deletes a site or per-user policy; users it was granted to fall back to their site's policy or \
            the Global one. The Global policy cannot be deleted: removing it puts back its defaults \
            (Persistent Chat off). Asks before removing (High impact); -Force or -Confirm:$false skip the \
            question.
            """,
        module: "Lync", securityArea: "PersistentChat,Users", supportsShouldProcess: true, confirmImpact: .High,
        examples: [
            HelpExample("Remove-CsPersistentChatPolicy -Identity \"site:Redmond\"", "Deletes the Redmond site policy."),
            HelpExample("Get-CsPersistentChatPolicy -Filter \"tag:*\" | Remove-CsPersistentChatPolicy", "Deletes every per-user policy."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byPropertyName, help: "The policy to remove."),
            .switchParameter("Force", \.force, help: "Removes without asking for confirmation."),
        ])

    var identity = ""
    var force = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        guard try context.shouldProcess(target: identity, action: "Remove-CsPersistentChatPolicy", force: force) else { return }
        try context.reportingErrors { try store.write { db in try PersistentChatSettings.removePolicy(identity, in: db) } }
    }
}

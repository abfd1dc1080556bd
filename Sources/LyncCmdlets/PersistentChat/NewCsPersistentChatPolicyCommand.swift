import LyncDeployment
import PSRuntime

/// Creates a site or per-user Persistent Chat policy.
final class NewCsPersistentChatPolicyCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsPersistentChatPolicyCommand.self, name: "New-CsPersistentChatPolicy",
        synopsis: "Creates a Persistent Chat policy.",
        description: """
            Creates a policy for a site (site:<name>, the site must be in the topology) or a per-user policy \
            (tag:<name>, or just the name). Persistent Chat stays off in a new policy unless \
            -EnablePersistentChat $True is given. Per-user policies take effect when granted with \
            Grant-CsPersistentChatPolicy.
            """,
        module: "Lync", securityArea: "PersistentChat,Users", outputTypes: [PersistentChatOutput.policyType],
        examples: [
            HelpExample("New-CsPersistentChatPolicy -Identity \"site:Redmond\" -EnablePersistentChat $True",
                        "Lets the Redmond site's users use Persistent Chat."),
            HelpExample("New-CsPersistentChatPolicy -Identity \"RedmondUsersPersistentChatPolicy\" -EnablePersistentChat $True",
                        "A per-user policy that allows Persistent Chat."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, help: "site:<name> or tag:<name> (a bare name is a per-user policy)."),
            Parameter("Description", \.descriptionText, help: "What the policy is for."),
            Parameter("EnablePersistentChat", \.enable, help: "Whether users of the policy may use Persistent Chat (default $False)."),
        ])

    var identity = ""
    var descriptionText: String?
    var enable = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let policy = try context.domain {
            try store.write { db in try PersistentChatSettings.createPolicy(identity, description: descriptionText, enable: enable, in: db) }
        }
        try context.write(PersistentChatOutput.policy(policy))
    }
}

import LyncDeployment
import PSRuntime

/// Lists Persistent Chat policies.
final class GetCsPersistentChatPolicyCommand: SettingsQueryCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsPersistentChatPolicyCommand.self, name: "Get-CsPersistentChatPolicy",
        synopsis: "Shows Persistent Chat policies.",
        description: """
            A Persistent Chat policy says whether users may use Persistent Chat (EnablePersistentChat). The \
            Global policy applies to everyone and starts with Persistent Chat off; site:<name> policies \
            apply to a site's users, and per-user policies (tag:<name>) to the users they are granted to \
            with Grant-CsPersistentChatPolicy. -Identity picks one policy (a bare name means tag:<name>), \
            -Filter matches identities with wildcards.
            """,
        module: "Lync", securityArea: "PersistentChat,Users", defaultParameterSet: "Filter",
        outputTypes: [PersistentChatOutput.policyType],
        examples: [
            HelpExample("Get-CsPersistentChatPolicy", "Every Persistent Chat policy."),
            HelpExample("Get-CsPersistentChatPolicy -Identity Global", "The global policy."),
            HelpExample("Get-CsPersistentChatPolicy -Filter \"tag:*\"", "The per-user policies."),
        ],
        parameters: queryParameters(identityHelp: "Global, site:<name> or tag:<name>."))

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        if let identity {
            let policy = try context.domain { try store.read { db in try PersistentChatSettings.requirePolicy(identity, in: db) } }
            try context.write(PersistentChatOutput.policy(policy))
            return
        }
        let pattern = filter.map { WildcardPattern($0) }
        for policy in try context.domain({ try store.read { db in try PersistentChatSettings.policies(in: db) } })
        where pattern?.matches(policy.identity) ?? true {
            try context.write(PersistentChatOutput.policy(policy))
        }
    }
}

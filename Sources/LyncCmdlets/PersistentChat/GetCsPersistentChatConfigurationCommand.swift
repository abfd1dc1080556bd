import LyncDeployment
import PSRuntime

/// Lists Persistent Chat configurations.
final class GetCsPersistentChatConfigurationCommand: SettingsQueryCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsPersistentChatConfigurationCommand.self, name: "Get-CsPersistentChatConfiguration",
        synopsis: "Shows Persistent Chat configurations.",
        description: """
            A configuration holds how many messages a room shows when joined (DefaultChatHistory, 1–500, \
            default 30), the largest file that can be posted (MaxFileSizeKB, default 20000), how many \
            participants a room's presence updates are sent for (ParticipantUpdateLimit, default 75) and the \
            room management web address. There is a Global one; site:<name> and \
            service:PersistentChatServer:<fqdn> ones override it. -Filter matches identities with wildcards.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Filter",
        outputTypes: [PersistentChatOutput.configurationType],
        examples: [
            HelpExample("Get-CsPersistentChatConfiguration", "Every configuration."),
            HelpExample("Get-CsPersistentChatConfiguration -Identity Global", "The global configuration."),
        ],
        parameters: queryParameters(identityHelp: "Global, site:<name> or service:PersistentChatServer:<fqdn>."))

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        if let identity {
            let key = PersistentChatConfigurationIdentity.normalized(identity)
            let found = try context.domain { try store.read { db in try PersistentChatSettings.requireConfiguration(key, in: db) } }
            try context.write(PersistentChatOutput.configuration(found))
            return
        }
        let pattern = filter.map { WildcardPattern($0) }
        for configuration in try context.domain({ try store.read { db in try PersistentChatSettings.configurations(in: db) } })
        where pattern?.matches(configuration.identity) ?? true {
            try context.write(PersistentChatOutput.configuration(configuration))
        }
    }
}

/// Configuration identities as stored: `Global`, `site:X`, `service:PersistentChatServer:<fqdn>`.
enum PersistentChatConfigurationIdentity {
    static func normalized(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower == "global" { return "Global" }
        if lower.hasPrefix("site:") { return "site:" + trimmed.dropFirst(5) }
        if lower.hasPrefix("service:") {
            return "service:PersistentChatServer:" + PersistentChatStateIdentity.poolFqdn(trimmed)
        }
        return trimmed
    }
}

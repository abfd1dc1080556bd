import LyncDeployment
import PSRuntime

/// The identity forms of a Persistent Chat pool's state: `PersistentChatServer:<fqdn>`,
/// `service:<fqdn>` (a how-to page writes `service: <fqdn>`, with a space) and
/// `service:PersistentChatServer:<fqdn>`.
enum PersistentChatStateIdentity {
    static func poolFqdn(_ identity: String) -> String {
        var text = identity.trimmingCharacters(in: .whitespaces)
        // In this order, so service:PersistentChatServer:<fqdn> loses both prefixes.
        for prefix in ["service:", "PersistentChatServer:"] where text.lowercased().hasPrefix(prefix.lowercased()) {
            text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        return text
    }
}

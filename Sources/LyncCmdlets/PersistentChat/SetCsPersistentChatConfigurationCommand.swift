import LyncDeployment
import PSRuntime

/// Changes (or, for a site or service, creates) a Persistent Chat configuration.
final class SetCsPersistentChatConfigurationCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsPersistentChatConfigurationCommand.self, name: "Set-CsPersistentChatConfiguration",
        synopsis: "Changes a Persistent Chat configuration.",
        description: """
            Changes DefaultChatHistory (1–500 messages), MaxFileSizeKB, ParticipantUpdateLimit or \
            RoomManagementUrl of the Global configuration (without -Identity), a site's (site:<name>) or a \
            pool's (service:PersistentChatServer:<fqdn>; the pool must be a Persistent Chat pool of the \
            topology). A site or pool configuration that does not exist yet is created from the defaults.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        examples: [
            HelpExample("Set-CsPersistentChatConfiguration -Identity Global -DefaultChatHistory 50", "Rooms show their last 50 messages."),
            HelpExample("Set-CsPersistentChatConfiguration -Identity \"service:PersistentChatServer:atl-cs-001.litwareinc.com\" -MaxFileSizeKB 10000",
                        "A smaller file limit for one pool."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, pipeline: .byPropertyName, help: "Global (the default), site:<name> or service:PersistentChatServer:<fqdn>."),
            Parameter("DefaultChatHistory", \.defaultChatHistory, help: "Messages shown when a room is joined (1–500)."),
            Parameter("MaxFileSizeKB", \.maxFileSizeKB, help: "The largest file that can be posted, in KB."),
            Parameter("ParticipantUpdateLimit", \.participantUpdateLimit, help: "Participants for whom presence updates are sent."),
            Parameter("RoomManagementUrl", \.roomManagementUrl, help: "The room management web page."),
            .switchParameter("Force", \.force, help: "Changes without asking for confirmation."),
        ])

    var identity = "Global"
    var defaultChatHistory: Int?
    var maxFileSizeKB: Int?
    var participantUpdateLimit: Int?
    var roomManagementUrl: String?
    var force = false

    func process(_ context: CommandContext) throws {
        let key = PersistentChatConfigurationIdentity.normalized(identity)
        if key.hasPrefix("service:") {
            _ = try context.persistentChatPool(PersistentChatStateIdentity.poolFqdn(key))
        }
        let store = try context.store()
        guard try context.shouldProcess(target: key, action: "Set-CsPersistentChatConfiguration", force: force) else { return }
        let url: String?? = context.isBound("RoomManagementUrl") ? .some(roomManagementUrl.flatMap { $0.isEmpty ? nil : $0 }) : nil
        try context.domain {
            try store.write { db in
                if key.lowercased().hasPrefix("site:"),
                   try TopologyRepository.pools(in: db).contains(where: { "site:\($0.siteName)".caseInsensitiveCompare(key) == .orderedSame }) == false {
                    throw DeploymentError(.objectNotFound, id: "SiteNotFound",
                                          "Cannot find the site '\(key.dropFirst(5))' in the published topology.", target: key)
                }
                _ = try PersistentChatSettings.setConfiguration(key, defaultChatHistory: defaultChatHistory, maxFileSizeKB: maxFileSizeKB,
                                                                participantUpdateLimit: participantUpdateLimit, roomManagementUrl: url, in: db)
            }
        }
    }
}

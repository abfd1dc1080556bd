/// The Windows services Enable-CsTopology installs on a computer, by the roles of its pool.
public enum WindowsServiceCatalog {
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let displayName: String
        public let roleNames: [String]
        /// What the service reports as its activity while it runs.
        public let activityLevel: String
    }

    /// The Centralized Logging agent runs on every Lync Server computer.
    static let clsAgent = Entry(name: clsAgentName, displayName: "Lync Server Centralized Logging Service Agent",
                                roleNames: ["CentralizedLogging"], activityLevel: "Active Scenarios=0")
    /// The IIS web server; `Stop-CsWindowsService -LeaveWebServerRunning` keeps it.
    public static let webServerName = "W3SVC"
    public static let clsAgentName = "RTCCLSAGT"

    static let frontEnd: [Entry] = [
        Entry(name: "RTCSRV", displayName: "Lync Server Front-End",
              roleNames: ["Registrar", "UserServices", "WebConferencingServer", "PresenceFocus"],
              activityLevel: "Incoming Requests Per Second=0, Active Users=0"),
        clsAgent,
        Entry(name: "RTCRGS", displayName: "Lync Server Response Group", roleNames: ["ApplicationServer"],
              activityLevel: "Active Calls=0"),
        Entry(name: "RTCCAA", displayName: "Lync Server Conferencing Attendant", roleNames: ["ApplicationServer"],
              activityLevel: "Active Calls=0"),
        Entry(name: "RTCCPS", displayName: "Lync Server Call Park", roleNames: ["ApplicationServer"],
              activityLevel: "Parked Calls=0"),
        Entry(name: "RTCASMCU", displayName: "Lync Server Application Sharing", roleNames: ["ConferencingServer"],
              activityLevel: "Active Conferences=0, Connected Users=0"),
        Entry(name: "LYNCBACKUP", displayName: "Lync Server Backup Service", roleNames: ["BackupService"],
              activityLevel: "Backup State=Normal"),
        Entry(name: webServerName, displayName: "World Wide Web Publishing Service", roleNames: ["WebServer"],
              activityLevel: ""),
    ]

    static let persistentChat: [Entry] = [
        Entry(name: "RTCCHAT", displayName: "Lync Server Persistent Chat", roleNames: ["PersistentChatService"],
              activityLevel: "Connected Users=0, Active Chat Rooms=0"),
        clsAgent,
    ]

    static let persistentChatCompliance = Entry(
        name: "RTCCHATCOMP", displayName: "Lync Server Persistent Chat Compliance", roleNames: ["PersistentChatService"],
        activityLevel: "Pending Messages=0")

    static let groupChat: [Entry] = [
        Entry(name: "Lookup", displayName: "Group Chat Lookup Service", roleNames: ["GroupChatServer"],
              activityLevel: "Connected Users=0"),
        Entry(name: "Channel", displayName: "Group Chat Channel Service", roleNames: ["GroupChatServer"],
              activityLevel: "Active Channels=0"),
        Entry(name: "Compliance", displayName: "Group Chat Compliance Service", roleNames: ["GroupChatServer"],
              activityLevel: "Pending Messages=0"),
        Entry(name: "Web", displayName: "Group Chat Web Service", roleNames: ["GroupChatServer"],
              activityLevel: ""),
    ]

    /// The services of a computer of `pool`, each name once (collocated roles share the agent).
    public static func services(for pool: TopologyDocument.Pool) -> [Entry] {
        var entries: [Entry] = []
        for role in pool.roles {
            switch role {
            case .frontEnd: entries += frontEnd
            case .persistentChat:
                entries += persistentChat
                if pool.complianceSqlStore != nil { entries.append(persistentChatCompliance) }
            case .groupChat: entries += groupChat
            }
        }
        var seen: Set<String> = []
        return entries.filter { seen.insert($0.name.lowercased()).inserted }
    }

    /// The activity text of `name` while it runs (empty when unknown).
    public static func activityLevel(of name: String) -> String {
        (frontEnd + persistentChat + groupChat + [persistentChatCompliance])
            .first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.activityLevel ?? ""
    }
}

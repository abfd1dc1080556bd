/// The groups and roles every deployment starts with.
public enum BuiltinRoles {
    /// The local administrators' groups. Members of `serverAdmins` may run every command (the
    /// local management shell's rule); the other two are kept for their documented meaning.
    public static let serverAdmins = "RTCUniversalServerAdmins"
    public static let userAdmins = "RTCUniversalUserAdmins"
    public static let readOnlyAdmins = "RTCUniversalReadOnlyAdmins"
    public static let universalGroups = [serverAdmins, userAdmins, readOnlyAdmins]

    /// One of the 11 predefined RBAC roles. Its universal security group has the same name.
    public struct Role: Sendable {
        public let identity: String
        /// What holders may do, in a sentence.
        public let summary: String
        /// The areas whose state-changing cmdlets the role may run (every role may run the
        /// read-only cmdlets of every area).
        public let areas: Set<SecurityArea>
        /// True for the roles that can only view.
        public var isViewOnly: Bool { areas.isEmpty }
    }

    public static let roles: [Role] = [
        Role(identity: "CsAdministrator", summary: "Everything, including roles, topology and the directory.",
             areas: Set(SecurityArea.allCases)),
        Role(identity: "CsUserAdministrator", summary: "Enables and disables users and assigns their policies.",
             areas: [.users]),
        Role(identity: "CsVoiceAdministrator", summary: "Users' voice settings (Set-CsUser); views the rest.",
             areas: [.voice]),
        Role(identity: "CsServerAdministrator", summary: "Starts and stops services; views the rest.",
             areas: [.services]),
        Role(identity: "CsViewOnlyAdministrator", summary: "Views the deployment.", areas: []),
        Role(identity: "CsHelpDesk", summary: "Views the deployment and users for troubleshooting.", areas: []),
        Role(identity: "CsArchivingAdministrator", summary: "Archiving settings (none are managed here yet); views the rest.",
             areas: []),
        Role(identity: "CsResponseGroupAdministrator", summary: "Response Group settings (none are managed here yet); views the rest.",
             areas: []),
        Role(identity: "CsLocationAdministrator", summary: "E9-1-1 locations (none are managed here yet); views the rest.",
             areas: []),
        Role(identity: "CsResponseGroupManager", summary: "Specific response groups (none are managed here yet); views the rest.",
             areas: []),
        Role(identity: "CsPersistentChatAdministrator",
             summary: "Persistent Chat: categories, rooms, add-ins, policies, endpoints, state, export and import.",
             areas: [.persistentChat]),
    ]

    public static func role(named name: String) -> Role? {
        roles.first { $0.identity.caseInsensitiveCompare(name) == .orderedSame }
    }
}

/// The part of the deployment a cmdlet manages. A cmdlet's declaration names its area; whether it
/// only reads comes from its verb. Roles are granted areas (see `BuiltinRoles`).
public enum SecurityArea: String, CaseIterable, Sendable {
    case topology = "Topology"
    case directory = "Directory"
    case users = "Users"
    /// Users' telephony settings, which Lync's CsVoiceAdministrator may change.
    case voice = "Voice"
    case services = "Services"
    case trustedApplications = "TrustedApplications"
    case persistentChat = "PersistentChat"
    case rbac = "RBAC"
}

import GRDB

/// Who the session user is to the role check: their groups (nested membership resolved), the
/// roles those groups carry, and whether they are a local server administrator.
public struct SessionIdentity: Sendable {
    public let userName: String
    /// Lower-cased names of every group the user belongs to, directly or through other groups.
    public let groups: Set<String>
    /// The roles the user holds, with their cmdlets.
    public let roles: [AdminRole]
    /// Members of RTCUniversalServerAdmins may run everything (the local management shell's rule).
    public var isServerAdministrator: Bool { groups.contains(BuiltinRoles.serverAdmins.lowercased()) }
    /// A disabled directory account: it keeps its memberships, but they give it nothing.
    public var isDisabled = false

    public static func resolve(userName: String, roles repository: RoleRepository, in db: Database) throws -> SessionIdentity {
        let enabled = try Bool.fetchOne(db, sql: "SELECT enabled FROM directoryUser WHERE samAccountName = ? COLLATE NOCASE",
                                        arguments: [userName])
        if enabled == false {
            return SessionIdentity(userName: userName, groups: [], roles: [], isDisabled: true)
        }
        let groups = Set(try DirectoryRepository.groupNames(ofUser: userName, in: db).map { $0.lowercased() })
        return SessionIdentity(userName: userName, groups: groups, roles: try repository.roles(ofGroups: groups, in: db))
    }

    /// The role of `name` this user holds, if any.
    public func role(named name: String) -> AdminRole? {
        roles.first { $0.identity.caseInsensitiveCompare(name) == .orderedSame }
    }
}

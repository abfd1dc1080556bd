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

    public static func resolve(userName: String, roles repository: RoleRepository, in db: Database) throws -> SessionIdentity {
        let groups = try groupNames(ofUser: userName, in: db)
        return SessionIdentity(userName: userName, groups: groups, roles: try repository.roles(ofGroups: groups, in: db))
    }

    /// Every group `user` is a member of, through nested groups too (cycles end the walk).
    static func groupNames(ofUser user: String, in db: Database) throws -> Set<String> {
        let names = try String.fetchAll(db, sql: """
            WITH RECURSIVE memberOf(name) AS (
                SELECT groupName FROM groupMember WHERE memberKind = 'user' AND memberName = ?
                UNION
                SELECT groupMember.groupName FROM groupMember JOIN memberOf
                    ON groupMember.memberKind = 'group' AND groupMember.memberName = memberOf.name COLLATE NOCASE)
            SELECT name FROM memberOf
            """, arguments: [user])
        return Set(names.map { $0.lowercased() })
    }

    /// The role of `name` this user holds, if any.
    public func role(named name: String) -> AdminRole? {
        roles.first { $0.identity.caseInsensitiveCompare(name) == .orderedSame }
    }
}

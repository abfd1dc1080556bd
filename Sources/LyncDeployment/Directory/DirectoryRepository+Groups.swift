import Foundation
import GRDB

/// Groups and nested membership. Membership may form cycles (AD allows them), so every walk
/// keeps a set of visited groups.
extension DirectoryRepository {
    public static func groups(in db: Database) throws -> [DirectoryGroup] {
        try Row.fetchAll(db, sql: "SELECT * FROM directoryGroup ORDER BY name COLLATE NOCASE").map(DirectoryGroup.init(row:))
    }

    /// The group `identity` (DN, GUID, SID or SamAccountName) names, or nil.
    public static func findGroup(_ identity: String, in db: Database) throws -> DirectoryGroup? {
        let text = identity.trimmingWhitespace
        guard !text.isEmpty else { return nil }
        let forest = try CentralManagementStore.forestFqdn(in: db)
        if let (name, ou) = splitDistinguishedName(text, forest: forest) {
            return try Row.fetchOne(db, sql: "SELECT * FROM directoryGroup WHERE name = ? COLLATE NOCASE AND ou = ?", arguments: [name, ou])
                .map(DirectoryGroup.init(row:))
        }
        var sam = text
        if let slash = text.lastIndex(of: "\\") { sam = String(text[text.index(after: slash)...]) }
        return try Row.fetchOne(db, sql: "SELECT * FROM directoryGroup WHERE samAccountName = ? OR objectGuid = ? OR sid = ?",
                                arguments: [sam, guidText(text), text]).map(DirectoryGroup.init(row:))
    }

    public static func requireGroup(_ identity: String, in db: Database) throws -> DirectoryGroup {
        if let group = try findGroup(identity, in: db) { return group }
        throw DeploymentError.notFound("a group with identity", identity, id: "GroupNotFound",
                                       hint: "Get-ADGroup -Filter * lists the groups.")
    }

    /// A user or a group named by `identity` (users first, as AD resolves SamAccountNames).
    public static func findPrincipal(_ identity: String, in db: Database) throws -> DirectoryPrincipal? {
        if let user = try findUser(identity, in: db) { return .user(user) }
        if let group = try findGroup(identity, in: db) { return .group(group) }
        return nil
    }

    public static func requirePrincipal(_ identity: String, in db: Database) throws -> DirectoryPrincipal {
        if let principal = try findPrincipal(identity, in: db) { return principal }
        throw DeploymentError.notFound("a user or group with identity", identity, id: "PrincipalNotFound",
                                       hint: "Members are named by SamAccountName, DN, GUID or SID.")
    }

    @discardableResult
    public static func createGroup(_ spec: NewDirectoryGroup, in db: Database) throws -> DirectoryGroup {
        let forest = try CentralManagementStore.forestFqdn(in: db)
        let name = spec.name.trimmingWhitespace
        guard !name.isEmpty else {
            throw DeploymentError(.invalidArgument, id: "InvalidName", "A group needs a name; pass -Name.")
        }
        let sam = try validSamAccountName(spec.samAccountName ?? String(name.prefix(256)), maxLength: 256)
        let ou = try ensureOrganizationalUnit(spec.path, in: db)
        try requireFreeAccountName(sam, in: db)
        try requireFreeDistinguishedName(name: name, ou: ou, forest: forest, in: db)
        try db.execute(sql: """
            INSERT INTO directoryGroup (samAccountName, objectGuid, sid, ou, name, displayName, description,
                groupScope, groupCategory, isBuiltin, whenCreated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
            """, arguments: [sam, UUID().uuidString.lowercased(), try CentralManagementStore.newSid(in: db), ou, name,
                             spec.displayName, spec.description, spec.groupScope.rawValue, spec.groupCategory.rawValue,
                             Date().timeIntervalSince1970])
        return try requireGroup(sam, in: db)
    }

    /// Deletes a group, its member list and its place in other groups. Built-in groups and
    /// groups behind an RBAC role stay.
    public static func removeGroup(_ identity: String, in db: Database) throws {
        let group = try requireGroup(identity, in: db)
        if group.isBuiltin {
            throw DeploymentError(.invalidOperation, id: "BuiltinGroup",
                                  "The group '\(group.samAccountName)' comes with the deployment and cannot be removed.",
                                  target: group.samAccountName)
        }
        if let role = try String.fetchOne(db, sql: "SELECT identity FROM adminRole WHERE sid = ?", arguments: [group.sid]) {
            throw DeploymentError(.invalidOperation, id: "GroupBacksAdminRole",
                                  "The group '\(group.samAccountName)' holds the RBAC role '\(role)'. Remove the role with Remove-CsAdminRole first.",
                                  target: group.samAccountName)
        }
        try db.execute(sql: "DELETE FROM groupMember WHERE memberKind = 'group' AND memberName = ?", arguments: [group.samAccountName])
        try db.execute(sql: "DELETE FROM directoryGroup WHERE samAccountName = ?", arguments: [group.samAccountName])
    }

    // MARK: Membership

    /// Adds `member` to `group`; adding an existing member changes nothing.
    public static func addMember(_ member: DirectoryPrincipal, to group: DirectoryGroup, in db: Database) throws {
        if case .group(let inner) = member, inner.samAccountName.caseInsensitiveCompare(group.samAccountName) == .orderedSame {
            throw DeploymentError(.invalidOperation, id: "GroupCannotContainItself",
                                  "The group '\(group.samAccountName)' cannot be a member of itself.", target: group.samAccountName)
        }
        try db.execute(sql: "INSERT OR IGNORE INTO groupMember (groupName, memberKind, memberName) VALUES (?, ?, ?)",
                       arguments: [group.samAccountName, member.kind, member.samAccountName])
    }

    /// Takes `member` out of `group`; `NotAGroupMember` when it is not a direct member.
    public static func removeMember(_ member: DirectoryPrincipal, from group: DirectoryGroup, in db: Database) throws {
        try db.execute(sql: "DELETE FROM groupMember WHERE groupName = ? AND memberKind = ? AND memberName = ?",
                       arguments: [group.samAccountName, member.kind, member.samAccountName])
        if db.changesCount == 0 {
            throw DeploymentError(.invalidOperation, id: "NotAGroupMember",
                                  "'\(member.samAccountName)' is not a direct member of the group '\(group.samAccountName)'; Get-ADGroupMember lists its members.",
                                  target: member.samAccountName)
        }
    }

    /// The members of `group`: its direct users and groups, or with `recursive` every user
    /// reached through nested groups (each once; groups themselves are not listed).
    public static func members(of group: DirectoryGroup, recursive: Bool = false, in db: Database) throws -> [DirectoryPrincipal] {
        guard recursive else {
            return try directMembers(of: group.samAccountName, in: db)
        }
        var visited: Set<String> = [group.samAccountName.lowercased()]
        var queue = [group.samAccountName]
        var seenUsers: Set<String> = []
        var users: [DirectoryPrincipal] = []
        while !queue.isEmpty {
            let current = queue.removeFirst()
            for member in try directMembers(of: current, in: db) {
                switch member {
                case .user(let user):
                    if seenUsers.insert(user.samAccountName.lowercased()).inserted { users.append(member) }
                case .group(let inner):
                    if visited.insert(inner.samAccountName.lowercased()).inserted { queue.append(inner.samAccountName) }
                }
            }
        }
        return users
    }

    /// The groups `samAccountName` belongs to directly and through nesting, as stored (compare
    /// them case-insensitively). Empty for an unknown user.
    public static func groupNames(ofUser samAccountName: String, in db: Database) throws -> Set<String> {
        let direct = try String.fetchAll(db, sql: "SELECT groupName FROM groupMember WHERE memberKind = 'user' AND memberName = ?",
                                         arguments: [samAccountName])
        return try closure(startingWith: direct, in: db)
    }

    /// The groups a group belongs to, directly and through nesting.
    public static func groupNames(ofGroup samAccountName: String, in db: Database) throws -> Set<String> {
        let direct = try String.fetchAll(db, sql: "SELECT groupName FROM groupMember WHERE memberKind = 'group' AND memberName = ?",
                                         arguments: [samAccountName])
        return try closure(startingWith: direct, in: db)
    }

    /// True when the user is in the group, directly or through nesting (names in any case).
    public static func isMember(user samAccountName: String, ofGroup group: String, in db: Database) throws -> Bool {
        try groupNames(ofUser: samAccountName, in: db).contains { $0.caseInsensitiveCompare(group) == .orderedSame }
    }

    /// The groups a principal is a direct member of (AD's MemberOf).
    public static func directGroups(of principal: DirectoryPrincipal, in db: Database) throws -> [DirectoryGroup] {
        try Row.fetchAll(db, sql: """
            SELECT g.* FROM directoryGroup g JOIN groupMember m ON m.groupName = g.samAccountName
            WHERE m.memberKind = ? AND m.memberName = ? ORDER BY g.name COLLATE NOCASE
            """, arguments: [principal.kind, principal.samAccountName]).map(DirectoryGroup.init(row:))
    }

    /// The DNs of the groups a principal is a direct member of.
    public static func memberOf(_ principal: DirectoryPrincipal, in db: Database) throws -> [String] {
        let forest = try CentralManagementStore.forestFqdn(in: db)
        return try directGroups(of: principal, in: db).map { $0.distinguishedName(forest: forest) }
    }

    /// The DNs of a group's direct members.
    public static func memberNames(of group: DirectoryGroup, in db: Database) throws -> [String] {
        let forest = try CentralManagementStore.forestFqdn(in: db)
        return try members(of: group, in: db).map { $0.distinguishedName(forest: forest) }
    }

    private static func directMembers(of groupName: String, in db: Database) throws -> [DirectoryPrincipal] {
        let users = try Row.fetchAll(db, sql: """
            SELECT u.* FROM directoryUser u JOIN groupMember m ON m.memberName = u.samAccountName AND m.memberKind = 'user'
            WHERE m.groupName = ? ORDER BY u.name COLLATE NOCASE
            """, arguments: [groupName]).map { DirectoryPrincipal.user(DirectoryUser(row: $0)) }
        let groups = try Row.fetchAll(db, sql: """
            SELECT g.* FROM directoryGroup g JOIN groupMember m ON m.memberName = g.samAccountName AND m.memberKind = 'group'
            WHERE m.groupName = ? ORDER BY g.name COLLATE NOCASE
            """, arguments: [groupName]).map { DirectoryPrincipal.group(DirectoryGroup(row: $0)) }
        return users + groups
    }

    private static func closure(startingWith direct: [String], in db: Database) throws -> Set<String> {
        var found: [String: String] = [:]
        var queue = direct
        while !queue.isEmpty {
            let name = queue.removeFirst()
            guard found[name.lowercased()] == nil else { continue }
            found[name.lowercased()] = name
            queue += try String.fetchAll(db, sql: "SELECT groupName FROM groupMember WHERE memberKind = 'group' AND memberName = ?",
                                         arguments: [name])
        }
        return Set(found.values)
    }
}

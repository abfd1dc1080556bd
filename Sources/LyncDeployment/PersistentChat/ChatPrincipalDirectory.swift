import GRDB

/// Turns the principals admins name in Persistent Chat lists — SIP URIs, user and group
/// distinguished names, OU and domain DNs — into the principals a Persistent Chat database
/// caches, with what they belong to. A name the directory does not know is refused with the
/// documented "principal not provisioned".
public enum ChatPrincipalDirectory {
    public static func resolve(_ text: String, in db: Database) throws -> ChatPrincipal {
        let trimmed = text.trimmingWhitespace
        let forest = try CentralManagementStore.forestFqdn(in: db)
        if trimmed.lowercased().hasPrefix("sip:") {
            guard let user = try DirectoryRepository.findUser(trimmed, forms: .lync, in: db), user.sipAddress != nil else {
                throw notProvisioned(trimmed)
            }
            return try principal(for: user, forest: forest, in: db)
        }
        guard trimmed.contains("=") else {
            // A display name (what -AsObject shows) or an account name.
            if let user = try DirectoryRepository.findUser(trimmed, forms: .lync, in: db), user.sipAddress != nil {
                return try principal(for: user, forest: forest, in: db)
            }
            if let group = try DirectoryRepository.findGroup(trimmed, in: db) { return try principal(for: group, forest: forest, in: db) }
            throw notProvisioned(trimmed)
        }
        let dn = DirectoryNames.normalize(trimmed)
        let domain = CentralManagementStore.domainComponents(of: forest)
        if dn.caseInsensitiveCompare(domain) == .orderedSame { return domainPrincipal(forest: forest) }
        if dn.lowercased().hasPrefix("ou=") {
            guard let path = DirectoryNames.ouPath(ofDistinguishedName: dn, forest: forest),
                  try knownOrganizationalUnit(path, in: db) else { throw notProvisioned(trimmed) }
            return organizationalUnit(path, forest: forest)
        }
        if let user = try DirectoryRepository.findUser(dn, in: db), user.sipAddress != nil {
            return try principal(for: user, forest: forest, in: db)
        }
        if let group = try DirectoryRepository.findGroup(dn, in: db) { return try principal(for: group, forest: forest, in: db) }
        throw notProvisioned(trimmed)
    }

    /// The documented error for a principal Persistent Chat cannot use.
    public static func notProvisioned(_ text: String) -> DeploymentError {
        DeploymentError(.objectNotFound, id: "PrincipalNotProvisioned",
                        "principal not provisioned: '\(text)' is not a SIP-enabled user, a group or an OU of the directory. Check the spelling (users by SIP address sip:…, groups and OUs by distinguished name).",
                        target: text)
    }

    // MARK: Building principals

    static func principal(for user: DirectoryUser, forest: String, in db: Database) throws -> ChatPrincipal {
        var affiliations = try groups(try DirectoryRepository.groupNames(ofUser: user.samAccountName, in: db), forest: forest, in: db)
        affiliations += containers(of: user.ou, forest: forest)
        return ChatPrincipal(kind: .user, uri: user.sipAddress ?? "sip:\(user.samAccountName)@\(forest)", name: user.name,
                             displayName: user.displayName ?? user.name, adPath: user.distinguishedName(forest: forest),
                             userPrincipalName: user.userPrincipalName, guid: user.objectGuid,
                             disabled: !user.enabled || !user.csEnabled, affiliations: affiliations)
    }

    static func principal(for group: DirectoryGroup, forest: String, in db: Database) throws -> ChatPrincipal {
        var affiliations = try groups(try DirectoryRepository.groupNames(ofGroup: group.samAccountName, in: db), forest: forest, in: db)
        affiliations += containers(of: group.ou, forest: forest)
        return groupPrincipal(group, forest: forest, affiliations: affiliations)
    }

    private static func groupPrincipal(_ group: DirectoryGroup, forest: String, affiliations: [ChatPrincipal] = []) -> ChatPrincipal {
        ChatPrincipal(kind: .group, uri: "ma-grp:\(group.objectGuid)", name: group.name, displayName: group.displayName ?? group.name,
                      adPath: group.distinguishedName(forest: forest), guid: group.objectGuid, affiliations: affiliations)
    }

    private static func groups(_ names: Set<String>, forest: String, in db: Database) throws -> [ChatPrincipal] {
        try names.sorted().compactMap { name in
            try DirectoryRepository.findGroup(name, in: db).map { groupPrincipal($0, forest: forest) }
        }
    }

    /// The OUs an object sits in (innermost first), then the domain.
    private static func containers(of ou: String, forest: String) -> [ChatPrincipal] {
        var result: [ChatPrincipal] = []
        var parts = DirectoryNames.relativeNames(ou)
        while let first = parts.first {
            if first.lowercased().hasPrefix("ou=") { result.append(organizationalUnit(parts.joined(separator: ","), forest: forest)) }
            parts.removeFirst()
        }
        return result + [domainPrincipal(forest: forest)]
    }

    private static func organizationalUnit(_ path: String, forest: String) -> ChatPrincipal {
        let dn = DirectoryNames.distinguishedName(ou: path, forest: forest)
        let name = DirectoryNames.relativeNames(path).first.map { DirectoryRepository.unescape(String($0.dropFirst(3))) } ?? path
        return ChatPrincipal(kind: .folder, uri: "ma-fold:\(dn.lowercased())", name: name, adPath: dn, guid: "ou:\(dn.lowercased())")
    }

    private static func domainPrincipal(forest: String) -> ChatPrincipal {
        let dn = CentralManagementStore.domainComponents(of: forest)
        return ChatPrincipal(kind: .domain, uri: "ma-dc:\(forest.lowercased())", name: forest, adPath: dn, guid: "dc:\(forest.lowercased())")
    }

    /// An OU the directory has, or one that only exists as the parent of stored objects.
    private static func knownOrganizationalUnit(_ path: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM organizationalUnit WHERE path = ?1)
                OR EXISTS (SELECT 1 FROM (SELECT ou FROM directoryUser UNION ALL SELECT ou FROM directoryGroup UNION ALL SELECT path FROM organizationalUnit)
                           WHERE lower(ou) = lower(?1) OR lower(substr(ou, -length(?1) - 1)) = ',' || lower(?1))
            """, arguments: [path]) ?? false
    }
}

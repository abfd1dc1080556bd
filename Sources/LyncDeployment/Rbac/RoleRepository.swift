import Foundation
import GRDB

/// Reads and changes RBAC roles. Built-in roles cannot be created, deleted or given other
/// cmdlets or scopes; a custom role needs a universal security group of the same name.
public struct RoleRepository: Sendable {
    public let catalog: RoleCatalog

    public init(catalog: RoleCatalog) {
        self.catalog = catalog
    }

    public func all(in db: Database) throws -> [AdminRole] {
        try Row.fetchAll(db, sql: "SELECT * FROM adminRole ORDER BY identity COLLATE NOCASE")
            .map { AdminRole(row: $0, catalog: catalog) }
    }

    public func role(_ identity: String, in db: Database) throws -> AdminRole? {
        try Row.fetchOne(db, sql: "SELECT * FROM adminRole WHERE identity = ?", arguments: [identity.trimmingWhitespace])
            .map { AdminRole(row: $0, catalog: catalog) }
    }

    public func role(sid: String, in db: Database) throws -> AdminRole? {
        try Row.fetchOne(db, sql: "SELECT * FROM adminRole WHERE sid = ? COLLATE NOCASE", arguments: [sid])
            .map { AdminRole(row: $0, catalog: catalog) }
    }

    public func require(_ identity: String, in db: Database) throws -> AdminRole {
        guard let role = try role(identity, in: db) else {
            throw DeploymentError.notFound("the RBAC role", identity, id: "RoleNotFound",
                                           hint: "Run Get-CsAdminRole to list the roles.")
        }
        return role
    }

    public func require(sid: String, in db: Database) throws -> AdminRole {
        guard let role = try role(sid: sid, in: db) else {
            throw DeploymentError(.objectNotFound, id: "RoleNotFound", "No RBAC role has the SID '\(sid)'.", target: sid)
        }
        return role
    }

    /// Creates a custom role from a built-in template. The universal security group named like
    /// the role must already exist in the directory.
    public func create(identity rawIdentity: String, template: String, cmdlets: [String]?, scriptModules: [String],
                       configScopes: [String], userScopes: [String], in db: Database) throws -> AdminRole {
        let identity = rawIdentity.trimmingWhitespace
        guard !identity.isEmpty else {
            throw DeploymentError(.invalidArgument, id: "InvalidRoleIdentity", "A role needs a non-empty identity.")
        }
        if try role(identity, in: db) != nil {
            throw DeploymentError.exists("the RBAC role", identity, id: "RoleAlreadyExists")
        }
        guard let base = try role(template, in: db), base.isStandardRole else {
            throw DeploymentError(.invalidArgument, id: "InvalidRoleTemplate",
                                  "'\(template)' is not a built-in role; a custom role must start from one of: \(BuiltinRoles.roles.map(\.identity).joined(separator: ", ")).",
                                  target: template)
        }
        guard let group = try Row.fetchOne(db, sql: "SELECT sid, groupScope, groupCategory FROM directoryGroup WHERE samAccountName = ?",
                                           arguments: [identity]) else {
            throw DeploymentError(.objectNotFound, id: "RoleGroupNotFound",
                                  "There is no directory group '\(identity)'. Create a universal security group with that SamAccountName first (New-ADGroup -Name '\(identity)' -GroupScope Universal -GroupCategory Security).",
                                  target: identity)
        }
        guard (group["groupScope"] as String).caseInsensitiveCompare("Universal") == .orderedSame,
              (group["groupCategory"] as String).caseInsensitiveCompare("Security") == .orderedSame else {
            throw DeploymentError(.invalidArgument, id: "RoleGroupNotUniversalSecurity",
                                  "The group '\(identity)' must be a universal security group to carry a role.", target: identity)
        }
        let list = try validated(cmdlets ?? base.cmdlets)
        try db.execute(sql: """
            INSERT INTO adminRole (identity, sid, template, isStandardRole, cmdlets, scriptModules, configScopes, userScopes)
            VALUES (?, ?, ?, 0, ?, ?, ?, ?)
            """, arguments: [identity, group["sid"] as String, base.identity, AdminRole.encode(list),
                             AdminRole.encode(scriptModules),
                             AdminRole.encode(configScopes.isEmpty ? base.configScopes : configScopes),
                             AdminRole.encode(userScopes.isEmpty ? base.userScopes : userScopes)])
        return try require(identity, in: db)
    }

    /// Changes a role. Built-in roles only take script modules.
    public func update(_ identity: String, cmdlets: [String]?, scriptModules: [String]?, configScopes: [String]?,
                       userScopes: [String]?, in db: Database) throws -> AdminRole {
        let current = try require(identity, in: db)
        if current.isStandardRole && (cmdlets != nil || configScopes != nil || userScopes != nil) {
            throw DeploymentError(.invalidOperation, id: "BuiltinRoleReadOnly",
                                  "'\(current.identity)' is a built-in role: its cmdlets and scopes cannot be changed. Create a custom role from it with New-CsAdminRole -Template \(current.identity).",
                                  target: current.identity)
        }
        try db.execute(sql: """
            UPDATE adminRole SET cmdlets = ?, scriptModules = ?, configScopes = ?, userScopes = ? WHERE identity = ?
            """, arguments: [current.isStandardRole ? nil : AdminRole.encode(try validated(cmdlets ?? current.cmdlets)),
                             AdminRole.encode(scriptModules ?? current.scriptModules),
                             AdminRole.encode(configScopes ?? current.configScopes),
                             AdminRole.encode(userScopes ?? current.userScopes), current.identity])
        return try require(current.identity, in: db)
    }

    /// Deletes a custom role (its directory group stays).
    public func remove(_ identity: String, in db: Database) throws {
        let current = try require(identity, in: db)
        if current.isStandardRole {
            throw DeploymentError(.invalidOperation, id: "BuiltinRoleCannotBeRemoved",
                                  "'\(current.identity)' is a built-in role and cannot be removed.", target: current.identity)
        }
        try db.execute(sql: "DELETE FROM adminRole WHERE identity = ?", arguments: [current.identity])
    }

    /// The roles a set of directory groups carries (a group carries the role of the same name).
    public func roles(ofGroups groups: Set<String>, in db: Database) throws -> [AdminRole] {
        try all(in: db).filter { groups.contains($0.identity.lowercased()) }
    }

    /// Cmdlet names must be role-checked cmdlets; spelled as the catalog spells them.
    private func validated(_ names: [String]) throws -> [String] {
        var result: [String] = []
        for name in names {
            let trimmed = name.hasPrefix("Name=") ? String(name.dropFirst(5)) : name
            guard let command = catalog.command(named: trimmed) else {
                throw DeploymentError(.invalidArgument, id: "UnknownRoleCmdlet",
                                      "'\(name)' is not a cmdlet that roles control. Run Get-CsAdminRole -Identity CsAdministrator | Select-Object -ExpandProperty Cmdlets for the list.",
                                      target: name)
            }
            if !result.contains(where: { $0.caseInsensitiveCompare(command.name) == .orderedSame }) { result.append(command.name) }
        }
        return result.sorted { $0.lowercased() < $1.lowercased() }
    }
}

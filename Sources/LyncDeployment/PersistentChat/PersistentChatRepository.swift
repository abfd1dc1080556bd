import Foundation
import GRDB

/// Categories, rooms and add-ins of one Persistent Chat pool's database, with the documented
/// rules. Every change runs inside the caller's write transaction: a refused change leaves the
/// database as it was.
public struct PersistentChatRepository: Sendable {
    /// The pool, for messages and identities (`pool\name`).
    public let pool: String

    public init(pool: String) {
        self.pool = pool
    }

    /// Longest category, room and add-in URL texts (nvarchar sizes), counted in UTF-16 units.
    public static let maxNameLength = 256
    public static let maxAddinNameLength = 50
    public static let maxAddinUrlLength = 255

    // MARK: Reading

    public func categories(in db: Database) throws -> [ChatCategory] {
        try Row.fetchAll(db, sql: "SELECT * FROM tblNode WHERE nodeType = 1 AND nodeID <> 1 ORDER BY nodeName")
            .map { try category($0, in: db) }
    }

    public func category(named name: String, in db: Database) throws -> ChatCategory? {
        try Row.fetchOne(db, sql: "SELECT * FROM tblNode WHERE nodeType = 1 AND nodeID <> 1 AND nodeName = ?", arguments: [name])
            .map { try category($0, in: db) }
    }

    public func requireCategory(_ name: String, in db: Database) throws -> ChatCategory {
        guard let found = try category(named: name, in: db) else {
            throw DeploymentError.notFound("the category", "\(pool)\\\(name)", id: "CategoryNotFound",
                                           hint: "Run Get-CsPersistentChatCategory to list the categories of the pool.")
        }
        return found
    }

    public func addins(in db: Database) throws -> [ChatAddin] {
        try Row.fetchAll(db, sql: "SELECT * FROM tblSiopWhiteList ORDER BY siopName").map(Self.addin)
    }

    public func addin(named name: String, in db: Database) throws -> ChatAddin? {
        try Row.fetchOne(db, sql: "SELECT * FROM tblSiopWhiteList WHERE siopName = ?", arguments: [name]).map(Self.addin)
    }

    public func requireAddin(_ name: String, in db: Database) throws -> ChatAddin {
        guard let found = try addin(named: name, in: db) else {
            throw DeploymentError.notFound("the add-in", "\(pool)\\\(name)", id: "AddinNotFound",
                                           hint: "Run Get-CsPersistentChatAddin to list the add-ins of the pool.")
        }
        return found
    }

    // MARK: Categories

    public func createCategory(name: String, description: String?, invitations: Bool, fileUpload: Bool, chatHistory: Bool,
                               in db: Database) throws -> ChatCategory {
        try checkNodeName(name, excluding: nil, in: db)
        try checkDescription(description)
        let now = NetTicks.from(Date())
        try db.execute(sql: """
            INSERT INTO tblNode (nodeGuid, parentID, nodeType, nodeName, nodeDesc, invite, logged, filePost, nodeAddedOn, nodeUpdatedOn)
            VALUES (?, 1, 1, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [UUID().uuidString.lowercased(), name, description, invitations, chatHistory, fileUpload, now, now])
        return try requireCategory(name, in: db)
    }

    /// What a Set-CsPersistentChatCategory changes; nil leaves a setting as it is.
    public struct CategoryChange: Sendable {
        public var name: String?
        public var description: String??
        public var invitations: Bool?
        public var fileUpload: Bool?
        public var chatHistory: Bool?
        public var allowedMembers: [ChatPrincipal]?
        public var deniedMembers: [ChatPrincipal]?
        public var creators: [ChatPrincipal]?

        public init() {}
    }

    public func updateCategory(_ name: String, _ change: CategoryChange, in db: Database) throws -> ChatCategory {
        let current = try requireCategory(name, in: db)
        if let newName = change.name, newName.caseInsensitiveCompare(current.name) != .orderedSame || newName != current.name {
            try checkNodeName(newName, excluding: current.nodeID, in: db)
        }
        if let description = change.description { try checkDescription(description) }
        let allowed = change.allowedMembers ?? current.allowedMembers
        let denied = change.deniedMembers ?? current.deniedMembers
        let creators = change.creators ?? current.creators
        try db.execute(sql: """
            UPDATE tblNode SET nodeName = ?, nodeDesc = ?, invite = ?, filePost = ?, logged = ?, nodeUpdatedOn = ? WHERE nodeID = ?
            """, arguments: [change.name ?? current.name, change.description ?? current.description,
                             change.invitations ?? current.invitations, change.fileUpload ?? current.fileUpload,
                             change.chatHistory ?? current.chatHistory, NetTicks.from(Date()), current.nodeID])
        if change.allowedMembers != nil || change.deniedMembers != nil {
            try db.execute(sql: "DELETE FROM tblScopePrincipal WHERE scopeNodeID = ?", arguments: [current.nodeID])
            for (list, denied) in [(allowed, false), (denied, true)] {
                for principal in list {
                    let id = try ChatPrincipals.provision(principal, in: db)
                    try db.execute(sql: "INSERT OR REPLACE INTO tblScopePrincipal (scopeNodeID, scopePrinID, scopeIsDenied, scopeUpdatedBy) VALUES (?, ?, ?, 1)",
                                   arguments: [current.nodeID, id, denied])
                }
            }
        }
        if change.creators != nil { try setRole(.creator, on: current.nodeID, to: creators, in: db) }
        // Creators must stay inside the (possibly new) allowed − denied.
        try requireWithinScope(creators, of: current.nodeID, categoryName: change.name ?? current.name, list: "Creators", in: db)
        // A category with invitations off turns its rooms' invitations off.
        if change.invitations == false {
            try db.execute(sql: "UPDATE tblNode SET invite = 0 WHERE parentID = ? AND nodeType = 0", arguments: [current.nodeID])
        }
        return try requireCategory(change.name ?? current.name, in: db)
    }

    /// Only an empty category can go.
    public func removeCategory(_ name: String, in db: Database) throws {
        let current = try requireCategory(name, in: db)
        let rooms = try String.fetchAll(db, sql: "SELECT nodeName FROM tblNode WHERE parentID = ? AND nodeType = 0 ORDER BY nodeName",
                                        arguments: [current.nodeID])
        guard rooms.isEmpty else {
            throw DeploymentError(.invalidOperation, id: "CategoryNotEmpty",
                                  "The category '\(pool)\\\(current.name)' still has \(rooms.count) room(s) (\(rooms.prefix(3).joined(separator: ", "))\(rooms.count > 3 ? ", …" : "")); only an empty category can be removed. Remove or move its rooms first.",
                                  target: "\(pool)\\\(current.name)")
        }
        try db.execute(sql: "DELETE FROM tblNode WHERE nodeID = ?", arguments: [current.nodeID])
    }

    // MARK: Add-ins

    public func createAddin(name: String, url: String, in db: Database) throws -> ChatAddin {
        try checkAddin(name: name, url: url, excluding: nil, in: db)
        try db.execute(sql: "INSERT INTO tblSiopWhiteList (siopID, siopName, siopUrl) VALUES (?, ?, ?)",
                       arguments: [UUID().uuidString.lowercased(), name, url])
        return try requireAddin(name, in: db)
    }

    public func updateAddin(_ name: String, newName: String?, url: String?, in db: Database) throws -> ChatAddin {
        let current = try requireAddin(name, in: db)
        try checkAddin(name: newName ?? current.name, url: url ?? current.url, excluding: current.id, in: db)
        try db.execute(sql: "UPDATE tblSiopWhiteList SET siopName = ?, siopUrl = ? WHERE siopID = ?",
                       arguments: [newName ?? current.name, url ?? current.url, current.id])
        return try requireAddin(newName ?? current.name, in: db)
    }

    /// Removing an add-in detaches it from the rooms that show it.
    public func removeAddin(_ name: String, in db: Database) throws {
        let current = try requireAddin(name, in: db)
        try db.execute(sql: "UPDATE tblNode SET siopID = NULL WHERE siopID = ?", arguments: [current.id])
        try db.execute(sql: "DELETE FROM tblSiopWhiteList WHERE siopID = ?", arguments: [current.id])
    }

    // MARK: Shared rules

    /// Names: not empty, no backslash (identities are pool\name), at most 256 UTF-16 units, and
    /// unique among the pool's categories and rooms, which share one name space.
    func checkNodeName(_ name: String, excluding nodeID: Int64?, in db: Database) throws {
        guard !name.trimmingWhitespace.isEmpty, !name.contains("\\") else {
            throw DeploymentError(.invalidArgument, id: "InvalidName",
                                  "'\(name)' is not a valid name: it must not be empty or contain a backslash.", target: name)
        }
        guard name.utf16.count <= Self.maxNameLength else {
            throw DeploymentError(.invalidArgument, id: "NameTooLong",
                                  "The name '\(name.prefix(40))…' has \(name.utf16.count) characters; at most \(Self.maxNameLength) are allowed.",
                                  target: name)
        }
        if let row = try Row.fetchOne(db, sql: "SELECT nodeType, nodeName FROM tblNode WHERE nodeName = ? AND nodeID <> 1 AND nodeID <> ?",
                                      arguments: [name, nodeID ?? -1]) {
            let kind = (row["nodeType"] as Int) == 1 ? "category" : "room"
            throw DeploymentError(.resourceExists, id: "NameAlreadyInUse",
                                  "The pool \(pool) already has a \(kind) named '\(row["nodeName"] as String)'; categories and rooms need names unique within the pool.",
                                  target: "\(pool)\\\(name)")
        }
    }

    func checkDescription(_ description: String?) throws {
        if let description, description.utf16.count > Self.maxNameLength {
            throw DeploymentError(.invalidArgument, id: "DescriptionTooLong",
                                  "The description has \(description.utf16.count) characters; at most \(Self.maxNameLength) are allowed.")
        }
    }

    private func checkAddin(name: String, url: String, excluding id: String?, in db: Database) throws {
        guard !name.trimmingWhitespace.isEmpty, !name.contains("\\") else {
            throw DeploymentError(.invalidArgument, id: "InvalidName", "'\(name)' is not a valid add-in name.", target: name)
        }
        guard name.utf16.count <= Self.maxAddinNameLength else {
            throw DeploymentError(.invalidArgument, id: "AddinNameTooLong",
                                  "The add-in name '\(name)' has \(name.utf16.count) characters; at most \(Self.maxAddinNameLength) are allowed.",
                                  target: name)
        }
        guard url.utf16.count <= Self.maxAddinUrlLength else {
            throw DeploymentError(.invalidArgument, id: "AddinUrlTooLong",
                                  "The add-in URL has \(url.utf16.count) characters; at most \(Self.maxAddinUrlLength) are allowed.", target: url)
        }
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), url.count > 8 else {
            throw DeploymentError(.invalidArgument, id: "InvalidAddinUrl",
                                  "'\(url)' is not a web address; an add-in URL starts with http:// or https://.", target: url)
        }
        if let other = try String.fetchOne(db, sql: "SELECT siopName FROM tblSiopWhiteList WHERE siopName = ? AND siopID <> ?",
                                           arguments: [name, id ?? ""]) {
            throw DeploymentError(.resourceExists, id: "NameAlreadyInUse",
                                  "The pool \(pool) already has an add-in named '\(other)'.", target: "\(pool)\\\(name)")
        }
    }

    /// Replaces the holders of `role` on a node.
    func setRole(_ role: ChatRole, on nodeID: Int64, to principals: [ChatPrincipal], in db: Database) throws {
        try db.execute(sql: "DELETE FROM tblPrincipalRole WHERE prinRoleNodeID = ? AND prinRoleTypeID = ?", arguments: [nodeID, role.rawValue])
        for principal in principals {
            let id = try ChatPrincipals.provision(principal, in: db)
            try db.execute(sql: "INSERT OR IGNORE INTO tblPrincipalRole (prinRoleNodeID, prinRolePrinID, prinRoleTypeID, prinRoleUpdatedBy) VALUES (?, ?, ?, 1)",
                           arguments: [nodeID, id, role.rawValue])
        }
    }

    /// Every principal of `principals` must be inside the category's AllowedMembers and outside
    /// its DeniedMembers (through its groups and OUs too).
    func requireWithinScope(_ principals: [ChatPrincipal], of categoryID: Int64, categoryName: String, list: String,
                            in db: Database) throws {
        guard !principals.isEmpty else { return }
        let scope = try Row.fetchAll(db, sql: "SELECT scopePrinID, scopeIsDenied FROM tblScopePrincipal WHERE scopeNodeID = ?",
                                     arguments: [categoryID])
        let allowed = Set(scope.filter { !($0["scopeIsDenied"] as Bool) }.map { $0["scopePrinID"] as Int64 })
        let denied = Set(scope.filter { $0["scopeIsDenied"] as Bool }.map { $0["scopePrinID"] as Int64 })
        for principal in principals {
            let id = try ChatPrincipals.provision(principal, in: db)
            let covers = try ChatPrincipals.affiliationIDs(of: id, in: db)
            let text = principal.listText(asObject: false)
            if !covers.isDisjoint(with: denied) {
                throw DeploymentError(.invalidArgument, id: "PrincipalDenied",
                                      "\(list): '\(text)' is in the DeniedMembers of the category '\(pool)\\\(categoryName)'; it cannot be added.",
                                      target: text)
            }
            if covers.isDisjoint(with: allowed) {
                throw DeploymentError(.invalidArgument, id: "PrincipalNotAllowed",
                                      "\(list): '\(text)' is not in the AllowedMembers of the category '\(pool)\\\(categoryName)'. Add it (or a group or OU containing it) to the category's AllowedMembers first.",
                                      target: text)
            }
        }
    }

    /// The principals holding `role` on a node, in the order they were added.
    func holders(of role: ChatRole, on nodeID: Int64, in db: Database) throws -> [ChatPrincipal] {
        try roleHolders(on: nodeID, in: db)[role] ?? []
    }

    /// Every role held on a node, each list in the order it was added, read with one query.
    func roleHolders(on nodeID: Int64, in db: Database) throws -> [ChatRole: [ChatPrincipal]] {
        var holders: [ChatRole: [ChatPrincipal]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT r.prinRoleTypeID AS roleTypeID, p.* FROM tblPrincipalRole r JOIN tblPrincipal p ON p.prinID = r.prinRolePrinID
            WHERE r.prinRoleNodeID = ? ORDER BY r.rowid
            """, arguments: [nodeID]) {
            guard let role = ChatRole(rawValue: row["roleTypeID"]) else { continue }
            holders[role, default: []].append(ChatPrincipals.principal(row))
        }
        return holders
    }

    private func category(_ row: Row, in db: Database) throws -> ChatCategory {
        let id: Int64 = row["nodeID"]
        let scope = try Row.fetchAll(db, sql: """
            SELECT p.*, s.scopeIsDenied FROM tblScopePrincipal s JOIN tblPrincipal p ON p.prinID = s.scopePrinID
            WHERE s.scopeNodeID = ? ORDER BY s.rowid
            """, arguments: [id])
        return ChatCategory(
            nodeID: id, guid: row["nodeGuid"], name: row["nodeName"], description: row["nodeDesc"],
            invitations: (row["invite"] as Int? ?? 1) != 0, fileUpload: (row["filePost"] as Int? ?? 1) != 0,
            chatHistory: (row["logged"] as Int? ?? 1) != 0,
            allowedMembers: scope.filter { !($0["scopeIsDenied"] as Bool) }.map(ChatPrincipals.principal),
            deniedMembers: scope.filter { $0["scopeIsDenied"] as Bool }.map(ChatPrincipals.principal),
            creators: try holders(of: .creator, on: id, in: db))
    }

    private static func addin(_ row: Row) -> ChatAddin {
        ChatAddin(id: row["siopID"], name: row["siopName"], url: row["siopUrl"])
    }
}

import Foundation
import GRDB

extension LegacyGroupChatWriter {
    /// Inheritable settings of a node; nil = inherit from the parent category.
    public struct NodeSettings: Sendable {
        public var invite: Bool?
        public var logged: Bool?
        public var filePost: Bool?
        /// 2 Private, 3 Scoped, nil = inherit.
        public var visibility: Int?
        public var overrideMember: Bool

        public init(invite: Bool? = nil, logged: Bool? = nil, filePost: Bool? = nil, visibility: Int? = nil,
                    overrideMember: Bool = false) {
            self.invite = invite
            self.logged = logged
            self.filePost = filePost
            self.visibility = visibility
            self.overrideMember = overrideMember
        }
    }

    /// Principals (URIs or names) holding each role on a node.
    public struct RoleLists: Sendable {
        public var managers: [String]
        public var members: [String]
        public var voiced: [String]
        public var creators: [String]

        public init(managers: [String] = [], members: [String] = [], voiced: [String] = [], creators: [String] = []) {
            self.managers = managers
            self.members = members
            self.voiced = voiced
            self.creators = creators
        }
    }

    public struct CategorySpec: Sendable {
        public var name: String
        /// The parent category's name; nil = the root.
        public var parent: String?
        public var description: String?
        public var settings: NodeSettings
        /// Principals who may be made members (tblScopePrincipal).
        public var scope: [String]
        public var roles: RoleLists

        public init(name: String, parent: String? = nil, description: String? = nil, settings: NodeSettings = .init(),
                    scope: [String] = [], roles: RoleLists = .init()) {
            self.name = name
            self.parent = parent
            self.description = description
            self.settings = settings
            self.scope = scope
            self.roles = roles
        }
    }

    public struct RoomSpec: Sendable {
        public var name: String
        /// The category's name (the root's name for a room directly under the root).
        public var category: String
        public var description: String?
        public var topic: String?
        public var settings: NodeSettings
        public var disabled: Bool
        public var auditorium: Bool
        /// The add-in's name.
        public var addin: String?
        /// Creators are ignored on rooms (the role belongs to categories).
        public var roles: RoleLists

        public init(name: String, category: String, description: String? = nil, topic: String? = nil,
                    settings: NodeSettings = .init(), disabled: Bool = false, auditorium: Bool = false,
                    addin: String? = nil, roles: RoleLists = .init()) {
            self.name = name
            self.category = category
            self.description = description
            self.topic = topic
            self.settings = settings
            self.disabled = disabled
            self.auditorium = auditorium
            self.addin = addin
            self.roles = roles
        }
    }

    /// Adds a category under `spec.parent` (default the root) with its settings, scope and roles.
    @discardableResult
    public func addCategory(_ spec: CategorySpec) throws -> LegacyNode {
        try write { db in
            let parent = try spec.parent.map { try Self.requireCategory($0, in: db) } ?? LegacyNode.rootID
            try Self.requireNewName(spec.name, category: true, in: db)
            let scope = try spec.scope.map { try Self.requirePrincipal($0, in: db).id }
            let node = try Self.insertNode(db, name: spec.name, parent: parent, category: true, description: spec.description,
                                           topic: nil, settings: spec.settings, disabled: false, behavior: LegacyNode.normalBehavior,
                                           addinID: nil)
            try Self.insertRoles(spec.roles, includeCreators: true, node: node.id, in: db)
            for principal in scope {
                try db.execute(sql: "INSERT OR IGNORE INTO tblScopePrincipal (scopeNodeID, scopePrinID) VALUES (?, ?)",
                               arguments: [node.id, principal])
            }
            return node
        }
    }

    /// Adds a room to a category with every setting of the contract and its roles.
    @discardableResult
    public func addRoom(_ spec: RoomSpec) throws -> LegacyNode {
        try write { db in
            let parent = try Self.requireCategory(spec.category, in: db)
            try Self.requireNewName(spec.name, category: false, in: db)
            let addinID = try spec.addin.map { name -> String in
                guard let id = try String.fetchOne(db, sql: "SELECT siopID FROM tblSiopWhiteList WHERE pcsh_fold(siopName) = ?",
                                                   arguments: [name.lowercased()]) else {
                    throw DeploymentError.notFound("add-in", name, id: "LegacyAddinNotFound",
                                                   hint: "Register it first with New-CsGroupChatAddin.")
                }
                return id
            }
            let node = try Self.insertNode(db, name: spec.name, parent: parent, category: false, description: spec.description,
                                           topic: spec.topic, settings: spec.settings, disabled: spec.disabled,
                                           behavior: spec.auditorium ? LegacyNode.auditoriumBehavior : LegacyNode.normalBehavior,
                                           addinID: addinID)
            try Self.insertRoles(spec.roles, includeCreators: false, node: node.id, in: db)
            return node
        }
    }

    /// A node's path from the root (`Root/Eng/build`, as LegacyGroupChatSnapshot.path(of:) gives
    /// it), read with one query: a cmdlet that just added a node need not load the whole database.
    public func path(of id: Int) throws -> String {
        try queue.read { db in
            // The depth bound keeps a hand-made parent cycle from looping.
            try String.fetchAll(db, sql: """
                WITH RECURSIVE chain(nodeID, parentID, nodeName, depth) AS (
                    SELECT nodeID, parentID, nodeName, 0 FROM tblNode WHERE nodeID = ?
                    UNION ALL
                    SELECT n.nodeID, n.parentID, n.nodeName, c.depth + 1 FROM tblNode n JOIN chain c ON n.nodeID = c.parentID
                    WHERE c.nodeID <> ? AND c.depth < 1000)
                SELECT nodeName FROM chain ORDER BY depth DESC
                """, arguments: [id, LegacyNode.rootID]).joined(separator: "/")
        }
    }

    /// The name of the add-in with GUID `id`, if one is registered.
    public func addinName(id: String) throws -> String? {
        try queue.read { db in
            try String.fetchOne(db, sql: "SELECT siopName FROM tblSiopWhiteList WHERE siopID = ? COLLATE NOCASE", arguments: [id])
        }
    }

    /// Registers an add-in (tblSiopWhiteList). Names are unique (case-insensitive). Lengths are
    /// not limited here: the migration reports names over 50 and URLs over 255 characters.
    @discardableResult
    public func addAddin(name: String, url: String) throws -> LegacyAddin {
        try write { db in
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, !url.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw DeploymentError(.invalidArgument, id: "LegacyAddinInvalid", "An add-in needs a name and a URL.", target: name)
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM tblSiopWhiteList WHERE pcsh_fold(siopName) = ?", arguments: [name.lowercased()]) == true {
                throw DeploymentError.exists("add-in", name, id: "LegacyAddinExists")
            }
            let addin = LegacyAddin(id: UUID().uuidString.lowercased(), name: name, url: url)
            try db.execute(sql: "INSERT INTO tblSiopWhiteList (siopID, siopName, siopUrl) VALUES (?, ?, ?)",
                           arguments: [addin.id, addin.name, addin.url])
            return addin
        }
    }

    /// Posts a message in a room as `author` (URI or name); chatId is the room's next number.
    @discardableResult
    public func addMessage(room: String, author: String, content: String, date: Date? = nil, isAlert: Bool = false,
                           rtf: Data? = nil) throws -> LegacyMessage {
        try write { db in
            guard let roomID = try Int.fetchOne(db, sql: "SELECT nodeID FROM tblNode WHERE nodeType = 0 AND pcsh_fold(nodeName) = ?",
                                                arguments: [room.lowercased()]) else {
                throw DeploymentError.notFound("room", room, id: "LegacyRoomNotFound", hint: "Create it first with New-CsGroupChatRoom.")
            }
            let user = try Self.requirePrincipal(author, in: db)
            let chatID = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(chatId), 0) + 1 FROM tblChat WHERE channelId = ?",
                                            arguments: [roomID]) ?? 1
            let message = LegacyMessage(roomID: roomID, chatID: chatID, date: date.map(NetTicks.from) ?? Self.now(),
                                        userID: user.id, isAlert: isAlert, content: content, rtf: rtf)
            try db.execute(sql: "INSERT INTO tblChat (channelId, chatId, chatDate, userId, isAlert, content, rtf) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [roomID, chatID, message.date, user.id, isAlert ? 1 : 0, content, rtf])
            return message
        }
    }

    // MARK: Checks and rows

    static func requireCategory(_ name: String, in db: Database) throws -> Int {
        let rows = try Row.fetchAll(db, sql: "SELECT nodeID, nodeType FROM tblNode WHERE pcsh_fold(nodeName) = ?", arguments: [name.lowercased()])
        if let category = rows.first(where: { LegacyGroupChatDatabase.flag($0[1]) }) { return LegacyGroupChatDatabase.int(category, 0) }
        if !rows.isEmpty {
            throw DeploymentError(.invalidArgument, id: "LegacyParentNotACategory",
                                  "'\(name)' is a room; rooms and categories can only be placed in a category.", target: name)
        }
        throw DeploymentError.notFound("category", name, id: "LegacyCategoryNotFound",
                                       hint: "Create it first with New-CsGroupChatCategory, or name the root category.")
    }

    static func requireNewName(_ name: String, category: Bool, in db: Database) throws {
        let kind = category ? "category" : "room"
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, !name.contains("/") else {
            throw DeploymentError(.invalidArgument, id: "LegacyNodeNameInvalid",
                                  "The \(kind) name '\(name)' is not valid: it must be non-empty and contain no '/'.", target: name)
        }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM tblNode WHERE nodeType = ? AND pcsh_fold(nodeName) = ?",
                             arguments: [category ? 1 : 0, name.lowercased()]) == true {
            throw DeploymentError.exists(kind, name, id: "LegacyNodeExists", hint: "Names are unique among \(category ? "categories" : "rooms") (case-insensitive).")
        }
    }

    static func insertNode(_ db: Database, name: String, parent: Int, category: Bool, description: String?, topic: String?,
                           settings: NodeSettings, disabled: Bool, behavior: Int, addinID: String?) throws -> LegacyNode {
        if let visibility = settings.visibility, ![LegacyNode.privateVisibility, LegacyNode.scopedVisibility].contains(visibility) {
            throw DeploymentError(.invalidArgument, id: "LegacyVisibilityInvalid",
                                  "The visibility \(visibility) is not valid: use 2 (Private), 3 (Scoped) or inherit.", target: name)
        }
        let now = LegacyGroupChatWriter.now()
        var node = LegacyNode(id: 0, guid: UUID().uuidString.lowercased(), parentID: parent, isCategory: category, name: name,
                              description: description, topic: topic, invite: settings.invite, logged: settings.logged,
                              filePost: settings.filePost, isDisabled: disabled, behavior: behavior, visibility: settings.visibility,
                              overrideMember: settings.overrideMember, addinID: addinID, addedOn: now, updatedOn: now)
        // Ids are chosen here: in a converted file nodeID may be a plain int key, not a rowid.
        node.id = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(nodeID), 0) + 1 FROM tblNode") ?? 2
        try db.execute(sql: """
            INSERT INTO tblNode (nodeID, nodeGuid, parentID, nodeType, nodeName, nodeDesc, topic, invite, logged, filePost, disabled,
                behavior, visibility, overrideMember, siopID, nodeAddedOn, nodeUpdatedOn)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [node.id, node.guid, parent, category ? 1 : 0, name, description, topic, settings.invite.map { $0 ? 1 : 0 },
                             settings.logged.map { $0 ? 1 : 0 }, settings.filePost.map { $0 ? 1 : 0 }, disabled ? 1 : 0,
                             behavior, settings.visibility, settings.overrideMember ? 1 : 0, addinID, now, now])
        return node
    }

    static func insertRoles(_ lists: RoleLists, includeCreators: Bool, node: Int, in db: Database) throws {
        var rows: [(LegacyRole, [String])] = [(.manager, lists.managers), (.member, lists.members), (.voiced, lists.voiced)]
        if includeCreators { rows.append((.creator, lists.creators)) }
        for (role, references) in rows {
            for reference in references {
                let principal = try requirePrincipal(reference, in: db)
                try db.execute(sql: "INSERT OR IGNORE INTO tblPrincipalRole (prinRoleNodeID, prinRolePrinID, prinRoleTypeID) VALUES (?, ?, ?)",
                               arguments: [node, principal.id, role.rawValue])
            }
        }
    }
}

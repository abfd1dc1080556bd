import Foundation
import GRDB

extension PersistentChatRepository {
    // MARK: Reading rooms

    public func rooms(in db: Database) throws -> [ChatRoom] {
        try Row.fetchAll(db, sql: Self.roomQuery + " ORDER BY r.nodeName").map { try room($0, in: db) }
    }

    public func room(named name: String, in db: Database) throws -> ChatRoom? {
        try Row.fetchOne(db, sql: Self.roomQuery + " AND r.nodeName = ?", arguments: [name]).map { try room($0, in: db) }
    }

    public func requireRoom(_ name: String, in db: Database) throws -> ChatRoom {
        guard let found = try room(named: name, in: db) else {
            throw DeploymentError.notFound("the chat room", "\(pool)\\\(name)", id: "ChatRoomNotFound",
                                           hint: "Run Get-CsPersistentChatRoom to list the rooms of the pool.")
        }
        return found
    }

    /// Bytes of stored content of a room (text and RTF), for -ChatContentExceedsMB.
    public func contentBytes(ofRoom nodeID: Int64, in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(sum(length(CAST(content AS BLOB)) + coalesce(length(rtf), 0)), 0) FROM tblChat WHERE channelId = ?",
                           arguments: [nodeID]) ?? 0
    }

    /// How many messages each room holds, by the room's node id (rooms without any left out).
    public func messageCounts(in db: Database) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT channelId, count(*) FROM tblChat GROUP BY channelId") { counts[row[0]] = row[1] }
        return counts
    }

    // MARK: Creating and changing rooms

    /// The settings of a new room; nil takes the default (enabled, Closed, Normal, invitations
    /// as the category says).
    public struct RoomSettings: Sendable {
        public var name: String
        public var category: String
        public var description: String?
        public var disabled: Bool?
        public var invitations: RoomInvitations?
        public var privacy: RoomPrivacy?
        public var type: RoomType?
        public var addin: String?

        public init(name: String, category: String) {
            self.name = name
            self.category = category
        }
    }

    public func createRoom(_ settings: RoomSettings, in db: Database) throws -> ChatRoom {
        let category = try requireCategory(settings.category, in: db)
        try checkNodeName(settings.name, excluding: nil, in: db)
        try checkDescription(settings.description)
        let invitations = try roomInvitations(settings.invitations, current: nil, category: category)
        let addinID = try settings.addin.map { try requireAddin($0, in: db).id }
        let now = NetTicks.from(Date())
        try db.execute(sql: """
            INSERT INTO tblNode (nodeGuid, parentID, nodeType, nodeName, nodeDesc, invite, disabled, behavior, visibility, siopID,
                nodeAddedOn, nodeUpdatedOn)
            VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [UUID().uuidString.lowercased(), category.nodeID, settings.name, settings.description,
                             invitations == .false ? 0 : nil, settings.disabled ?? false, (settings.type ?? .normal).behavior,
                             (settings.privacy ?? .closed).visibility, addinID, now, now])
        return try requireRoom(settings.name, in: db)
    }

    /// What a Set-CsPersistentChatRoom changes; nil leaves a setting as it is. An empty member
    /// list means the room takes its members from its category.
    public struct RoomChange: Sendable {
        public var name: String?
        public var category: String?
        public var description: String??
        public var disabled: Bool?
        public var invitations: RoomInvitations?
        public var privacy: RoomPrivacy?
        public var type: RoomType?
        public var addin: String??
        public var managers: [ChatPrincipal]?
        public var members: [ChatPrincipal]?
        public var presenters: [ChatPrincipal]?

        public init() {}
    }

    public func updateRoom(_ name: String, _ change: RoomChange, in db: Database) throws -> ChatRoom {
        let current = try requireRoom(name, in: db)
        if let newName = change.name, newName != current.name { try checkNodeName(newName, excluding: current.nodeID, in: db) }
        if let description = change.description { try checkDescription(description) }
        let category = try requireCategory(change.category ?? current.categoryName, in: db)
        let moving = category.nodeID != current.categoryID
        let type = change.type ?? current.type
        var managers = change.managers ?? current.managers
        var members = change.members ?? current.members
        var presenters = change.presenters ?? current.presenters
        if moving {
            // Role holders the new category does not allow are dropped, as the product does.
            managers = withinScope(managers, of: category, in: db)
            members = withinScope(members, of: category, in: db)
            presenters = withinScope(presenters, of: category, in: db)
        }
        if type == .normal && !presenters.isEmpty {
            throw DeploymentError(.invalidArgument, id: "PresentersNeedAuditorium",
                                  "The room '\(pool)\\\(current.name)' is a Normal room; only an Auditorium room can have Presenters. Set -Type Auditorium, or remove the presenters.",
                                  target: "\(pool)\\\(current.name)")
        }
        for (list, principals) in [("Managers", change.managers), ("Members", change.members), ("Presenters", change.presenters)] {
            if let principals { try requireWithinScope(principals, of: category.nodeID, categoryName: category.name, list: list, in: db) }
        }
        let invitations = try roomInvitations(change.invitations, current: moving ? nil : current.invitations, category: category)
        var addinID: String? = try current.addinName.map { try requireAddin($0, in: db).id }
        if let addin = change.addin { addinID = try addin.map { try requireAddin($0, in: db).id } }
        try db.execute(sql: """
            UPDATE tblNode SET nodeName = ?, parentID = ?, nodeDesc = ?, invite = ?, disabled = ?, behavior = ?, visibility = ?,
                siopID = ?, nodeUpdatedOn = ? WHERE nodeID = ?
            """, arguments: [change.name ?? current.name, category.nodeID, change.description ?? current.description,
                             invitations == .false ? 0 : nil, change.disabled ?? current.disabled, type.behavior,
                             (change.privacy ?? current.privacy).visibility, addinID, NetTicks.from(Date()), current.nodeID])
        if change.managers != nil || moving { try setRole(.manager, on: current.nodeID, to: managers, in: db) }
        if change.members != nil || moving { try setRole(.member, on: current.nodeID, to: members, in: db) }
        if change.presenters != nil || moving { try setRole(.voiced, on: current.nodeID, to: presenters, in: db) }
        return try requireRoom(change.name ?? current.name, in: db)
    }

    /// Deletes a room with its roles, invitations and messages.
    public func removeRoom(_ name: String, in db: Database) throws {
        let current = try requireRoom(name, in: db)
        try db.execute(sql: "DELETE FROM tblChat WHERE channelId = ?", arguments: [current.nodeID])
        try db.execute(sql: "DELETE FROM tblLastChatId WHERE nodeID = ?", arguments: [current.nodeID])
        try db.execute(sql: "DELETE FROM tblNode WHERE nodeID = ?", arguments: [current.nodeID])
    }

    // MARK: Messages

    /// Deletes a room's messages dated before `endDate`; returns how many went.
    @discardableResult
    public func clearRoom(_ name: String, before endDate: Date, in db: Database) throws -> Int {
        let current = try requireRoom(name, in: db)
        try db.execute(sql: "DELETE FROM tblChat WHERE channelId = ? AND chatDate < ?", arguments: [current.nodeID, NetTicks.from(endDate)])
        return db.changesCount
    }

    /// Which messages Remove-CsPersistentChatMessage touches.
    public struct MessageSelection: Sendable {
        public enum Match: String, CaseIterable, Sendable { case and = "And", or = "Or", exact = "Exact" }
        public var userUri: String?
        public var keywords: String?
        public var start: Date?
        public var end: Date?
        public var match: Match = .and
        public var caseSensitive = false

        public init() {}
    }

    /// Deletes the selected messages of a room, or (with `replacement`) replaces their text and
    /// drops their RTF. Returns how many messages changed.
    @discardableResult
    public func removeMessages(inRoom name: String, _ selection: MessageSelection, replacement: String?, in db: Database) throws -> Int {
        let current = try requireRoom(name, in: db)
        var sql = "SELECT chatId, content FROM tblChat WHERE channelId = ?"
        var arguments: [any DatabaseValueConvertible] = [current.nodeID]
        if let uri = selection.userUri {
            guard let author = try Int64.fetchOne(db, sql: "SELECT prinID FROM tblPrincipal WHERE prinUri = ?", arguments: [uri]) else { return 0 }
            sql += " AND userId = ?"
            arguments.append(author)
        }
        if let start = selection.start { sql += " AND chatDate >= ?"; arguments.append(NetTicks.from(start)) }
        if let end = selection.end { sql += " AND chatDate <= ?"; arguments.append(NetTicks.from(end)) }
        let candidates = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        let chosen = candidates.filter { Self.matches($0["content"], selection) }.map { $0["chatId"] as Int64 }
        for chatId in chosen {
            if let replacement {
                try db.execute(sql: "UPDATE tblChat SET content = ?, rtf = NULL WHERE channelId = ? AND chatId = ?",
                               arguments: [replacement, current.nodeID, chatId])
            } else {
                try db.execute(sql: "DELETE FROM tblChat WHERE channelId = ? AND chatId = ?", arguments: [current.nodeID, chatId])
            }
        }
        return chosen.count
    }

    /// Keyword matching: every word (And), any word (Or), or the whole phrase (Exact).
    static func matches(_ content: String, _ selection: MessageSelection) -> Bool {
        guard let keywords = selection.keywords, !keywords.isEmpty else { return true }
        let options: String.CompareOptions = selection.caseSensitive ? [] : [.caseInsensitive]
        switch selection.match {
        case .exact:
            return content.range(of: keywords, options: options) != nil
        case .and, .or:
            let words = keywords.split(whereSeparator: \.isWhitespace).map(String.init)
            let found = words.map { content.range(of: $0, options: options) != nil }
            return selection.match == .and ? found.allSatisfy { $0 } : found.contains(true)
        }
    }

    // MARK: Helpers

    static let roomQuery = """
        SELECT r.*, c.nodeName AS categoryName, a.siopName AS addinName
        FROM tblNode r JOIN tblNode c ON c.nodeID = r.parentID LEFT JOIN tblSiopWhiteList a ON a.siopID = r.siopID
        WHERE r.nodeType = 0
        """

    /// A room's invitations after a change. Under a category with invitations off a room can be
    /// off only: asking for Inherit there would turn them on.
    private func roomInvitations(_ requested: RoomInvitations?, current: RoomInvitations?, category: ChatCategory) throws -> RoomInvitations {
        if let requested {
            if requested == .inherit && !category.invitations && current != .inherit {
                throw DeploymentError(.invalidOperation, id: "InvitationsOffInCategory",
                                      "The category '\(pool)\\\(category.name)' has invitations off, so its rooms cannot turn them on; set -Invitations False, or turn invitations on for the category first.",
                                      target: "\(pool)\\\(category.name)")
            }
            return requested
        }
        return current ?? (category.invitations ? .inherit : .false)
    }

    private func withinScope(_ principals: [ChatPrincipal], of category: ChatCategory, in db: Database) -> [ChatPrincipal] {
        principals.filter { principal in
            (try? requireWithinScope([principal], of: category.nodeID, categoryName: category.name, list: "", in: db)) != nil
        }
    }

    private func room(_ row: Row, in db: Database) throws -> ChatRoom {
        let id: Int64 = row["nodeID"]
        let roles = try roleHolders(on: id, in: db)
        return ChatRoom(
            nodeID: id, guid: row["nodeGuid"], name: row["nodeName"], description: row["nodeDesc"],
            categoryID: row["parentID"], categoryName: row["categoryName"], disabled: row["disabled"],
            invitations: (row["invite"] as Int?) == 0 ? .false : .inherit,
            privacy: RoomPrivacy(visibility: row["visibility"] ?? 3) ?? .closed,
            type: RoomType(behavior: row["behavior"]) ?? .normal, addinName: row["addinName"],
            managers: roles[.manager] ?? [], members: roles[.member] ?? [], presenters: roles[.voiced] ?? [])
    }
}

import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The database an export reads: a legacy Group Chat database (legacy-store.md) or a Persistent
/// Chat database, told apart by tblConfig's SchemaVersion. Opened read-only; `read` runs one
/// read transaction, so the parts and the messages come from one consistent snapshot.
public final class ChatExportSource: Sendable {
    public let path: String
    public let kind: ChatExportFormat.SourceKind
    let queue: DatabaseQueue

    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw DeploymentError(.objectNotFound, id: "ExportSourceNotFound",
                                  "There is no database at '\(path)'. Check -DBInstance and -DBName (the database file is <home>/sql/<server>/<instance>/<name>.sqlite).",
                                  target: path)
        }
        do {
            queue = try LegacyGroupChatDatabase.openReadOnly(path)
            kind = try queue.read { db in
                let version = try db.tableExists("tblConfig")
                    ? try String.fetchOne(db, sql: "SELECT confValue FROM tblConfig WHERE confKey = 'SchemaVersion' COLLATE NOCASE") : nil
                if let version, let known = ChatExportFormat.SourceKind(caseInsensitive: version), !known.isLegacy { return known }
                // Anything else must be a legacy database; its validation says what is missing.
                try LegacyGroupChatDatabase.validate(db, path: path)
                return ChatExportFormat.SourceKind(caseInsensitive: version ?? "") ?? .groupChat2010
            }
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw LegacyGroupChatDatabase.unreadable(path, error)
        }
    }

    /// Runs `body` in one read transaction; SQLite errors become `DeploymentError`s.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw LegacyGroupChatDatabase.unreadable(path, error)
        }
    }

    // MARK: The parts

    /// Everything but the messages, raw. Config facts (forest, lookup URI, file store) come from
    /// the source's tblConfig when it has them.
    public func data(in db: Database, level: ChatExportFormat.Level) throws -> ChatExportData {
        var data = ChatExportData(manifest: ChatExportManifest(source: kind, level: level))
        let config = try LegacyGroupChatDatabase.config(db)
        data.manifest.forestFqdn = config.forestFqdn
        data.manifest.lookupServerUri = config.lookupServerUri
        data.manifest.fileStorePath = config.fileStorePath
        if kind.isLegacy {
            typealias L = LegacyGroupChatDatabase
            // The snapshot checks the category tree; the principals, the bulk, are read straight
            // into their exported form instead of being held twice.
            let snapshot = try LegacyGroupChatSnapshot(config: config, principals: [], nodes: L.nodes(db), roles: L.roles(db), scopes: L.scopes(db),
                                                       affiliations: L.affiliations(db), addins: L.addins(db), path: path)
            data.principals = try L.principals(db, Self.exported)
            data.affiliations = snapshot.affiliations.filter { !$0.isSelf }
                .map { ExportedAffiliation(principalID: $0.principalID, affiliationID: $0.affiliationID, index: $0.index) }
            data.nodes = snapshot.nodes.map(Self.exported)
            data.roles = snapshot.roles.map { ExportedRole(nodeID: $0.nodeID, principalID: $0.principalID, roleTypeID: $0.roleTypeID) }
            data.scopes = snapshot.scopes.map { ExportedScope(nodeID: $0.nodeID, principalID: $0.principalID, denied: false) }
            data.addins = snapshot.addins.map { ExportedAddin(id: $0.id, name: $0.name, url: $0.url) }
        } else {
            try readPersistentChat(db, into: &data)
        }
        return data
    }

    static func exported(_ principal: LegacyPrincipal) -> ExportedPrincipal {
        ExportedPrincipal(id: principal.id, guid: principal.guid, uri: principal.uri, typeID: principal.typeID,
                          disabled: principal.isDisabled ? 1 : 0, name: principal.name, companyName: principal.companyName,
                          email: principal.email, adPath: principal.adPath, userPrincipalName: principal.userPrincipalName,
                          addedOn: principal.addedOn, updatedOn: principal.updatedOn)
    }

    static func exported(_ node: LegacyNode) -> ExportedNode {
        var result = ExportedNode(id: node.id, guid: node.guid, parentID: node.parentID, isCategory: node.isCategory, name: node.name)
        result.description = node.description
        result.topic = node.topic
        result.invite = node.invite
        result.logged = node.logged
        result.filePost = node.filePost
        result.disabled = node.isDisabled
        result.behavior = node.behavior
        result.visibility = node.visibility
        result.overrideMember = node.overrideMember
        result.addinID = node.addinID
        result.addedOn = node.addedOn
        result.updatedOn = node.updatedOn
        return result
    }

    private func readPersistentChat(_ db: Database, into data: inout ChatExportData) throws {
        typealias L = LegacyGroupChatDatabase
        // A cursor: the rows are turned into principals one at a time, never all held as rows.
        let principals = try Row.fetchCursor(db, sql: """
            SELECT prinID, prinGuid, prinUri, prinName, prinDisplayName, prinCompanyName, prinEmail, prinADPath,
                   prinADUserPrincipalName, prinDisabled, prinTypeID, prinAddedOn, prinUpdatedOn FROM tblPrincipal ORDER BY prinID
            """)
        while let row = try principals.next() {
            data.principals.append(ExportedPrincipal(
                id: L.int(row, 0), guid: L.text(row, 1) ?? "", uri: L.text(row, 2) ?? "", typeID: L.int(row, 10), disabled: L.int(row, 9),
                name: L.text(row, 3), displayName: L.text(row, 4), companyName: L.text(row, 5), email: L.text(row, 6), adPath: L.text(row, 7),
                userPrincipalName: L.text(row, 8), addedOn: L.ticks(row, 11), updatedOn: L.ticks(row, 12)))
        }
        data.affiliations = try Row.fetchAll(db, sql: #"SELECT principalID, affiliationID, "index" FROM tblPrincipalAffiliations WHERE principalID <> affiliationID ORDER BY principalID, affiliationID"#)
            .map { ExportedAffiliation(principalID: L.int($0, 0), affiliationID: L.int($0, 1), index: L.optionalInt($0, 2)) }
        for row in try Row.fetchAll(db, sql: """
            SELECT nodeID, nodeGuid, parentID, nodeType, nodeName, nodeDesc, invite, logged, filePost, disabled, behavior,
                   visibility, siopID, nodeAddedOn, nodeUpdatedOn FROM tblNode WHERE nodeID <> 1 ORDER BY nodeID
            """) {
            var node = ExportedNode(id: L.int(row, 0), guid: L.text(row, 1) ?? "", parentID: L.int(row, 2),
                                    isCategory: L.flag(row[3]), name: L.text(row, 4) ?? "")
            node.description = L.text(row, 5)
            node.invite = L.optionalFlag(row[6])
            node.logged = L.optionalFlag(row[7])
            node.filePost = L.optionalFlag(row[8])
            node.disabled = L.flag(row[9])
            node.behavior = L.optionalInt(row, 10) ?? 4
            node.visibility = L.optionalInt(row, 11)
            node.addinID = L.text(row, 12)
            node.addedOn = L.ticks(row, 13)
            node.updatedOn = L.ticks(row, 14)
            data.nodes.append(node)
        }
        data.roles = try Row.fetchAll(db, sql: "SELECT prinRoleNodeID, prinRolePrinID, prinRoleTypeID FROM tblPrincipalRole ORDER BY rowid")
            .map { ExportedRole(nodeID: L.int($0, 0), principalID: L.int($0, 1), roleTypeID: L.int($0, 2)) }
        data.scopes = try Row.fetchAll(db, sql: "SELECT scopeNodeID, scopePrinID, scopeIsDenied FROM tblScopePrincipal ORDER BY rowid")
            .map { ExportedScope(nodeID: L.int($0, 0), principalID: L.int($0, 1), denied: L.flag($0[2])) }
        data.addins = try Row.fetchAll(db, sql: "SELECT siopID, siopName, siopUrl FROM tblSiopWhiteList ORDER BY siopName")
            .map { ExportedAddin(id: L.text($0, 0) ?? "", name: L.text($0, 1) ?? "", url: L.text($0, 2) ?? "") }
    }

    // MARK: Messages

    /// One message row as raw column buffers, valid only during the call.
    public struct RawMessage {
        public var channelID: Int64
        public var chatID: Int64
        public var date: Int64
        public var userID: Int64
        public var isAlert: Bool
        public var content: UnsafeBufferPointer<UInt8>
        public var rtf: UnsafeBufferPointer<UInt8>?
    }

    /// Streams tblChat in (channelId, chatId) order through the C API: texts are handed over as
    /// the stored bytes (no String, no repair of invalid UTF-8). `rooms` nil means every room.
    public func forEachMessage(in db: Database, rooms: Set<Int>?, since ticks: Int64?, _ body: (RawMessage) throws -> Void) throws {
        var sql = "SELECT channelId, chatId, chatDate, userId, isAlert, content, rtf FROM tblChat"
        var conditions: [String] = []
        if let rooms { conditions.append("channelId IN (\(rooms.sorted().map(String.init).joined(separator: ",")))") }
        if let ticks { conditions.append("chatDate >= \(ticks)") }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY channelId, chatId"
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DeploymentError(.invalidData, id: "ExportSourceUnreadable",
                                      "Reading the messages of '\(path)' failed: \(String(cString: sqlite3_errmsg(db.sqliteConnection))).", target: path)
            }
            func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
                // Blob access returns text columns' stored bytes unchanged.
                let count = Int(sqlite3_column_bytes(handle, column))
                guard count > 0, let pointer = sqlite3_column_blob(handle, column) else { return empty }
                return UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: count)
            }
            let content = bytes(5)
            let rtf: UnsafeBufferPointer<UInt8>? = sqlite3_column_type(handle, 6) == SQLITE_NULL ? nil : bytes(6)
            try body(RawMessage(channelID: sqlite3_column_int64(handle, 0), chatID: sqlite3_column_int64(handle, 1),
                                date: sqlite3_column_int64(handle, 2), userID: sqlite3_column_int64(handle, 3),
                                isAlert: sqlite3_column_int64(handle, 4) != 0, content: content, rtf: rtf))
        }
    }

    /// How many messages each room holds (posted on or after `ticks` when given), by room id;
    /// the counts an export with that -StartDate carries.
    public func messageCounts(in db: Database, since ticks: Int64?) throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT channelId, count(*) FROM tblChat WHERE chatDate >= ? GROUP BY channelId",
                                    arguments: [ticks ?? Int64.min]) {
            counts[row[0]] = row[1]
        }
        return counts
    }

    /// Marks rooms disabled (-DisableExportedNodes), in its own write transaction.
    public func disableRooms(_ ids: [Int]) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            let writer = try DatabaseQueue(path: path, configuration: configuration)
            return try writer.write { db in
                var changed = 0
                for chunk in stride(from: 0, to: ids.count, by: 500) {
                    let list = ids[chunk..<min(chunk + 500, ids.count)].map(String.init).joined(separator: ",")
                    try db.execute(sql: "UPDATE tblNode SET disabled = 1 WHERE nodeType = 0 AND disabled = 0 AND nodeID IN (\(list))")
                    changed += db.changesCount
                }
                return changed
            }
        } catch {
            throw DeploymentError(.writeError, id: "DisableExportedNodesFailed",
                                  "The export is complete, but the exported rooms of '\(path)' could not be disabled: \((error as? DatabaseError)?.message ?? "\(error)").",
                                  target: path)
        }
    }
}

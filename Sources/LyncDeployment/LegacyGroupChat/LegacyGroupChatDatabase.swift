import Foundation
import GRDB

/// A legacy Group Chat database (legacy-store.md), opened read-only. Opening validates that the
/// file follows the contract: every table and column present, a supported SchemaVersion. Files
/// not written by pcsh (a converted SQL Server dump, the sqlite3 CLI) work as long as they do;
/// extra tables and columns are ignored, GUIDs may be in either case.
public final class LegacyGroupChatDatabase: Sendable {
    public let path: String
    let queue: DatabaseQueue

    /// Opens `path` read-only and validates it; a `DeploymentError` names what is missing.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw DeploymentError(.objectNotFound, id: "LegacyDatabaseNotFound",
                                  "There is no legacy Group Chat database at '\(path)'. Create one with New-CsGroupChatDatabase or give the path of an existing file.",
                                  target: path)
        }
        do {
            queue = try Self.openReadOnly(path)
            try queue.read { db in try Self.validate(db, path: path) }
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw Self.unreadable(path, error)
        }
    }

    /// A read-only connection that waits up to 10 s for a writer (shared with the export source).
    static func openReadOnly(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Checks the contract: the file is sound (SQLite's quick_check: a damaged file is refused
    /// before anything is read from or written to it), then tables, columns, schema version.
    static func validate(_ db: Database, path: String) throws {
        let check = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
        guard check == ["ok"] else {
            throw DeploymentError(.invalidData, id: "LegacyDatabaseDamaged",
                                  "'\(path)' is damaged (SQLite's integrity check: \(check.prefix(3).joined(separator: "; "))). Nothing was read from it or written to it; restore it from a backup, or repair a copy with the sqlite3 .recover command.",
                                  target: path)
        }
        var problems: [String] = []
        for (table, columns) in LegacyGroupChatSchema.requiredColumns {
            guard try db.tableExists(table) else {
                problems.append("table \(table)")
                continue
            }
            let present = Set(try db.columns(in: table).map { $0.name.lowercased() })
            let missing = columns.filter { !present.contains($0.lowercased()) }
            if !missing.isEmpty { problems.append("\(table) column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))") }
        }
        guard problems.isEmpty else {
            throw DeploymentError(.invalidData, id: "LegacyDatabaseSchemaInvalid",
                                  "'\(path)' is not a legacy Group Chat database: it lacks \(problems.joined(separator: "; ")). The file must follow the legacy store contract (legacy-store.md).",
                                  target: path)
        }
        let version = try String.fetchOne(db, sql: "SELECT confValue FROM tblConfig WHERE confKey = 'SchemaVersion' COLLATE NOCASE")
        guard let version, LegacyGroupChatSchema.supportedVersions.contains(where: { $0.caseInsensitiveCompare(version) == .orderedSame }) else {
            throw DeploymentError(.invalidData, id: "LegacySchemaVersionNotSupported",
                                  "'\(path)' has \(version.map { "the schema version '\($0)'" } ?? "no SchemaVersion in tblConfig"); a legacy Group Chat database is \(LegacyGroupChatSchema.supportedVersions.joined(separator: " or ")).",
                                  target: path)
        }
    }

    static func unreadable(_ path: String, _ error: any Error) -> DeploymentError {
        let detail = (error as? DatabaseError)?.message ?? "\(error)"
        return DeploymentError(.invalidData, id: "LegacyDatabaseUnreadable",
                               "Cannot read the legacy Group Chat database '\(path)': \(detail).", target: path)
    }

    /// Runs `body` in one read transaction (a consistent snapshot); SQLite errors become
    /// `DeploymentError`s.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw Self.unreadable(path, error)
        }
    }

    // MARK: Tables

    public func config() throws -> LegacyConfig { try read(Self.config) }

    static func config(_ db: Database) throws -> LegacyConfig {
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT confKey, confValue FROM tblConfig") {
            if let key = text(row, 0) { values[key] = text(row, 1) }
        }
        return LegacyConfig(values: values)
    }

    /// The rows of `sql`, each made into a value as it is read (a cursor, not an array of rows
    /// first: a legacy database has tens of thousands of principals).
    static func rows<T>(_ db: Database, sql: String, _ make: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        let cursor = try Row.fetchCursor(db, sql: sql)
        while let row = try cursor.next() { result.append(try make(row)) }
        return result
    }

    static func principals(_ db: Database) throws -> [LegacyPrincipal] { try principals(db) { $0 } }

    /// Each principal converted as it is read: a caller keeping another form of them never
    /// holds both lists (tens of thousands of principals).
    static func principals<T>(_ db: Database, _ convert: (LegacyPrincipal) -> T) throws -> [T] {
        try rows(db, sql: """
            SELECT prinID, prinGuid, prinUri, prinName, prinCompanyName, prinEmail, prinADPath, prinADUserPrincipalName,
                   prinDisabled, prinTypeID, prinAddedOn, prinUpdatedOn FROM tblPrincipal ORDER BY prinID
            """) { row in
            convert(LegacyPrincipal(id: int(row, 0), guid: text(row, 1) ?? "", uri: text(row, 2) ?? "", name: text(row, 3),
                                    companyName: text(row, 4), email: text(row, 5), adPath: text(row, 6), userPrincipalName: text(row, 7),
                                    isDisabled: flag(row[8]), typeID: int(row, 9), addedOn: ticks(row, 10), updatedOn: ticks(row, 11)))
        }
    }

    static func nodes(_ db: Database) throws -> [LegacyNode] {
        try rows(db, sql: """
            SELECT nodeID, nodeGuid, parentID, nodeType, nodeName, nodeDesc, topic, invite, logged, filePost, disabled,
                   behavior, visibility, overrideMember, siopID, nodeAddedOn, nodeUpdatedOn FROM tblNode ORDER BY nodeID
            """) { row in
            LegacyNode(id: int(row, 0), guid: text(row, 1) ?? "", parentID: int(row, 2), isCategory: flag(row[3]),
                       name: text(row, 4) ?? "", description: text(row, 5), topic: text(row, 6), invite: optionalFlag(row[7]),
                       logged: optionalFlag(row[8]), filePost: optionalFlag(row[9]), isDisabled: flag(row[10]),
                       behavior: optionalInt(row, 11) ?? LegacyNode.normalBehavior, visibility: optionalInt(row, 12),
                       overrideMember: flag(row[13]), addinID: text(row, 14), addedOn: ticks(row, 15), updatedOn: ticks(row, 16))
        }
    }

    static func roles(_ db: Database) throws -> [LegacyRoleAssignment] {
        try rows(db, sql: """
            SELECT prinRoleNodeID, prinRolePrinID, prinRoleTypeID FROM tblPrincipalRole
            ORDER BY prinRoleNodeID, prinRoleTypeID, prinRolePrinID
            """) { LegacyRoleAssignment(nodeID: int($0, 0), principalID: int($0, 1), roleTypeID: int($0, 2)) }
    }

    static func scopes(_ db: Database) throws -> [LegacyScopeEntry] {
        try rows(db, sql: "SELECT scopeNodeID, scopePrinID FROM tblScopePrincipal ORDER BY scopeNodeID, scopePrinID") { LegacyScopeEntry(nodeID: int($0, 0), principalID: int($0, 1)) }
    }

    static func affiliations(_ db: Database) throws -> [LegacyAffiliation] {
        try rows(db, sql: #"SELECT principalID, affiliationID, "index" FROM tblPrincipalAffiliations ORDER BY principalID, affiliationID"#) { LegacyAffiliation(principalID: int($0, 0), affiliationID: int($0, 1), index: optionalInt($0, 2)) }
    }

    static func addins(_ db: Database) throws -> [LegacyAddin] {
        try rows(db, sql: "SELECT siopID, siopName, siopUrl FROM tblSiopWhiteList ORDER BY siopName") { LegacyAddin(id: text($0, 0) ?? "", name: text($0, 1) ?? "", url: text($0, 2) ?? "") }
    }

    /// Everything but the messages, read in one transaction, with the tree checked (root node 1
    /// is its own parent, every parent exists and is a category, no cycles).
    public func snapshot() throws -> LegacyGroupChatSnapshot {
        try read { db in try snapshot(in: db) }
    }

    /// The snapshot inside a transaction of `read` (so it and `forEachMessage(in:)` see the same data).
    public func snapshot(in db: Database) throws -> LegacyGroupChatSnapshot { try Self.snapshot(in: db, path: path) }

    static func snapshot(in db: Database, path: String) throws -> LegacyGroupChatSnapshot {
        try LegacyGroupChatSnapshot(
            config: Self.config(db), principals: Self.principals(db), nodes: Self.nodes(db), roles: Self.roles(db),
            scopes: Self.scopes(db), affiliations: Self.affiliations(db), addins: Self.addins(db), path: path)
    }

    // MARK: Messages

    /// The number of messages, of one room or of all.
    public func messageCount(room: Int? = nil, since ticks: Int64? = nil) throws -> Int {
        try read { db in
            let (filter, arguments) = Self.messageFilter(room: room, since: ticks)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tblChat\(filter)", arguments: arguments) ?? 0
        }
    }

    /// Streams messages through `body` without loading them all: one room's messages ordered by
    /// chatId, or (room nil) every message ordered by room then chatId. `since` keeps messages
    /// at or after these ticks. `body` returns false to stop early.
    public func forEachMessage(room: Int? = nil, since ticks: Int64? = nil, _ body: (LegacyMessage) throws -> Bool) throws {
        try read { db in try forEachMessage(in: db, room: room, since: ticks, body) }
    }

    /// `forEachMessage` inside a transaction of `read`.
    public func forEachMessage(in db: Database, room: Int? = nil, since ticks: Int64? = nil,
                               _ body: (LegacyMessage) throws -> Bool) throws {
        do {
            let (filter, arguments) = Self.messageFilter(room: room, since: ticks)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT channelId, chatId, chatDate, userId, isAlert, content, rtf FROM tblChat\(filter) ORDER BY channelId, chatId
                """, arguments: arguments)
            while let row = try rows.next() {
                let message = LegacyMessage(roomID: Self.int(row, 0), chatID: Self.ticks(row, 1) ?? 0, date: Self.ticks(row, 2) ?? 0,
                                            userID: Self.int(row, 3), isAlert: Self.flag(row[4]), content: Self.text(row, 5) ?? "",
                                            rtf: Data.fromDatabaseValue(row[6]))
                if try !body(message) { break }
            }
        } catch let error as DatabaseError {
            throw Self.unreadable(path, error)
        }
    }

    /// A WHERE clause with only the conditions asked for, so a room's messages come straight
    /// from the (channelId, chatId) key instead of a scan.
    static func messageFilter(room: Int?, since ticks: Int64?) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let room {
            conditions.append("channelId = ?")
            arguments += [room]
        }
        if let ticks {
            conditions.append("chatDate >= ?")
            arguments += [ticks]
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    // MARK: Values
    // Decoded without GRDB's trapping subscripts: a foreign file may hold any value anywhere.

    static func optionalInt(_ row: Row, _ index: Int) -> Int? { Int.fromDatabaseValue(row[index]) }

    static func int(_ row: Row, _ index: Int) -> Int { optionalInt(row, index) ?? 0 }

    static func ticks(_ row: Row, _ index: Int) -> Int64? { Int64.fromDatabaseValue(row[index]) }

    static func text(_ row: Row, _ index: Int) -> String? {
        let value: DatabaseValue = row[index]
        switch value.storage {
        case .null: return nil
        case .string(let string): return string
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        }
    }

    /// A 0/1 column; NULL reads as false.
    static func flag(_ value: DatabaseValue) -> Bool { optionalFlag(value) ?? false }

    /// A nullable 0/1 column (NULL = inherit).
    static func optionalFlag(_ value: DatabaseValue) -> Bool? {
        switch value.storage {
        case .null: nil
        case .int64(let number): number != 0
        case .double(let number): number != 0
        case .string(let text): ["1", "true"].contains(text.lowercased())
        case .blob: nil
        }
    }
}

import Foundation
import GRDB

/// The audit log: one entry per state-changing command (allowed or denied) and per denial.
public enum AuditLog {
    public struct Entry: Sendable, Equatable {
        public var id: Int64
        public var time: Date
        public var user: String
        public var roles: [String]
        public var command: String
        public var parameters: [String: String]
        public var whatIf: Bool
        public var outcome: String
        public var detail: String?
    }

    /// Outcomes as written: a command is `Started` until it ends.
    public enum Outcome: String, Sendable {
        case started = "Started", succeeded = "Succeeded", failed = "Failed", denied = "Denied"
        /// The command's process ended (killed, crashed) before the command did.
        case interrupted = "Interrupted"
    }

    /// Records a command; returns the entry's id (to finish it later).
    @discardableResult
    public static func append(user: String, roles: [String], command: String, parameters: [(String, String)],
                              whatIf: Bool, outcome: Outcome, detail: String? = nil, in db: Database) throws -> Int64 {
        var object: [String: String] = [:]
        for (name, value) in parameters { object[name] = value }
        let json = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        try db.execute(sql: """
            INSERT INTO auditEntry (time, user, roles, command, parameters, whatIf, outcome, detail, process)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [Date().timeIntervalSince1970, user, roles.joined(separator: ","), command, json,
                             whatIf, outcome.rawValue, detail, outcome == .started ? ProcessIdentity.current : nil])
        return db.lastInsertedRowID
    }

    /// Marks the Started entries whose process is gone as Interrupted; returns how many.
    @discardableResult
    public static func markInterrupted(in db: Database) throws -> Int {
        let started = try Row.fetchAll(db, sql: "SELECT id, process FROM auditEntry WHERE outcome = 'Started' AND process IS NOT NULL")
        var marked = 0
        for row in started {
            let process: String = row["process"]
            guard !ProcessIdentity.isRunning(process) else { continue }
            try db.execute(sql: "UPDATE auditEntry SET outcome = ?, detail = ? WHERE id = ?", arguments: [
                Outcome.interrupted.rawValue,
                "The command's process (\(process)) ended before the command did: it was killed or crashed. Check what the command had changed.",
                row["id"] as Int64])
            marked += 1
        }
        return marked
    }

    /// True when some Started entry's process is gone (a cheap read before taking the write lock).
    public static func hasInterrupted(in db: Database) throws -> Bool {
        let processes = try String.fetchAll(db, sql: "SELECT process FROM auditEntry WHERE outcome = 'Started' AND process IS NOT NULL")
        return processes.contains { !ProcessIdentity.isRunning($0) }
    }

    /// Sets how a started command ended.
    public static func finish(_ id: Int64, outcome: Outcome, detail: String?, in db: Database) throws {
        try db.execute(sql: "UPDATE auditEntry SET outcome = ?, detail = ? WHERE id = ?", arguments: [outcome.rawValue, detail, id])
    }

    /// Entries matching every given filter, newest first, at most `limit`.
    public static func search(user: String? = nil, commandPattern: ((String) -> Bool)? = nil, start: Date? = nil,
                              end: Date? = nil, limit: Int? = nil, in db: Database) throws -> [Entry] {
        var sql = "SELECT * FROM auditEntry WHERE 1 = 1"
        var arguments: [any DatabaseValueConvertible] = []
        if let user { sql += " AND user = ? COLLATE NOCASE"; arguments.append(user) }
        if let start { sql += " AND time >= ?"; arguments.append(start.timeIntervalSince1970) }
        if let end { sql += " AND time <= ?"; arguments.append(end.timeIntervalSince1970) }
        sql += " ORDER BY id DESC"
        var result: [Entry] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        while let row = try cursor.next() {
            let command: String = row["command"]
            if let commandPattern, !commandPattern(command) { continue }
            let parametersText: String = row["parameters"]
            let parameters = (try? JSONSerialization.jsonObject(with: Data(parametersText.utf8))) as? [String: String] ?? [:]
            let roles: String = row["roles"]
            result.append(Entry(id: row["id"], time: Date(timeIntervalSince1970: row["time"]), user: row["user"],
                                roles: roles.split(separator: ",").map(String.init), command: command,
                                parameters: parameters, whatIf: row["whatIf"], outcome: row["outcome"], detail: row["detail"]))
            if let limit, result.count >= limit { break }
        }
        return result
    }
}

/// A process named so that a reused pid does not pass for it: "pid:start time" (the start time
/// in clock ticks since boot, from /proc).
enum ProcessIdentity {
    static let current = describe(getpid()) ?? "\(getpid()):0"

    static func describe(_ pid: pid_t) -> String? {
        startTime(pid).map { "\(pid):\($0)" }
    }

    static func isRunning(_ identity: String) -> Bool {
        let parts = identity.split(separator: ":")
        guard parts.count == 2, let pid = pid_t(parts[0]) else { return false }
        return describe(pid) == identity
    }

    /// Field 22 of /proc/<pid>/stat, read after the command name (which may hold spaces).
    private static func startTime(_ pid: pid_t) -> String? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // After ")" come the fields from 3 (state) on, so field 22 is the 20th.
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }
}

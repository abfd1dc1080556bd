import Foundation
import GRDB

/// A Lync Server Windows service installed on a computer, with its state.
public struct WindowsService: Sendable, Equatable {
    public enum Status: String, Sendable {
        case running = "Running", stopped = "Stopped"
    }

    public let computer: String
    public let name: String
    public let displayName: String
    public let roleNames: [String]
    public let status: Status
    /// What the service reports while it runs; empty when it is stopped.
    public let activityLevel: String
    public let changedAt: Date?
}

/// The Windows services of the topology's computers: listing and starting/stopping. Functions
/// take the transaction's `Database`.
public enum ServiceRepository {
    /// The services of `computer` (all computers when nil), optionally only the one named `name`
    /// (case-insensitive), sorted by computer then name. An unknown computer is an error.
    public static func services(computer: String?, name: String? = nil, in db: Database) throws -> [WindowsService] {
        if let computer { try requireComputer(computer, in: db) }
        var sql = "SELECT * FROM service WHERE 1 = 1"
        var arguments: [DatabaseValueConvertible?] = []
        if let computer { sql += " AND computer = ?"; arguments.append(computer) }
        if let name { sql += " AND name = ?"; arguments.append(name) }
        sql += " ORDER BY computer, name"
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(service(from:))
    }

    /// The service `name` on `computer`; ObjectNotFound names the services the computer has.
    public static func requireService(_ name: String, computer: String, in db: Database) throws -> WindowsService {
        if let found = try services(computer: computer, name: name, in: db).first { return found }
        let available = try services(computer: computer, in: db).map(\.name)
        let hint = available.isEmpty
            ? "The computer has no Lync Server services yet; run Enable-CsTopology to install them."
            : "The computer has these services: \(available.joined(separator: ", ")). Use the service name, not the display name."
        throw DeploymentError(.objectNotFound, id: "ServiceNotFound",
                              "Cannot find the service '\(name)' on computer '\(computer)'. \(hint)", target: name)
    }

    /// Checks that `computer` is in the published topology; the error lists the known computers.
    public static func requireComputer(_ computer: String, in db: Database) throws {
        let known = try String.fetchAll(db, sql: "SELECT fqdn FROM computer ORDER BY fqdn")
        if known.contains(where: { $0.caseInsensitiveCompare(computer) == .orderedSame }) { return }
        let hint = known.isEmpty
            ? "No topology has been published; run Publish-CsTopology and Enable-CsTopology first."
            : "Known computers: \(known.joined(separator: ", "))."
        throw DeploymentError(.objectNotFound, id: "ComputerNotFound",
                              "Cannot find the computer '\(computer)' in the topology. \(hint)", target: computer)
    }

    /// Sets the status of one service. Returns false (and changes nothing) when it already has it.
    @discardableResult
    public static func setStatus(_ status: WindowsService.Status, service name: String, computer: String,
                                 in db: Database) throws -> Bool {
        let service = try requireService(name, computer: computer, in: db)
        guard service.status != status else { return false }
        let activity = status == .running ? WindowsServiceCatalog.activityLevel(of: service.name) : ""
        try db.execute(sql: "UPDATE service SET status = ?, activityLevel = ?, changedAt = ? WHERE computer = ? AND name = ?",
                       arguments: [status.rawValue, activity, Date().timeIntervalSince1970, service.computer, service.name])
        return true
    }

    /// True when every service of every computer of `pool` is installed and running (false for a
    /// pool whose services were never installed).
    public static func isPoolRunning(_ pool: String, in db: Database) throws -> Bool {
        let counts = try Row.fetchOne(db, sql: """
            SELECT count(*) AS total, sum(CASE WHEN s.status = 'Running' THEN 1 ELSE 0 END) AS running
            FROM service s JOIN computer c ON c.fqdn = s.computer WHERE c.pool = ?
            """, arguments: [pool])
        let total: Int = counts?["total"] ?? 0
        let running: Int = counts?["running"] ?? 0
        return total > 0 && total == running
    }

    /// True when the service `name` runs on at least one computer of `pool` (for example
    /// RTCCHAT of a Persistent Chat pool).
    public static func isRunning(_ name: String, onPool pool: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM service s JOIN computer c ON c.fqdn = s.computer
                           WHERE c.pool = ? AND s.name = ? AND s.status = 'Running')
            """, arguments: [pool, name]) ?? false
    }

    static func encode(_ roleNames: [String]) -> String {
        (try? String(data: JSONEncoder().encode(roleNames), encoding: .utf8)) ?? "[]"
    }

    private static func service(from row: Row) -> WindowsService {
        let roles = (row["roleNames"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        let status = WindowsService.Status(rawValue: row["status"] as String? ?? "") ?? .stopped
        return WindowsService(computer: row["computer"], name: row["name"], displayName: row["displayName"],
                              roleNames: roles, status: status,
                              activityLevel: status == .running ? row["activityLevel"] ?? "" : "",
                              changedAt: (row["changedAt"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}

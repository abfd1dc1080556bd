import Foundation
import GRDB

/// The Central Management Store: one SQLite database in the deployment home holding the
/// topology, the directory, services, trusted applications, endpoints, RBAC roles and the audit
/// log. Created on first use; whoever creates it becomes a member of RTCUniversalServerAdmins.
public final class CentralManagementStore: Sendable {
    public let home: DeploymentHome
    let database: DatabaseQueue

    /// Opens the store of `home`, creating the home and the database when missing. `creator` is
    /// the SamAccountName of the session's user, recorded (and made an administrator) only when
    /// the store is created now.
    public static func open(home: DeploymentHome, creator: String) throws -> CentralManagementStore {
        do {
            try FileManager.default.createDirectory(at: home.root, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            // Write-ahead logging: a commit is one append, and readers in other processes are
            // not blocked. NORMAL keeps every commit atomic and durable across a crash of pcsh.
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
            }
            return try OpeningLock.withLock(for: home.storeFile) {
                let queue = try DatabaseQueue(path: home.storeFile.path, configuration: configuration)
                try CmsSchema.migrator.migrate(queue)
                let store = CentralManagementStore(home: home, database: queue)
                try store.seedIfNew(creator: creator)
                return store
            }
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw DeploymentError(.resourceUnavailable, id: "CentralManagementStoreUnavailable",
                                  "Cannot open the Central Management Store at '\(home.storeFile.path)': \(error). Check that the pcsh home is writable.",
                                  target: home.storeFile.path)
        }
    }

    init(home: DeploymentHome, database: DatabaseQueue) {
        self.home = home
        self.database = database
    }

    /// Runs `body` in a read transaction.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors { try database.read(body) }
    }

    /// Runs `body` in a write transaction: everything it does lands, or nothing does.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors { try database.write(body) }
    }

    private func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DeploymentError {
            throw error
        } catch let error as DatabaseError {
            throw DeploymentError(.writeError, id: "CentralManagementStoreError",
                                  "The Central Management Store refused the change: \(error.message ?? "\(error)").")
        }
    }

    // MARK: Settings

    public func setting(_ key: String) throws -> String? {
        try read { try Self.setting(key, in: $0) }
    }

    static func setting(_ key: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    static func setSetting(_ key: String, _ value: String, in db: Database) throws {
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }

    /// Moves whenever users, groups, memberships or roles change (see CmsSchema).
    public static func securityGeneration(in db: Database) throws -> String {
        try setting("SecurityGeneration", in: db) ?? "0"
    }

    /// The forest the directory lives in: set by the published topology, `local` before that.
    public static func forestFqdn(in db: Database) throws -> String {
        try setting("ForestFqdn", in: db) ?? "local"
    }

    /// `DC=litwareinc,DC=com` for `litwareinc.com`.
    public static func domainComponents(of forest: String) -> String {
        forest.split(separator: ".").map { "DC=\($0)" }.joined(separator: ",")
    }

    /// A new security identifier in the deployment's domain.
    public static func newSid(in db: Database) throws -> String {
        let domain = try setting("DomainSid", in: db) ?? "S-1-5-21-1000-1000-1000"
        let next = Int(try setting("NextRid", in: db) ?? "1100") ?? 1100
        try setSetting("NextRid", String(next + 1), in: db)
        return "\(domain)-\(next)"
    }

    // MARK: Creation

    private func seedIfNew(creator: String) throws {
        try write { db in
            guard try Self.setting("CreatedBy", in: db) == nil else { return }
            let now = Date().timeIntervalSince1970
            let random = (0..<3).map { _ in String(UInt32.random(in: 100_000_000...999_999_999)) }.joined(separator: "-")
            try Self.setSetting("DomainSid", "S-1-5-21-" + random, in: db)
            try Self.setSetting("CreatedBy", creator, in: db)
            try Self.setSetting("CreatedAt", ISO8601DateFormatter().string(from: Date()), in: db)
            try db.execute(sql: "INSERT INTO organizationalUnit (path, whenCreated) VALUES ('CN=Users', ?)", arguments: [now])
            for group in BuiltinRoles.universalGroups + BuiltinRoles.roles.map(\.identity) {
                try db.execute(sql: """
                    INSERT INTO directoryGroup (samAccountName, objectGuid, sid, ou, name, groupScope, groupCategory, isBuiltin, whenCreated)
                    VALUES (?, ?, ?, 'CN=Users', ?, 'Universal', 'Security', 1, ?)
                    """, arguments: [group, UUID().uuidString.lowercased(), try Self.newSid(in: db), group, now])
            }
            for role in BuiltinRoles.roles {
                let sid = try String.fetchOne(db, sql: "SELECT sid FROM directoryGroup WHERE samAccountName = ?", arguments: [role.identity])
                try db.execute(sql: "INSERT INTO adminRole (identity, sid, template, isStandardRole) VALUES (?, ?, NULL, 1)",
                               arguments: [role.identity, sid])
            }
            try db.execute(sql: """
                INSERT INTO directoryUser (samAccountName, objectGuid, sid, ou, name, displayName, enabled, whenCreated)
                VALUES (?, ?, ?, 'CN=Users', ?, ?, 1, ?)
                """, arguments: [creator, UUID().uuidString.lowercased(), try Self.newSid(in: db), creator, creator, now])
            try db.execute(sql: "INSERT INTO groupMember (groupName, memberKind, memberName) VALUES (?, 'user', ?)",
                           arguments: [BuiltinRoles.serverAdmins, creator])
        }
    }
}

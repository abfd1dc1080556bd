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
        try open(home: home, creation: .onFirstUse(creator: creator))
    }

    /// How an open may create the store.
    public enum Creation: Sendable {
        /// The local console: a missing store is made, with this SamAccountName its first administrator.
        case onFirstUse(creator: String)
        /// The management endpoint: a home without a store is an error, never a new deployment.
        case never
        /// `pcsh -Bootstrap`: the store must not exist yet; it is made with this first administrator.
        case bootstrap(administrator: String)
    }

    /// Opens the store of `home` as `creation` allows. A home made here is private to its owner
    /// (0700) and so is the database (0600): nobody else reads or changes the deployment.
    public static func open(home: DeploymentHome, creation: Creation) throws -> CentralManagementStore {
        let exists = FileManager.default.fileExists(atPath: home.storeFile.path)
        let creator: String
        switch creation {
        case .onFirstUse(let name): creator = name
        case .never:
            guard exists else {
                throw DeploymentError(.resourceUnavailable, id: "DeploymentNotBootstrapped",
                                      "There is no Central Management Store in '\(home.root.path)', so nothing is allowed. The account that owns the deployment creates it once with 'pcsh -Bootstrap <SamAccountName of the first administrator>'.",
                                      target: home.storeFile.path)
            }
            creator = ""
        case .bootstrap(let administrator):
            guard !exists else {
                throw DeploymentError(.resourceExists, id: "DeploymentAlreadyBootstrapped",
                                      "'\(home.root.path)' already holds a Central Management Store; it was left as it is. Add administrators with Add-ADGroupMember RTCUniversalServerAdmins instead.",
                                      target: home.storeFile.path)
            }
            creator = try DirectoryRepository.validSamAccountName(administrator)
        }
        do {
            try DeploymentHome.createPrivateFolder(home.root)
            if !exists { try DeploymentHome.createPrivateFile(home.storeFile) }
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(busyTimeout)
            // Write-ahead logging: a commit is one append, and readers in other processes are
            // not blocked. NORMAL keeps every commit atomic and durable across a crash of pcsh.
            // The mode is persistent: only a store not yet in WAL is switched (a write), so an
            // existing store opens without the write lock, even read-only.
            configuration.prepareDatabase { db in
                // Before anything is switched: a foreign file must stay exactly as it is.
                try requireStoreOrEmpty(db, file: home.storeFile)
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.keepWriteAheadLogFiles()
            }
            // A store this user may read but not write (a read-only home, another owner's
            // files) is opened read-only: every read works, every change is a clear error.
            if FileManager.default.fileExists(atPath: home.storeFile.path), !FileManager.default.isWritableFile(atPath: home.storeFile.path)
                || !FileManager.default.isWritableFile(atPath: home.root.path) {
                return try openReadOnly(home: home)
            }
            return try OpeningLock.withLock(for: home.storeFile) {
                let queue = try DatabaseQueue(path: home.storeFile.path, configuration: configuration)
                if try !queue.read({ try CmsSchema.migrator.hasCompletedMigrations($0) }) { try CmsSchema.migrator.migrate(queue) }
                let store = CentralManagementStore(home: home, database: queue)
                try store.seedIfNew(creator: creator)
                // Commands left at Started by a killed process are recorded as Interrupted.
                if try queue.read({ try AuditLog.hasInterrupted(in: $0) }) {
                    try queue.write { db in _ = try AuditLog.markInterrupted(in: db) }
                }
                // And the files a killed Enable-CsTopology had made go.
                try TopologyEnableJournal.undoAbandoned(in: home)
                return store
            }
        } catch let error as DeploymentError {
            throw error
        } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_READONLY, .SQLITE_FULL].contains(error.resultCode) {
            throw translate(error, store: home.storeFile.path)
        } catch {
            throw DeploymentError(.resourceUnavailable, id: "CentralManagementStoreUnavailable",
                                  "Cannot open the Central Management Store at '\(home.storeFile.path)': \(error). Check that the pcsh home is writable.",
                                  target: home.storeFile.path)
        }
    }

    /// An empty file becomes a store; one with tables must be ours (its first migration
    /// recorded). Another program's database is refused, never extended: adding our tables to it
    /// would also make its opener the deployment's administrator.
    private static func requireStoreOrEmpty(_ db: Database, file: URL) throws {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        guard !tables.isEmpty else { return }
        let ours = try db.tableExists("grdb_migrations")
            && (try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations WHERE identifier = 'v1-deployment'")) != nil
        guard ours else {
            throw DeploymentError(.invalidData, id: "NotACentralManagementStore",
                                  "'\(file.path)' is not a pcsh Central Management Store (it holds other tables: \(tables.prefix(5).joined(separator: ", "))). It was left as it is; move it away or choose another PCSH_HOME.",
                                  target: file.path)
        }
    }

    /// The store as it is, for reading: no journal switch, migration or seeding. An outdated or
    /// unseeded store cannot be used this way.
    private static func openReadOnly(home: DeploymentHome) throws -> CentralManagementStore {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let queue = try DatabaseQueue(path: home.storeFile.path, configuration: configuration)
        let current = try queue.read { db in try CmsSchema.migrator.hasCompletedMigrations(db) && setting("CreatedBy", in: db) != nil }
        guard current else {
            throw DeploymentError(.permissionDenied, id: "CentralManagementStoreReadOnly",
                                  "The Central Management Store '\(home.storeFile.path)' is read-only for this user and needs an update first. Run pcsh once as the account that owns the deployment home.",
                                  target: home.storeFile.path)
        }
        return CentralManagementStore(home: home, database: queue)
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

    /// How long a command waits for another one's write to the store before giving up with a
    /// ResourceBusy error: 10 seconds, or `PCSH_BUSY_TIMEOUT` seconds (1 to 600).
    public static let busyTimeout: TimeInterval = {
        guard let text = ProcessInfo.processInfo.environment["PCSH_BUSY_TIMEOUT"], let seconds = Double(text) else { return 10 }
        return min(600, max(1, seconds))
    }()

    private func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DeploymentError {
            throw error
        } catch let error as DatabaseError {
            throw Self.translate(error, store: home.storeFile.path)
        }
    }

    /// SQLite's failures as errors a script can catch and act on.
    static func translate(_ error: DatabaseError, store path: String) -> DeploymentError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return DeploymentError(.resourceBusy, id: "CentralManagementStoreBusy",
                                   "The Central Management Store is busy: another command kept it locked for more than \(Int(busyTimeout)) seconds. Try again when it has finished (a script can catch this error and retry).",
                                   target: path)
        case .SQLITE_READONLY:
            return DeploymentError(.permissionDenied, id: "CentralManagementStoreReadOnly",
                                   "The Central Management Store '\(path)' is read-only for this user, so nothing can be changed. Run the command as the account that owns the deployment home.",
                                   target: path)
        case .SQLITE_FULL:
            return DeploymentError(.writeError, id: "CentralManagementStoreFull",
                                   "The disk holding the Central Management Store '\(path)' is full; nothing was changed. Free some space and run the command again.",
                                   target: path)
        default:
            return DeploymentError(.writeError, id: "CentralManagementStoreError",
                                   "The Central Management Store refused the change: \(error.message ?? "\(error)").", target: path)
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
        // Seeded already (every open but the first): no write, so no wait behind other writers.
        if try read({ try Self.setting("CreatedBy", in: $0) }) != nil { return }
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

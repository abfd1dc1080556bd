import Foundation
import GRDB
import Synchronization

/// A published topology document with its history data.
public struct PublishedTopology: Sendable {
    public let version: Int
    public let publishedAt: Date
    public let publishedBy: String
    public let sourceFile: String?
    public let enabledAt: Date?
    /// The file's text as published.
    public let content: String
    public let document: TopologyDocument
}

/// What Enable-CsTopology did (and, run again, finds already done).
public struct TopologyEnableResult: Sendable, Equatable {
    /// `NAME on computer` for each service installed now.
    public var installedServices: [String] = []
    /// `NAME on computer` for each service removed because its computer's roles no longer have it.
    public var removedServices: [String] = []
    public var createdDatabases: [URL] = []
    public var createdFolders: [URL] = []
}

/// Publishing and enabling topologies, and the look-ups the rest of the deployment uses. Every
/// function takes the transaction's `Database`; call them inside `store.read` / `store.write`.
public enum TopologyRepository {
    // MARK: Publishing

    /// Stores `document` (already validated) as the new current topology and replaces the site,
    /// pool and computer rows. Services of computers that stay in the topology are kept.
    /// Returns the new version number.
    @discardableResult
    public static func publish(_ document: TopologyDocument, content: String, sourceFile: String?, by user: String,
                               in db: Database) throws -> Int {
        let now = Date().timeIntervalSince1970
        try db.execute(sql: "INSERT INTO topologyDocument (publishedAt, publishedBy, sourceFile, content) VALUES (?, ?, ?, ?)",
                       arguments: [now, user, sourceFile, content])
        let version = Int(db.lastInsertedRowID)
        let keptServices = try Row.fetchAll(db, sql: "SELECT * FROM service")
        try db.execute(sql: "DELETE FROM computer; DELETE FROM pool; DELETE FROM site;")
        for site in document.sites {
            try db.execute(sql: "INSERT INTO site (siteId, name, description, city, state, country) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [site.siteId, site.name, site.description, site.city, site.state, site.country])
            for pool in site.pools {
                try db.execute(sql: """
                    INSERT INTO pool (fqdn, siteId, role, homePool, sqlInstance, databaseName, fileStore, version, collocatedRoles)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [pool.fqdn, site.siteId, pool.primaryRole?.rawValue ?? pool.role, pool.homePool,
                                     pool.sqlStore, pool.effectiveDatabaseName, pool.fileStore, pool.effectiveVersion,
                                     pool.roles.dropFirst().map(\.rawValue).joined(separator: ",")])
                for computer in pool.computerFqdns {
                    try db.execute(sql: "INSERT INTO computer (fqdn, pool) VALUES (?, ?)", arguments: [computer, pool.fqdn])
                }
            }
        }
        let remaining = Set(document.allComputers.map { $0.lowercased() })
        for row in keptServices where remaining.contains((row["computer"] as String).lowercased()) {
            try db.execute(sql: """
                INSERT INTO service (computer, name, displayName, roleNames, status, activityLevel, changedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [row["computer"], row["name"], row["displayName"], row["roleNames"], row["status"],
                                 row["activityLevel"], row["changedAt"]])
        }
        try CentralManagementStore.setSetting("ForestFqdn", document.forestFqdn, in: db)
        if let local = document.localComputer {
            try CentralManagementStore.setSetting("LocalComputer", local, in: db)
        } else {
            try db.execute(sql: "DELETE FROM setting WHERE key = 'LocalComputer'")
        }
        return version
    }

    /// The current (newest) topology, or nil before the first publish.
    public static func current(in db: Database) throws -> PublishedTopology? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM topologyDocument ORDER BY version DESC LIMIT 1") else { return nil }
        let content: String = row["content"]
        guard let document = decoded(content) else {
            throw DeploymentError(.invalidData, id: "TopologyUnreadable",
                                  "The published topology (version \(row["version"] as Int)) cannot be read; publish a topology file again.")
        }
        return PublishedTopology(version: row["version"], publishedAt: Date(timeIntervalSince1970: row["publishedAt"]),
                                 publishedBy: row["publishedBy"], sourceFile: row["sourceFile"],
                                 enabledAt: (row["enabledAt"] as Double?).map(Date.init(timeIntervalSince1970:)),
                                 content: content, document: document)
    }

    /// The last document decoded, by its text: most commands look the topology up several
    /// times, and the text only changes when a topology is published.
    private static let lastDecoded = Mutex<(content: String, document: TopologyDocument)?>(nil)

    private static func decoded(_ content: String) -> TopologyDocument? {
        if let hit = lastDecoded.withLock({ $0?.content == content ? $0?.document : nil }) { return hit }
        guard let document = try? JSONDecoder().decode(TopologyDocument.self, from: Data(content.utf8)) else { return nil }
        lastDecoded.withLock { $0 = (content, document) }
        return document
    }

    /// The current topology, or an error telling how to publish one.
    public static func requireCurrent(in db: Database) throws -> PublishedTopology {
        guard let current = try current(in: db) else {
            throw DeploymentError(.invalidOperation, id: "TopologyNotPublished",
                                  "No topology has been published yet; run Publish-CsTopology -FileName <file.json> first (see Scripts/topology for examples).")
        }
        return current
    }

    // MARK: Enabling

    /// Installs the services of every computer (all Running), creates the Persistent Chat
    /// databases as empty files and the file-store folders, and records the time. Running it
    /// again changes nothing that is already in place; existing files are never touched.
    @discardableResult
    public static func enable(home: DeploymentHome, in db: Database) throws -> TopologyEnableResult {
        let current = try requireCurrent(in: db)
        var journal = try TopologyEnableJournal(home: home)
        do {
            let result = try enable(current, home: home, journal: &journal, in: db)
            // Kept only once the store's transaction commits (see `CentralManagementStore.write`).
            let done = journal
            db.afterNextTransaction { _ in done.finish() } onRollback: { _ in done.undo() }
            return result
        } catch {
            journal.undo()
            throw error
        }
    }

    private static func enable(_ current: PublishedTopology, home: DeploymentHome, journal: inout TopologyEnableJournal,
                               in db: Database) throws -> TopologyEnableResult {
        var result = TopologyEnableResult()
        let now = Date().timeIntervalSince1970
        for (_, pool) in current.document.poolsWithSites {
            let entries = WindowsServiceCatalog.services(for: pool)
            for computer in pool.computerFqdns {
                for entry in entries {
                    try db.execute(sql: """
                        INSERT INTO service (computer, name, displayName, roleNames, status, activityLevel, changedAt)
                        VALUES (?, ?, ?, ?, 'Running', ?, ?) ON CONFLICT(computer, name) DO NOTHING
                        """, arguments: [computer, entry.name, entry.displayName, ServiceRepository.encode(entry.roleNames),
                                         entry.activityLevel, now])
                    if db.changesCount > 0 { result.installedServices.append("\(entry.name) on \(computer)") }
                }
                let wanted = Set(entries.map { $0.name.lowercased() })
                let existing = try String.fetchAll(db, sql: "SELECT name FROM service WHERE computer = ?", arguments: [computer])
                for name in existing where !wanted.contains(name.lowercased()) {
                    try db.execute(sql: "DELETE FROM service WHERE computer = ? AND name = ?", arguments: [computer, name])
                    result.removedServices.append("\(name) on \(computer)")
                }
            }
            try createStores(of: pool, home: home, journal: &journal, into: &result)
        }
        try db.execute(sql: "UPDATE topologyDocument SET enabledAt = ? WHERE version = ?", arguments: [now, current.version])
        return result
    }

    private static func createStores(of pool: TopologyDocument.Pool, home: DeploymentHome,
                                     journal: inout TopologyEnableJournal, into result: inout TopologyEnableResult) throws {
        let files = FileManager.default
        if pool.has(.persistentChat), let store = pool.sqlStore, let database = pool.effectiveDatabaseName {
            // The content database gets its schema now (an existing one is checked and brought
            // up to date; another database in its place is an error).
            let content = try home.databaseFile(instance: store, database: database)
            let existed = files.fileExists(atPath: content.path)
            if !existed { try journal.willCreate(databaseFile: content) }
            _ = try PersistentChatDatabase.open(file: content)
            if !existed { result.createdDatabases.append(content) }
            if let compliance = pool.complianceSqlStore {
                let file = try home.databaseFile(instance: compliance, database: PoolInfo.complianceDatabaseName)
                if !files.fileExists(atPath: file.path) {
                    try journal.willCreate(databaseFile: file)
                    try createFile(file)
                    result.createdDatabases.append(file)
                }
            }
        }
        if let fileStore = pool.fileStore {
            let folder = try home.fileStoreFolder(fileStore)
            if !files.fileExists(atPath: folder.path) {
                try journal.willCreate(folder: folder)
                try createFolder(folder)
                result.createdFolders.append(folder)
            }
        }
    }

    private static func createFile(_ file: URL) throws {
        try createFolder(file.deletingLastPathComponent())
        // A zero-length file is an empty SQLite database (the compliance store has no schema here).
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw DeploymentError(.writeError, id: "DatabaseFileNotCreated",
                                  "Cannot create the database file '\(file.path)'; check that the pcsh home is writable.",
                                  target: file.path)
        }
    }

    private static func createFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DeploymentError(.writeError, id: "FolderNotCreated",
                                  "Cannot create the folder '\(folder.path)': \(error.localizedDescription)",
                                  target: folder.path)
        }
    }

    // MARK: Look-ups

    /// SQL over the `pool` table: true when the row has a role as its main or a collocated one.
    /// Takes the role name twice as arguments.
    public static let hasRoleSQL = "(role = ? COLLATE NOCASE OR instr(',' || lower(collocatedRoles) || ',', ',' || lower(?) || ',') > 0)"

    /// Every pool of the current topology, in file order (empty before the first publish).
    public static func pools(in db: Database) throws -> [PoolInfo] {
        guard let current = try current(in: db) else { return [] }
        return current.document.poolsWithSites.map { PoolInfo(site: $0.site, pool: $0.pool) }
    }

    /// The pool named `fqdn` (case-insensitive), or nil.
    public static func pool(fqdn: String, in db: Database) throws -> PoolInfo? {
        try pools(in: db).first { $0.fqdn.caseInsensitiveCompare(fqdn) == .orderedSame }
    }

    /// The pool named `fqdn`, which must have `role` when one is given; otherwise an error
    /// (ObjectNotFound) that lists the pools that would do.
    public static func requirePool(fqdn: String, role: PoolRole? = nil, in db: Database) throws -> PoolInfo {
        let all = try pools(in: db)
        let candidates = role.map { r in all.filter { $0.has(r) } } ?? all
        if let found = candidates.first(where: { $0.fqdn.caseInsensitiveCompare(fqdn) == .orderedSame }) { return found }
        let what = role.map { "\($0.rawValue) pool" } ?? "pool"
        let hint = candidates.isEmpty
            ? "The published topology has no \(what); add one to the topology file and run Publish-CsTopology."
            : "Known \(what)s: \(candidates.map(\.fqdn).joined(separator: ", "))."
        throw DeploymentError.notFound(what, fqdn, id: "PoolNotFound", hint: hint)
    }

    /// The pools with the PersistentChat role (main or collocated).
    public static func persistentChatPools(in db: Database) throws -> [PoolInfo] {
        try pools(in: db).filter { $0.has(.persistentChat) }
    }

    /// The legacy Group Chat pools.
    public static func groupChatPools(in db: Database) throws -> [PoolInfo] {
        try pools(in: db).filter { $0.has(.groupChat) }
    }

    /// The pools that act as Front End (registrar) pools.
    public static func frontEndPools(in db: Database) throws -> [PoolInfo] {
        try pools(in: db).filter { $0.has(.frontEnd) }
    }

    /// The service `identity` (`Registrar:fqdn`, case-insensitive), or nil.
    public static func service(identity: String, in db: Database) throws -> ServiceIdentity? {
        try pools(in: db).flatMap(\.services).first { $0.identity.caseInsensitiveCompare(identity) == .orderedSame }
    }

    /// The computer commands act on when none is named: `override` (the session's
    /// PCSH_COMPUTER), else the topology's LocalComputer, else the first computer of the first pool.
    public static func localComputer(override: String?, in db: Database) throws -> String? {
        if let override, !override.isEmpty { return override }
        if let local = try CentralManagementStore.setting("LocalComputer", in: db) { return local }
        return try current(in: db)?.document.allComputers.first
    }
}

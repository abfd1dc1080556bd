import Foundation
import GRDB

/// A pool's Persistent Chat content database, opened (and created or brought up to date) through
/// its migrations. `fnTicksToDate` is available to SQL, as in Microsoft's database, so the
/// documented sample queries run with the `dbo.` prefix dropped.
public final class PersistentChatDatabase: Sendable {
    public let file: URL
    let queue: DatabaseQueue

    /// Opens the database file, creating it when missing. An existing file that is not a
    /// Persistent Chat database (another schema, or not SQLite) is refused, not changed.
    public static func open(file: URL) throws -> PersistentChatDatabase {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Only the deployment's owner reads chat history.
            if !FileManager.default.fileExists(atPath: file.path) { try DeploymentHome.createPrivateFile(file) }
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(CentralManagementStore.busyTimeout)
            configuration.prepareDatabase { db in
                db.add(function: ticksToDate)
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.keepWriteAheadLogFiles()
            }
            return try OpeningLock.withLock(for: file) {
                let queue = try DatabaseQueue(path: file.path, configuration: configuration)
                try queue.read { db in try requirePersistentChatOrEmpty(db, file: file) }
                // Write-ahead logging, switched on only once the file is known to be ours.
                // (Only when needed: switching and migrating take the write lock, and an opened
                // database should not wait behind another process's write just to be read.)
                if try queue.read({ try String.fetchOne($0, sql: "PRAGMA journal_mode") }) != "wal" {
                    try queue.writeWithoutTransaction { db in
                        // A new file gets 16 KB pages (fixed once a table exists): chat history is
                        // loaded in bulk and read a room at a time, where larger pages do better.
                        if try String.fetchOne(db, sql: "SELECT name FROM sqlite_master LIMIT 1") == nil {
                            try db.execute(sql: "PRAGMA page_size = 16384")
                        }
                        try db.execute(sql: "PRAGMA journal_mode = WAL")
                    }
                }
                if try !queue.read({ try PersistentChatSchema.migrator.hasCompletedMigrations($0) }) {
                    try PersistentChatSchema.migrator.migrate(queue)
                }
                return PersistentChatDatabase(file: file, queue: queue)
            }
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw DeploymentError(.resourceUnavailable, id: "PersistentChatDatabaseUnavailable",
                                  "Cannot open the Persistent Chat database '\(file.path)': \(error).", target: file.path)
        }
    }

    private init(file: URL, queue: DatabaseQueue) {
        self.file = file
        self.queue = queue
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T { try queue.read(body) }

    /// One transaction: everything `body` writes lands, or nothing does.
    public func write<T>(_ body: (Database) throws -> T) throws -> T { try queue.write(body) }

    /// .NET ticks (100 ns since 0001-01-01 UTC) as `YYYY-MM-DD HH:MM:SS.fff` UTC text.
    static let ticksToDate = DatabaseFunction("fnTicksToDate", argumentCount: 1, pure: true) { values in
        guard let ticks = Int64.fromDatabaseValue(values[0]) else { return nil }
        return NetTicks.text(ticks)
    }

    /// An empty file, or one with our tables, is fine; anything else is someone else's database.
    private static func requirePersistentChatOrEmpty(_ db: Database, file: URL) throws {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'")
        guard !tables.isEmpty else { return }
        let isOurs = try db.tableExists("grdb_migrations") && db.tableExists("tblNode") && db.tableExists("tblChat")
            && (try String.fetchOne(db, sql: "SELECT confValue FROM tblConfig WHERE confKey = 'SchemaVersion'")) == "PersistentChat2013"
        if !isOurs {
            throw DeploymentError(.invalidData, id: "NotAPersistentChatDatabase",
                                  "'\(file.path)' holds another database (tables: \(tables.prefix(5).joined(separator: ", "))); a Persistent Chat database was expected there. Check the pool's SQL store and database name.",
                                  target: file.path)
        }
    }
}

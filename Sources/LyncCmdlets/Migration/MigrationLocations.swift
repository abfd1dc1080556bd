import Foundation
import GRDB
import LyncDeployment
import PSRuntime

/// Which pool of the topology a -DBInstance/-DBName pair belongs to, and whether its services run.
enum MigrationLocations {
    /// The database file -DBInstance/-DBName name: a SQL instance's file in the home, or (an
    /// existing file path, relative to the current location, or a sqlite: URI) the file itself.
    /// A file named by the user (a path or URI) passes the role check for `use`; an instance's own
    /// file in the home is the deployment's, which the role check of the command covers.
    static func databaseFile(_ instance: String, database: String, context: CommandContext, home: DeploymentHome,
                             use: FileUse) throws -> URL {
        var text = instance
        if instance.contains("/") && !instance.lowercased().hasPrefix("sqlite:") {
            text = context.session.resolvePath(instance)
        } else if instance.lowercased().hasPrefix("sqlite:") {
            var path = String(instance.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            text = "sqlite:" + context.session.resolvePath(path)
        }
        let file = try context.domain { try home.databaseFile(instance: text, database: database) }
        if text.contains("/") { try context.authorizeFile(file.path, use) }
        return file
    }

    /// Where a backup of `database` goes unless told otherwise:
    /// backups/<database>-<UTC time>-<random>.sqlite in the deployment home (a new name each time).
    static func defaultBackup(home: DeploymentHome, database: URL) -> URL {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let name = database.deletingPathExtension().lastPathComponent
        return home.root.appendingPathComponent("backups")
            .appendingPathComponent("\(name)-\(formatter.string(from: Date()))-\(UUID().uuidString.prefix(8).lowercased()).sqlite")
    }

    static func pool(using instance: String, database: String, in db: Database) throws -> PoolInfo? {
        try TopologyRepository.pools(in: db).first { pool in
            guard let store = pool.sqlStore, store.caseInsensitiveCompare(instance) == .orderedSame else { return false }
            return (pool.databaseName ?? "mgc").caseInsensitiveCompare(database) == .orderedSame
                || pool.has(.persistentChat) && database.caseInsensitiveCompare("mgc") == .orderedSame
        }
    }

    /// True when any Lync service of the pool's computers runs.
    static func anyServiceRunning(_ pool: PoolInfo, in db: Database) throws -> Bool {
        for computer in pool.computers {
            let services = (try? ServiceRepository.services(computer: computer, in: db)) ?? []
            if services.contains(where: { $0.status == .running && $0.name != WindowsServiceCatalog.clsAgentName }) { return true }
        }
        return false
    }
}

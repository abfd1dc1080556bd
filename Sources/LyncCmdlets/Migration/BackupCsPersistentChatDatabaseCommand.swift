import Foundation
import LyncDeployment
import PSRuntime

/// Backup-CsPersistentChatDatabase: an online, consistent copy of a pool's Persistent Chat
/// database, made by the same code as Import-CsPersistentChatData's pre-import backup.
final class BackupCsPersistentChatDatabaseCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        BackupCsPersistentChatDatabaseCommand.self, name: "Backup-CsPersistentChatDatabase",
        synopsis: "Copies a pool's Persistent Chat database to a backup file.",
        description: """
            Copies the Persistent Chat database (mgc) of the SQL instance -DBInstance to the file -Path, by \
            default backups/<database>-<time>.sqlite in the deployment home (where Import-CsPersistentChatData \
            puts its own backup). The copy is taken online: the services may keep running, and the copy is \
            the whole database as of one moment. It is written beside its target and renamed into place when \
            complete, so a failed backup leaves no partial file. An existing file is replaced only with \
            -Force. Paths such as C:\\Backups\\mgc.sqlite land under drives/c in the deployment home. Writes \
            an object with the backup's Path, Size (bytes), Database (the copied file) and Time. To restore, \
            stop the pool's Persistent Chat services (Stop-CsWindowsService -Name RTCCHAT on each of its \
            computers), copy the backup over the database file named in Database (removing its -wal and -shm \
            files), then start the services again.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue,
        supportsShouldProcess: true, confirmImpact: .Low,
        outputTypes: [MigrationOutput.backupType],
        examples: [
            HelpExample("Backup-CsPersistentChatDatabase -DBInstance \"atl-sql-001.litwareinc.com\\rtc\"",
                        "Copies the pool's database to a new file in the backups folder of the deployment home."),
            HelpExample("Backup-CsPersistentChatDatabase -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" -Path \"C:\\Backups\\mgc-before-migration.sqlite\" -Force",
                        "Copies the database to C:\\Backups\\mgc-before-migration.sqlite, replacing an earlier copy of that name."),
            HelpExample("$backup = Backup-CsPersistentChatDatabase -DBInstance \"atl-sql-001.litwareinc.com\\rtc\"; Get-FileHash $backup.Path",
                        "Takes a backup and records its hash, to check the copy later."),
        ],
        parameters: [
            Parameter("DBInstance", \.dbInstance, mandatory: true,
                      help: "The SQL instance (fqdn\\instance) of the Persistent Chat database; or the database file's path, or a sqlite: URI."),
            Parameter("Path", \.path, position: 0,
                      files: .writes, help: "The backup file to write. Default: backups/<database>-<time>.sqlite in the deployment home."),
            .switchParameter("Force", \.force, help: "Replaces the file -Path names when it exists."),
        ])

    var dbInstance = ""
    var path: String?
    var force = false

    func end(_ context: CommandContext) throws {
        let store = try context.store()
        let home = store.home
        let databaseFile = try MigrationLocations.databaseFile(dbInstance, database: "mgc", context: context, home: home, use: .reads)
        guard FileManager.default.fileExists(atPath: databaseFile.path) else {
            throw context.terminatingError("There is no Persistent Chat database for '\(dbInstance)' (expected at '\(databaseFile.path)'); nothing to back up.",
                                           id: "PersistentChatDatabaseNotFound", category: .ObjectNotFound, target: .string(dbInstance))
        }
        let target = try path.map { try context.lyncFilePath($0, home: home, use: .writes) } ?? MigrationLocations.defaultBackup(home: home, database: databaseFile)
        if !force && FileManager.default.fileExists(atPath: target.path) {
            throw context.terminatingError("The backup file '\(target.path)' already exists. Use -Force to replace it, or choose another -Path.",
                                           id: "BackupExists", category: .ResourceExists, target: .string(target.path))
        }
        guard try context.shouldProcess(target: target.path, action: "Back up the Persistent Chat database \(databaseFile.path)") else { return }
        guard let deployment = context.session.deployment else {
            throw context.terminatingError("This session has no deployment.", id: "DeploymentNotAvailable", category: .ResourceUnavailable)
        }
        let backup = try context.domain {
            try deployment.chatDatabase(file: databaseFile).backUp(to: target, replacing: force)
        }
        try context.write(MigrationOutput.backup(backup, database: databaseFile))
    }
}

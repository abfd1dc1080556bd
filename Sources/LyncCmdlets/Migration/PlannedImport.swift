import Foundation
import LyncDeployment
import PSRuntime

/// An export file planned against a Persistent Chat database, as Import-CsPersistentChatData
/// and Get-CsGroupChatMigrationFinding both need it: the file read, the target pool and database
/// found and read, and every migration rule applied (`MigrationPlanner.plan`).
struct PlannedImport {
    let home: DeploymentHome
    let archive: ChatExportArchive
    let databaseFile: URL
    /// The target database; nil when it does not exist yet and the caller only reads (planned
    /// against an empty database, and not created).
    let database: PersistentChatDatabase?
    let plan: MigrationPlan

    /// Reads the export (`fileName`, else `bytes`) and the target named by `dbInstance`, and plans.
    /// With `readOnly`, a missing target database is not created.
    static func prepare(fileName: String?, bytes: Data, dbInstance: String, readOnly: Bool, activity: String,
                        context: CommandContext) throws -> PlannedImport {
        let store = try context.store()
        let home = store.home
        let archive: ChatExportArchive = try context.domain {
            if let fileName { return try ChatExportArchive(file: context.lyncFilePath(fileName, home: home, use: .reads)) }
            return try ChatExportArchive(bytes: bytes)
        }
        let databaseFile = try MigrationLocations.databaseFile(dbInstance, database: "mgc", context: context, home: home, use: .writes)
        guard let deployment = context.session.deployment else {
            throw context.terminatingError("This session has no deployment.", id: "DeploymentNotAvailable", category: .ResourceUnavailable)
        }
        let reading = Date()
        try context.writeVerbose("\(activity): reading \(archive.origin) (\(archive.manifest.source.rawValue), level \(archive.manifest.level.rawValue))…")
        var target = try context.domain {
            try store.read { db -> MigrationTarget in
                let pool = try MigrationLocations.pool(using: dbInstance, database: "mgc", in: db)
                let running = try pool.map { try ServiceRepository.isRunning("RTCCHAT", onPool: $0.fqdn, in: db) } ?? false
                return MigrationTarget(forest: try CentralManagementStore.forestFqdn(in: db), poolFqdn: pool?.fqdn, servicesRunning: running)
            }
        }
        var database: PersistentChatDatabase?
        if !readOnly || FileManager.default.fileExists(atPath: databaseFile.path) {
            let opened = try context.domain { try deployment.chatDatabase(file: databaseFile) }
            try context.domain { try opened.read { db in try target.load(from: db) } }
            database = opened
        }
        // The file's data lives only while it is planned; the plan keeps what the writer needs.
        let plan = MigrationPlanner.plan(try context.domain { try archive.data() }, target: target)
        try context.writeVerbose("\(activity): planned \(plan.categories.count) categories, \(plan.rooms.count) rooms, \(plan.addins.count) add-ins and \(plan.newPrincipals.count) new principals in \(String(format: "%.2f", Date().timeIntervalSince(reading))) s.")
        return PlannedImport(home: home, archive: archive, databaseFile: databaseFile, database: database, plan: plan)
    }

    /// Every finding of the plan and of reading (or writing) the messages, in the order the
    /// import shows them.
    func findings(_ outcome: MigrationWriter.Outcome) -> [MigrationFinding] {
        plan.findings + outcome.findings + fileStoreNote(outcome)
    }

    /// Rule 14: messages with posted files need the file store copied.
    func fileStoreNote(_ outcome: MigrationWriter.Outcome) -> [MigrationFinding] {
        guard outcome.messagesWithFileLinks > 0 else { return [] }
        return [MigrationFinding(.conversion, .messages, item: archive.manifest.fileStorePath ?? "file store",
                                 "\(outcome.messagesWithFileLinks) \(outcome.messagesWithFileLinks == 1 ? "message links" : "messages link") to posted files (ma-filelink:); the files are not in the export: copy the legacy file store to the Persistent Chat file store.")]
    }
}

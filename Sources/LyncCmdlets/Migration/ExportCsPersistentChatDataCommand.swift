import Foundation
import LyncDeployment
import PSRuntime

/// Export-CsPersistentChatData: writes a legacy Group Chat or a Persistent Chat database to an
/// export file (docs/export-format.md) or to bytes for Import-CsPersistentChatData -ByteInput.
final class ExportCsPersistentChatDataCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ExportCsPersistentChatDataCommand.self, name: "Export-CsPersistentChatData",
        synopsis: "Exports the data of a Group Chat or Persistent Chat database to a zip file.",
        description: """
            Reads the database -DBName (default mgc) of the SQL instance -DBInstance — a legacy Lync Server \
            2010 / OCS 2007 R2 Group Chat database or a Persistent Chat database, recognised by its schema — and \
            writes it to the zip -FileName (or, with -AsBytes, to the pipeline as a byte array). The data stays as \
            the source holds it (nested categories, inherited settings); Import-CsPersistentChatData converts it. \
            The read is one consistent snapshot; a warning says so when the source pool's services still run. \
            -Level exports part of the data, -Scope some categories with their rooms, -StartDate only newer \
            messages. -DisableExportedNodes disables the exported rooms in the source once the export is \
            complete, so nobody posts into rooms that have moved. A SQL instance fqdn\\instance is the folder \
            sql/<fqdn>/<instance> of the deployment home; an existing file path or a sqlite: URI names the \
            database file itself. Paths such as C:\\Logs\\x.zip land under drives/c in the deployment home. The \
            zip is written beside its target and renamed into place when complete.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "FileName",
        examples: [
            HelpExample("Export-CsPersistentChatData -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" -FileName \"C:\\Logs\\PersistentChatData.zip\"",
                        "Exports everything in the database mgc of atl-sql-001.litwareinc.com\\rtc."),
            HelpExample("Export-CsPersistentChatData -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" -FileName ./rooms.zip -Level RoomDirectory -Scope Eng,Sales",
                        "Exports the rooms and add-ins of the categories Eng and Sales (and everything below them)."),
            HelpExample("$data = Export-CsPersistentChatData -DBInstance ./legacy.db -AsBytes -StartDate \"1/1/2012\"",
                        "Keeps the export (with messages from 2012 on) in a variable, for Import-CsPersistentChatData -ByteInput $data."),
        ],
        parameters: [
            Parameter("DBInstance", \.dbInstance, mandatory: true,
                      help: "The SQL instance (fqdn\\instance) holding the database; or the database file's path, or a sqlite: URI."),
            Parameter("DBName", \.dbName, help: "The database's name in the instance.", defaultValue: "mgc"),
            Parameter("FileName", \.fileName, sets: ["FileName"], files: .writes, help: "The zip file to create; an existing file is replaced once the export is complete."),
            .switchParameter("AsBytes", \.asBytes, sets: ["AsBytes"], help: "Writes the zip to the pipeline as one byte array instead of a file."),
            Parameter("Level", \.level, help: "What to export: All, User (principals), Category, RoomDirectory (rooms and add-ins) or Content (messages).",
                      defaultValue: "All"),
            Parameter("Scope", \.scope, help: "Only these categories (by name), with their sub-categories and rooms."),
            Parameter("StartDate", \.startDate, help: "Only messages posted on or after this date (UTC midnight of the day given)."),
            .switchParameter("DisableExportedNodes", \.disableExportedNodes,
                             help: "After the export, disables every exported room in the source database."),
            Parameter("Report", \.report, files: .writes, help: "An HTML report to write (replacing an existing file): counts and warnings."),
        ])

    var dbInstance = ""
    var dbName = "mgc"
    var fileName: String?
    var asBytes = false
    var level = ChatExportFormat.Level.all
    var scope: [String] = []
    var startDate: Date?
    var disableExportedNodes = false
    var report: String?

    func end(_ context: CommandContext) throws {
        guard fileName != nil || asBytes else {
            throw context.terminatingError("Say where the export goes: -FileName <zip file>, or -AsBytes for a byte array.",
                                           id: "ExportTargetMissing", category: .InvalidArgument)
        }
        let store = try context.store()
        let home = store.home
        let sourceFile = try MigrationLocations.databaseFile(dbInstance, database: dbName, context: context, home: home, use: .reads)
        let observer = CmdletMigrationObserver(context: context, activity: "Export-CsPersistentChatData")
        defer { observer.finish() }
        var options = ChatExporter.Options()
        options.level = level
        options.scope = scope.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        options.startDate = startDate.map(Self.utcMidnight)
        options.disableExportedNodes = disableExportedNodes
        options.dbInstance = dbInstance
        options.dbName = dbName
        var warnings: [MigrationFinding] = []
        options.deploymentForest = try context.domain {
            try store.read { db in
                if let pool = try MigrationLocations.pool(using: dbInstance, database: dbName, in: db),
                   try MigrationLocations.anyServiceRunning(pool, in: db) {
                    warnings.append(MigrationFinding(.warning, .services, item: pool.fqdn,
                                                     "the pool's services are running; the export is a consistent snapshot, but messages posted after it are not in it. Stop the services before the migration."))
                }
                return try CentralManagementStore.forestFqdn(in: db)
            }
        }
        for warning in warnings { try context.writeWarning(warning.line) }
        let target = try fileName.map { try context.lyncFilePath($0, home: home, use: .writes) }
        let result: ChatExporter.Result
        do {
            let source = try context.domain { try ChatExportSource(path: sourceFile.path) }
            result = try context.domain { try ChatExporter(source: source, options: options, observer: observer).export(to: asBytes ? nil : target) }
        } catch {
            if let report { try? writeReport(report, home: home, context: context, result: nil, findings: warnings, failure: "\(error)") }
            throw error
        }
        try context.writeVerbose("Exported \(result.categories) categories, \(result.rooms) rooms, \(result.addins) add-ins, \(result.principals) principals and \(result.messages) messages\(target.map { " to \($0.path)" } ?? "").")
        if disableExportedNodes { try context.writeVerbose("Disabled \(result.disabledRooms) exported rooms in the source.") }
        if let report { try writeReport(report, home: home, context: context, result: result, findings: warnings, failure: nil) }
        if asBytes, let bytes = result.bytes {
            try context.write(.object(PSArray(bytes.map { PSValue.byte($0) }, elementTypeName: "System.Byte")))
        }
    }

    /// -StartDate is a UTC date: messages from its 00:00 UTC on are kept.
    static func utcMidnight(_ date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let local = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return calendar.date(from: local) ?? date
    }

    private func writeReport(_ path: String, home: DeploymentHome, context: CommandContext, result: ChatExporter.Result?,
                             findings: [MigrationFinding], failure: String?) throws {
        var page = MigrationReport(title: "Export-CsPersistentChatData report",
                                   outcome: failure.map { "The export failed: \($0)" }
                                       ?? "The export is complete\(result?.disabledRooms ?? 0 > 0 ? "; \(result?.disabledRooms ?? 0) rooms were disabled in the source" : "").")
        page.subtitle = ["Source: \(dbInstance) (database \(dbName))\(result.map { ", \($0.manifest.source.rawValue)" } ?? "").",
                         "Level \(level.rawValue)\(scope.isEmpty ? "" : ", scope \(scope.joined(separator: ", "))"). Run by \(context.session.deployment?.userName ?? "") at \(ISO8601DateFormatter().string(from: Date()))."]
        if let result {
            page.counts = [("Categories", result.categories), ("Rooms", result.rooms), ("Add-ins", result.addins),
                           ("Principals", result.principals), ("Messages", result.messages)]
                .map { ($0.0, MigrationPlan.Counts(read: $0.1, written: $0.1, skipped: 0)) }
        }
        page.findings = findings
        try context.domain { try page.write(to: context.lyncFilePath(path, home: home, use: .writes)) }
    }
}

import Foundation
import LyncDeployment
import PSRuntime

/// Compare-CsGroupChatMigration: after an import, checks each migrated legacy room in the pool.
final class CompareCsGroupChatMigrationCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        CompareCsGroupChatMigrationCommand.self, name: "Compare-CsGroupChatMigration",
        synopsis: "Checks that every legacy Group Chat room arrived in Persistent Chat as the migration rules say.",
        description: """
            Reads the legacy Group Chat database -LegacyDatabase (a file) and the Persistent Chat database of \
            -DBInstance, and writes one object per legacy room the migration moves (disabled rooms are left \
            out, as the import leaves them). The expected state comes from the import's own planner, so its \
            conversions (flattened and prefixed names, inherited members, managers pushed down from \
            categories, federated and disabled principals dropped) are expected, not reported. Each object has \
            LegacyPath (the category path and the room), TargetRoom and Category (the names the migration \
            gives them), LegacyMembers and LegacyManagers (what the room should have after the rules), \
            TargetMembers and TargetManagers (what it has), ExpectedMessages (legacy messages on or after \
            -StartDate, as an export with that -StartDate keeps them) and TargetMessages, and a Status: Match, \
            Missing (no such room in the pool, or the plan cannot place it) or Mismatch, with a Detail saying \
            what differs. Nothing is written. Rooms left out of the export (-Scope, -Level) show as Missing.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, outputTypes: [MigrationOutput.comparisonType],
        examples: [
            HelpExample("Compare-CsGroupChatMigration -LegacyDatabase ./legacy.db -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" | Where-Object Status -ne Match",
                        "Lists the rooms that did not arrive as expected."),
            HelpExample("Compare-CsGroupChatMigration -LegacyDatabase \"C:\\GroupChat\\legacy.db\" -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" -StartDate 1/1/2012",
                        "Checks an import of an export made with -StartDate 1/1/2012: older messages are not expected."),
            HelpExample("Compare-CsGroupChatMigration -LegacyDatabase ./legacy.db -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" | Group-Object Status",
                        "Counts the rooms per status."),
        ],
        parameters: [
            Parameter("LegacyDatabase", \.legacyDatabase, mandatory: true, files: .reads, help: "The legacy Group Chat database file that was exported."),
            Parameter("DBInstance", \.dbInstance, mandatory: true,
                      help: "The SQL instance (fqdn\\instance) of the Persistent Chat database imported into; or the database file's path, or a sqlite: URI."),
            Parameter("StartDate", \.startDate,
                      help: "The -StartDate the export used: only legacy messages from that day (UTC) on are expected."),
        ])

    var legacyDatabase = ""
    var dbInstance = ""
    var startDate: Date?

    func end(_ context: CommandContext) throws {
        let store = try context.store()
        let home = store.home
        let legacyFile = try context.lyncFilePath(legacyDatabase, home: home, use: .reads)
        let targetFile = try MigrationLocations.databaseFile(dbInstance, database: "mgc", context: context, home: home, use: .reads)
        guard let deployment = context.session.deployment else {
            throw context.terminatingError("This session has no deployment.", id: "DeploymentNotAvailable", category: .ResourceUnavailable)
        }
        let forest = try context.domain { try store.read { try CentralManagementStore.forestFqdn(in: $0) } }
        let results = try context.domain {
            let legacy = try ChatExportSource(path: legacyFile.path)
            // A pool never imported into has no database: every room is then missing (it is not created).
            let target = FileManager.default.fileExists(atPath: targetFile.path) ? try deployment.chatDatabase(file: targetFile) : nil
            return try MigrationVerifier.compare(legacy: legacy, target: target, forest: forest,
                                                 startDate: startDate.map(ExportCsPersistentChatDataCommand.utcMidnight))
        }
        for result in results { try context.write(MigrationOutput.comparison(result)) }
        let differing = results.filter { $0.status != .match }.count
        try context.writeVerbose("Compared \(results.count) rooms: \(results.count - differing) match, \(differing) missing or different.")
    }
}

import Foundation
import LyncDeployment
import PSRuntime

/// Get-CsGroupChatMigrationFinding: what Import-CsPersistentChatData -WhatIf would report, as objects.
final class GetCsGroupChatMigrationFindingCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsGroupChatMigrationFindingCommand.self, name: "Get-CsGroupChatMigrationFinding",
        synopsis: "Lists the conversions, warnings and errors an import of an export file would meet.",
        description: """
            Plans the import of the export file -FileName into the Persistent Chat database of -DBInstance \
            exactly as Import-CsPersistentChatData -WhatIf does (the same reading of the file and the target, \
            the same migration rules and the same check of every message) and writes each finding as an \
            object instead of a line: Severity (Conversion, Warning or Error), RuleNumber and Rule (the \
            migration rule, numbered as in the migration rules document), Item (a legacy path, a principal, an \
            add-in…), Message and, for errors, ErrorId. Nothing is written anywhere, and a target database \
            that does not exist yet is not created (the plan is then made against an empty one). Any Error \
            means a real import would refuse to start. Use it for a readiness report: group the findings by \
            Severity or Rule, or export them to CSV.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, outputTypes: [MigrationOutput.findingType],
        examples: [
            HelpExample("Get-CsGroupChatMigrationFinding -FileName ./export.zip -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" | Where-Object Severity -eq Error",
                        "Lists only what would stop the import."),
            HelpExample("Get-CsGroupChatMigrationFinding -FileName \"C:\\Logs\\export.zip\" -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" | Group-Object Rule | Sort-Object Count -Descending",
                        "Counts the findings per migration rule."),
            HelpExample("Get-CsGroupChatMigrationFinding -FileName ./export.zip -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" | Export-Csv ./readiness.csv",
                        "Writes every finding to a CSV file for review."),
        ],
        parameters: [
            Parameter("FileName", \.fileName, mandatory: true, files: .reads, help: "The export file (.zip) written by Export-CsPersistentChatData."),
            Parameter("DBInstance", \.dbInstance, mandatory: true,
                      help: "The SQL instance (fqdn\\instance) of the target Persistent Chat database; or the database file's path, or a sqlite: URI."),
        ])

    var fileName = ""
    var dbInstance = ""

    func end(_ context: CommandContext) throws {
        let activity = "Get-CsGroupChatMigrationFinding"
        let observer = CmdletMigrationObserver(context: context, activity: activity)
        defer { observer.finish() }
        let planned = try PlannedImport.prepare(fileName: fileName, bytes: Data(), dbInstance: dbInstance, readOnly: true,
                                                activity: activity, context: context)
        let outcome = try context.domain { try MigrationWriter(plan: planned.plan, archive: planned.archive, observer: observer).dryRun() }
        for finding in planned.findings(outcome) { try context.write(MigrationOutput.finding(finding)) }
    }
}

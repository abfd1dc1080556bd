import Foundation
import LyncDeployment
import PSRuntime

/// Import-CsPersistentChatData: plans an export file against a Persistent Chat database with every
/// migration rule, then (unless -WhatIf) writes it in one transaction after a backup.
final class ImportCsPersistentChatDataCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ImportCsPersistentChatDataCommand.self, name: "Import-CsPersistentChatData",
        synopsis: "Imports an export file into a Persistent Chat database, converting legacy Group Chat data.",
        description: """
            Reads a file written by Export-CsPersistentChatData (-FileName, or the bytes of -ByteInput) and \
            writes it into the Persistent Chat database of the SQL instance -DBInstance (database mgc). Legacy \
            Group Chat data is converted (nested categories flattened with '_' and room names prefixed, inherited \
            managers, members and settings resolved, invitations, privacy and type mapped, federated and disabled \
            principals removed from role lists, disabled rooms left out); a Persistent Chat export is restored as \
            it is. Items named like ones already in the pool overwrite them. Run it with -WhatIf first: it makes \
            the whole conversion, prints every conversion (What if:), warning and error and a summary, and writes \
            nothing. A real import refuses to start while there is any error, or while the pool's Persistent Chat \
            services run, and lists every error. Before writing it copies the database to -BackupPath (by default \
            backups/<database>-<time>.sqlite in the deployment home) unless -NoBackup, then writes everything in \
            one transaction: interrupted at any point, the database is either untouched or complete. -Report \
            writes an HTML page with the counts and every finding, for -WhatIf runs and failed imports too.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "FileName",
        supportsShouldProcess: true, confirmImpact: .Medium,
        examples: [
            HelpExample("Import-CsPersistentChatData -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" -FileName \"C:\\Logs\\PersistentChatExport.zip\"",
                        "Imports the export file into the Persistent Chat database of atl-sql-001.litwareinc.com\\rtc."),
            HelpExample("Import-CsPersistentChatData -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" -FileName ./export.zip -WhatIf -Report ./whatif.html",
                        "Shows every conversion, warning and error the import would make, and writes them to whatif.html; nothing is imported."),
            HelpExample("Export-CsPersistentChatData -DBInstance ./legacy.db -AsBytes | Import-CsPersistentChatData -DBInstance \"atl-sql-001.litwareinc.com\\rtc\" -NoBackup",
                        "Moves the data without a file in between, skipping the backup."),
        ],
        parameters: [
            Parameter("DBInstance", \.dbInstance, mandatory: true,
                      help: "The SQL instance (fqdn\\instance) of the Persistent Chat database; or the database file's path, or a sqlite: URI."),
            Parameter("FileName", \.fileName, mandatory: true, sets: ["FileName"], files: .reads, help: "The export file (.zip) to import."),
            Parameter("ByteInput", \.byteInput, mandatory: true, sets: ["ByteInput"], pipeline: .byValue,
                      help: "The export as a byte array (from Export-CsPersistentChatData -AsBytes)."),
            Parameter("Report", \.report, files: .writes, help: "An HTML report to write (replacing an existing file): counts, conversions, warnings and errors."),
            Parameter("BackupPath", \.backupPath,
                      files: .writes, help: "Where the copy of the database taken before writing goes (a new file). Default: backups/<database>-<time>.sqlite in the deployment home."),
            .switchParameter("NoBackup", \.noBackup, help: "Writes without taking a backup copy of the database first."),
        ])

    var dbInstance = ""
    var fileName: String?
    var byteInput: ExportBytes?
    var report: String?
    var backupPath: String?
    var noBackup = false
    private var collected = Data()

    func process(_ context: CommandContext) throws {
        // Bytes may arrive as one array or one by one through the pipeline.
        if let byteInput { collected.append(byteInput.data) }
    }

    func end(_ context: CommandContext) throws {
        let whatIf = context.isWhatIf
        let observer = CmdletMigrationObserver(context: context, activity: "Import-CsPersistentChatData")
        defer { observer.finish() }
        let planned = try PlannedImport.prepare(fileName: fileName, bytes: collected, dbInstance: dbInstance, readOnly: whatIf,
                                                activity: "Import-CsPersistentChatData", context: context)
        let (home, archive, plan, databaseFile) = (planned.home, planned.archive, planned.plan, planned.databaseFile)

        var outcome = MigrationWriter.Outcome()
        let writer = MigrationWriter(plan: plan, archive: archive, observer: observer)
        var written = false
        var failure: String?
        do {
            if whatIf || !plan.errors.isEmpty {
                outcome = try context.domain { try writer.dryRun() }
            } else if try context.shouldProcess(target: "\(dbInstance) (\(databaseFile.path))", action: "Import Persistent Chat data from \(archive.origin)"),
                      let database = planned.database {
                let backup = noBackup ? nil : (try backupPath.map { try context.lyncFilePath($0, home: home, use: .writes) } ?? MigrationLocations.defaultBackup(home: home, database: databaseFile))
                outcome = try context.domain { try writer.apply(to: database, backup: backup) }
                written = !outcome.findings.contains { $0.severity == .error }
            } else {
                return
            }
        } catch {
            failure = "\(error)"
            if let report { try? writeReport(report, planned, context: context, outcome: outcome, whatIf: whatIf, written: false, failure: failure) }
            throw error
        }
        let findings = planned.findings(outcome)
        // Conversions as "What if:" lines (or verbose), warnings and errors on their streams.
        for finding in findings {
            switch finding.severity {
            case .conversion:
                if whatIf { try context.writeHost("What if: \(finding.line)") } else { try context.writeVerbose(finding.line) }
            case .warning:
                try context.writeWarning(finding.line)
            case .error:
                try context.writeError(ErrorRecord(finding.line, id: finding.errorID ?? "MigrationError", category: .InvalidData,
                                                   target: .string(finding.item)))
            }
        }
        let errors = findings.filter { $0.severity == MigrationFinding.Severity.error }.count
        let warnings = findings.filter { $0.severity == MigrationFinding.Severity.warning }.count
        let summary = Self.summary(plan: plan, outcome: outcome, errors: errors, warnings: warnings)
        if whatIf { try context.writeHost("What if: \(summary)") } else { try context.writeVerbose(summary) }
        if let report { try writeReport(report, planned, context: context, outcome: outcome, whatIf: whatIf, written: written, failure: nil) }
        if let backup = outcome.backup, written { try context.writeVerbose("The database was backed up to \(backup.path) before the import.") }
        if !whatIf && errors > 0 {
            throw context.terminatingError("The import found \(errors) error\(errors == 1 ? "" : "s") (listed above\(report == nil ? "" : " and in the report")); nothing was written. Fix them in the source, export again and import.",
                                           id: "ImportRefused", category: .InvalidData, target: .string(archive.origin))
        }
    }

    static func summary(plan: MigrationPlan, outcome: MigrationWriter.Outcome, errors: Int, warnings: Int) -> String {
        func part(_ kind: String) -> String {
            let counts = plan.counts[kind] ?? .init()
            return "\(counts.written) \(kind.lowercased())"
        }
        return "Import \(errors > 0 ? "refused" : "summary"): \(part("Categories")), \(part("Rooms")) (\(plan.counts["Rooms"]?.skipped ?? 0) disabled rooms left out), \(part("Add-ins")), \(part("Principals")) new, \(outcome.messagesRead - outcome.messagesSkipped) messages (\(outcome.messagesSkipped) left out with their rooms); \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")."
    }

    private func writeReport(_ path: String, _ planned: PlannedImport, context: CommandContext,
                             outcome: MigrationWriter.Outcome, whatIf: Bool, written: Bool, failure: String?) throws {
        let plan = planned.plan
        let errors = plan.errors.count + outcome.findings.filter { $0.severity == .error }.count
        var page = MigrationReport(
            title: "Import-CsPersistentChatData \(whatIf ? "-WhatIf " : "")report",
            outcome: failure.map { "The import failed: \($0)" }
                ?? (whatIf ? "This was a -WhatIf run: nothing was written. \(errors == 0 ? "The import can run." : "Fix the errors before importing.")"
                        : written ? "The import is complete." : "Nothing was written: the import found \(errors) error\(errors == 1 ? "" : "s")."))
        page.subtitle = ["Target: \(dbInstance). Source data: \(plan.source.rawValue). Run by \(context.session.deployment?.userName ?? "") at \(ISO8601DateFormatter().string(from: Date()))."]
        var counts = MigrationPlan.countKinds.filter { $0 != "Messages" }.map { ($0, plan.counts[$0] ?? .init()) }
        let inserted = written ? outcome.messagesWritten : 0
        counts.append(("Messages", MigrationPlan.Counts(read: outcome.messagesRead, written: whatIf ? outcome.messagesRead - outcome.messagesSkipped : inserted,
                                                         skipped: outcome.messagesSkipped)))
        page.counts = counts
        page.findings = planned.findings(outcome)
        try context.domain { try page.write(to: context.lyncFilePath(path, home: planned.home, use: .writes)) }
    }
}

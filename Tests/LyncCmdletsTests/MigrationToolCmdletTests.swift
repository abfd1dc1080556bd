import Foundation
import GRDB
import Testing
@testable import LyncDeployment

/// The cmdlets a migration script runs around the export and import: Backup-CsPersistentChatDatabase,
/// the stage record, Get-CsGroupChatMigrationFinding and Compare-CsGroupChatMigration.
@Suite("Migration tools: backup, stages, findings, verification")
struct MigrationToolCmdletTests {
    static let target = MigrationCmdletTests.target

    func deployed() throws -> DeploymentFixture { try MigrationCmdletTests().deployed() }

    func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    // MARK: Backup-CsPersistentChatDatabase

    @Test("Backup: a copy under backups/ by default, Windows -Path, no overwrite without -Force, -WhatIf writes nothing")
    func backup() throws {
        let f = try deployed()
        _ = try f.outcome("Import-CsPersistentChatData -DBInstance '\(Self.target)' -FileName ./export.zip -NoBackup -WarningAction SilentlyContinue", user: "labadmin")
        let backups = f.home.root.appendingPathComponent("backups")
        let whatIf = try f.outcome("Backup-CsPersistentChatDatabase -DBInstance '\(Self.target)' -WhatIf", user: "labadmin")
        #expect(whatIf.errors.isEmpty && whatIf.output.isEmpty && files(in: backups).isEmpty)

        let fields = try f.strings("""
            $b = Backup-CsPersistentChatDatabase -DBInstance '\(Self.target)'
            $b.Path; $b.Size; $b.Database; $b.Time.GetType().Name; ($b.PSObject.Properties.Name -join ',')
            """)
        #expect(fields.count == 5)
        #expect(fields[0].hasPrefix(backups.path + "/mgc-") && fields[0].hasSuffix(".sqlite"))
        #expect(Int(fields[1]) ?? 0 > 0)
        #expect(fields[2] == (try MigrationCmdletTests().targetFile(f)).path)
        #expect(fields[3] == "DateTime")
        #expect(fields[4] == "Path,Size,Database,Time")
        let copy = try DatabaseQueue(path: fields[0])
        #expect(try copy.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM tblNode WHERE nodeName = 'Eng_Backend_build'") } == 1)
        try copy.close()

        let windows = "Backup-CsPersistentChatDatabase -DBInstance '\(Self.target)' -Path 'C:\\Backups\\mgc.sqlite'"
        let first = try f.outcome("(\(windows)).Path", user: "labadmin")
        let mapped = f.home.root.appendingPathComponent("drives/c/Backups/mgc.sqlite").path
        #expect(first.errors.isEmpty, "\(first.errors)")
        #expect(first.output == [mapped])
        let before = try Data(contentsOf: URL(fileURLWithPath: mapped))
        let refused = try f.outcome(windows, user: "labadmin")
        #expect(refused.errors.contains("already exists") && refused.errors.contains("-Force"))
        #expect(try f.outcome("\(windows) -Force -WhatIf", user: "labadmin").errors.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: mapped)) == before)
        let forced = try f.outcome("\(windows) -Force", user: "labadmin")
        #expect(forced.errors.isEmpty && forced.output.count == 1)
        // A pool without a database has nothing to back up (and none is created).
        let missing = try f.outcome("Backup-CsPersistentChatDatabase -DBInstance 'sqlite:\(f.root.path)/none.sqlite'", user: "labadmin")
        #expect(missing.errors.contains("nothing to back up"))
        #expect(!FileManager.default.fileExists(atPath: f.root.appendingPathComponent("none.sqlite").path))
        let help = try f.strings("Get-Help Backup-CsPersistentChatDatabase -Full | Out-String").joined()
        #expect(help.contains("To restore") && help.contains("EXAMPLE"))
    }

    // MARK: Stages

    @Test("Stages: Set records with the user and times, Get lists (wildcards, table view), Reset forgets; -WhatIf changes nothing")
    func stages() throws {
        let f = DeploymentFixture()
        let setup = try f.outcome("""
            Set-CsGroupChatMigrationStage -Name Export -Status Started
            Set-CsGroupChatMigrationStage -Name Backup -Status Skipped -Detail 'empty pool'
            Set-CsGroupChatMigrationStage -Name export -Status Completed -Detail 'export.zip'
            Set-CsGroupChatMigrationStage -Name Import -Status Started -WhatIf
            """, user: "labadmin")
        #expect(setup.errors.isEmpty, "\(setup.errors)")
        #expect(setup.output.isEmpty)
        #expect(try f.strings("Get-CsGroupChatMigrationStage | ForEach-Object { $_.Name + '=' + $_.Status + '/' + $_.User + '/' + $_.Detail }")
                == ["Export=Completed/labadmin/export.zip", "Backup=Skipped/labadmin/empty pool"])
        #expect(try f.strings("$s = Get-CsGroupChatMigrationStage Export; $s.StartedAt -le $s.FinishedAt; $s.FinishedAt.GetType().Name") == ["True", "DateTime"])
        #expect(try f.strings("(Get-CsGroupChatMigrationStage -Name 'B*').Name") == ["Backup"])
        #expect(try f.strings("(Get-CsGroupChatMigrationStage -Name 'Z*').Count") == ["0"])
        #expect(try f.errors("Get-CsGroupChatMigrationStage -Name Import").contains("Cannot find the migration stage 'Import'"))
        #expect(try f.strings("(Set-CsGroupChatMigrationStage Import Failed -Detail 'disk full' -PassThru).FinishedAt -ne $null") == ["True"])
        #expect(try f.errors("Set-CsGroupChatMigrationStage -Name Import -Status Done").contains("Started"))
        let table = try f.formatted("Get-CsGroupChatMigrationStage")
        let header = try #require(table.split(separator: "\n").map(String.init).first { $0.contains("Name") })
        for column in ["Name", "Status", "StartedAt", "FinishedAt", "User", "Detail"] { #expect(header.contains(column), "\(header)") }
        #expect(table.contains("disk full"))

        #expect(try f.outcome("Reset-CsGroupChatMigrationStage -WhatIf", user: "labadmin").errors.isEmpty)
        #expect(try f.strings("(Get-CsGroupChatMigrationStage).Count") == ["3"])
        #expect(try f.outcome("Reset-CsGroupChatMigrationStage -Name backup", user: "labadmin").errors.isEmpty)
        #expect(try f.strings("(Get-CsGroupChatMigrationStage).Name") == ["Export", "Import"])
        #expect(try f.errors("Reset-CsGroupChatMigrationStage -Name Backup").contains("Cannot find the migration stage 'Backup'"))
        #expect(try f.outcome("Reset-CsGroupChatMigrationStage", user: "labadmin").errors.isEmpty)
        #expect(try f.strings("(Get-CsGroupChatMigrationStage).Count") == ["0"])
    }

    @Test("CsPersistentChatAdministrator may run every migration tool; a view-only administrator only the Get- ones")
    func roles() throws {
        let f = try deployed()
        try f.addUser("pat", groups: ["CsPersistentChatAdministrator"])
        try f.addUser("vera", groups: ["CsViewOnlyAdministrator"])
        let pat = try f.outcome("""
            Set-CsGroupChatMigrationStage -Name Export -Status Completed
            (Get-CsGroupChatMigrationStage).Name
            @(Get-CsGroupChatMigrationFinding -FileName ./export.zip -DBInstance '\(Self.target)').Count -gt 0
            (Backup-CsPersistentChatDatabase -DBInstance '\(Self.target)').Size -gt 0
            @(Compare-CsGroupChatMigration -LegacyDatabase ./sample.db -DBInstance '\(Self.target)').Count -gt 0
            Reset-CsGroupChatMigrationStage
            """, user: "pat")
        #expect(pat.errors.isEmpty, "\(pat.errors)")
        #expect(pat.output == ["Export", "True", "True", "True"])
        for command in ["Set-CsGroupChatMigrationStage -Name X -Status Started", "Reset-CsGroupChatMigrationStage",
                        "Backup-CsPersistentChatDatabase -DBInstance '\(Self.target)'",
                        "Compare-CsGroupChatMigration -LegacyDatabase ./sample.db -DBInstance '\(Self.target)'"] {
            #expect(try f.errors(command, user: "vera").contains("Access denied"), "\(command)")
        }
        #expect(try f.outcome("Get-CsGroupChatMigrationStage", user: "vera").errors.isEmpty)
        let roleCmdlets = try f.strings("Get-CsAdminRole CsPersistentChatAdministrator | Select-Object -ExpandProperty Cmdlets")
        for name in ["Backup-CsPersistentChatDatabase", "Compare-CsGroupChatMigration", "Get-CsGroupChatMigrationFinding",
                     "Get-CsGroupChatMigrationStage", "Reset-CsGroupChatMigrationStage", "Set-CsGroupChatMigrationStage"] {
            #expect(roleCmdlets.contains(name), "\(name)")
        }
    }

    // MARK: Findings

    @Test("Findings: the same findings Import -WhatIf prints, as objects; nothing is written, a missing target not created")
    func findings() throws {
        let f = try deployed()
        let whatIf = try f.run("Import-CsPersistentChatData -DBInstance '\(Self.target)' -FileName ./export.zip -WhatIf")
        let printed = whatIf.host.output.split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("What if: [") }.map { String($0.dropFirst("What if: ".count)) }
        let warnings = whatIf.host.diagnostics.filter { $0.0 == .warning }.map(\.1)
        let targetFile = try MigrationCmdletTests().targetFile(f)
        let before = try Data(contentsOf: targetFile)
        let rows = try f.strings("""
            Get-CsGroupChatMigrationFinding -FileName ./export.zip -DBInstance '\(Self.target)' |
                ForEach-Object { $_.Severity + '|' + $_.RuleNumber + '|' + $_.Rule + '|' + $_.Item + '|' + $_.Message }
            """)
        #expect(try Data(contentsOf: targetFile) == before)
        let conversions = rows.filter { $0.hasPrefix("Conversion|") }.map { row -> String in
            let parts = row.split(separator: "|", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            return "[\(parts[2])] \(parts[3]): \(parts[4])"
        }
        #expect(!conversions.isEmpty && conversions == printed)
        #expect(rows.filter { $0.hasPrefix("Warning|") }.count == warnings.count)
        #expect(rows.contains { $0.hasPrefix("Conversion|2|Prefix room names|Root/Eng/Backend/build|") })
        #expect(rows.contains { $0.hasPrefix("Warning|10|Federated principals|sip:partner@fabrikam.com|") })
        #expect(!rows.contains { $0.hasPrefix("Error|") })
        // Services running: an Error finding with its id; the table view shows it.
        _ = try f.outcome("Start-CsWindowsService -ComputerName atl-pc-001.litwareinc.com -Name RTCCHAT", user: "labadmin")
        let errors = try f.strings("Get-CsGroupChatMigrationFinding -FileName ./export.zip -DBInstance '\(Self.target)' | Where-Object Severity -eq Error | ForEach-Object { $_.RuleNumber; $_.ErrorId }")
        #expect(errors == ["17", "PersistentChatServicesRunning"])
        let table = try f.formatted("Get-CsGroupChatMigrationFinding -FileName ./export.zip -DBInstance '\(Self.target)' | Select-Object -First 2")
        #expect(table.contains("Severity") && table.contains("Rule#") && table.contains("Message"))
        // A target database that does not exist is planned as empty and not created.
        let none = f.root.appendingPathComponent("fresh.sqlite")
        let fresh = try f.outcome("@(Get-CsGroupChatMigrationFinding -FileName ./export.zip -DBInstance 'sqlite:\(none.path)').Count -gt 0", user: "labadmin")
        #expect(fresh.errors.isEmpty && fresh.output == ["True"])
        #expect(!FileManager.default.fileExists(atPath: none.path))
    }

    // MARK: Compare

    @Test("Compare: every moved room matches after the import; deleted rooms, lost members and messages show")
    func compare() throws {
        let f = try deployed()
        let compare = "Compare-CsGroupChatMigration -LegacyDatabase ./sample.db -DBInstance '\(Self.target)'"
        let beforeImport = try f.strings("\(compare) | ForEach-Object Status | Sort-Object -Unique")
        #expect(beforeImport == ["Missing"])
        let imported = try f.outcome("Import-CsPersistentChatData -DBInstance '\(Self.target)' -FileName ./export.zip -NoBackup -WarningAction SilentlyContinue", user: "labadmin")
        #expect(imported.errors.isEmpty, "\(imported.errors)")
        let rows = try f.strings("\(compare) | ForEach-Object { $_.LegacyPath + '>' + $_.TargetRoom + '>' + $_.Category + '>' + $_.Status }")
        #expect(!rows.isEmpty && rows.allSatisfy { $0.hasSuffix(">Match") }, "\(rows)")
        #expect(rows.contains("Root/Eng/Backend/build>Eng_Backend_build>Eng_Backend>Match"))
        #expect(!rows.contains { $0.hasPrefix("Root/Eng/old-project") })
        let names = try f.strings("(\(compare) | Select-Object -First 1).PSObject.Properties.Name -join ','")
        #expect(names == ["LegacyPath,TargetRoom,Category,LegacyMembers,TargetMembers,LegacyManagers,TargetManagers,ExpectedMessages,TargetMessages,Status,Detail"])

        // Damage the pool: a room removed, a manager and the messages of another lost.
        let database = try DatabaseQueue(path: try MigrationCmdletTests().targetFile(f).path)
        let room = try #require(try database.read { try String.fetchOne($0, sql: """
            SELECT n.nodeName FROM tblNode n WHERE n.nodeType = 0 AND n.nodeName <> 'general' AND EXISTS (SELECT 1 FROM tblChat c WHERE c.channelId = n.nodeID)
            AND EXISTS (SELECT 1 FROM tblPrincipalRole r WHERE r.prinRoleNodeID = n.nodeID AND r.prinRoleTypeID = 2) ORDER BY n.nodeName LIMIT 1
            """) })
        try database.write { db in
            let id = try Int64.fetchOne(db, sql: "SELECT nodeID FROM tblNode WHERE nodeName = ?", arguments: [room]) ?? 0
            try db.execute(sql: "DELETE FROM tblChat WHERE channelId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM tblPrincipalRole WHERE prinRoleNodeID = ? AND prinRoleTypeID = 2", arguments: [id])
        }
        try database.close()
        let removed = try f.outcome("Remove-CsPersistentChatRoom -Identity 'atl-pcpool-001.litwareinc.com\\general' -Confirm:$false", user: "labadmin")
        let after = try f.strings("\(compare) | Where-Object Status -ne Match | ForEach-Object { $_.TargetRoom + '|' + $_.Status + '|' + $_.Detail }")
        let damaged = try #require(after.first { $0.hasPrefix(room + "|") })
        #expect(damaged.contains("|Mismatch|") && damaged.contains("Managers missing:") && damaged.contains("Messages: 0 in the room"), "\(damaged)")
        #expect(removed.errors.isEmpty, "\(removed.errors)")
        #expect(after.contains { $0.hasPrefix("general|Missing|") }, "\(after)")
        let table = try f.formatted(compare)
        #expect(table.contains("LegacyPath") && table.contains("Mismatch"))
    }
}

import Foundation
import GRDB
import LyncDeployment
import Testing

@Suite("Import-CsGroupChatBcpData")
struct GroupChatBcpCmdletTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/legacy-bcp.md")

    func errorId(_ f: DeploymentFixture, _ script: String) throws -> String {
        try f.strings("try { \(script) -ErrorAction Stop | Out-Null; 'no error' } catch { $_.FullyQualifiedErrorId.Split(',')[0] }").joined()
    }

    @Test("Generated database -> bcp files (-c and -w) -> loaded -> Export-CsPersistentChatData reads it")
    func roundTrip() throws {
        let f = DeploymentFixture()
        let generated = try f.outcome("New-CsGroupChatTestData ./generated.db -Rooms 25 -Principals 150 -Messages 2000 -Seed 9 | Out-Null", user: "labadmin")
        #expect(generated.errors.isEmpty, "\(generated.errors)")
        let source = f.root.appendingPathComponent("generated.db").path
        try LegacyBcpTestWriter(format: .character).write(from: source, to: f.root.appendingPathComponent("bcp-c").path)
        try LegacyBcpTestWriter(format: .unicode).write(from: source, to: f.root.appendingPathComponent("bcp-w").path)
        for (folder, format) in [("bcp-c", "Character"), ("bcp-w", "Unicode")] {
            let rows = try f.strings("Import-CsGroupChatBcpData -Path ./\(folder) -DestinationPath ./\(folder).db | ForEach-Object { \"$($_.Table)=$($_.Rows) $($_.File) $($_.Format)\" }")
            #expect(rows.count == 10)
            #expect(rows.contains("tblChat=2000 tblChat.bcp \(format)"), "\(rows)")
            let export = try f.outcome("Export-CsPersistentChatData -DBInstance ./\(folder).db -FileName ./\(folder).zip -WarningAction SilentlyContinue", user: "labadmin")
            #expect(export.errors.isEmpty, "\(export.errors)")
            #expect(FileManager.default.fileExists(atPath: f.root.appendingPathComponent("\(folder).zip").path))
        }
        let summary = try f.strings("$d = Get-CsGroupChatDatabase ./bcp-w.db; \"$($d.Rooms)/$($d.Messages)\"")
        #expect(summary == ["25/2000"])
        let table = try f.formatted("Import-CsGroupChatBcpData ./bcp-c ./again.db")
        #expect(table.contains("tblChat") && table.contains("2000") && table.contains("Character"))
    }

    @Test("Errors: a missing table, an existing destination, -WhatIf; each leaves no file")
    func errors() throws {
        let f = DeploymentFixture()
        try f.run("New-CsGroupChatTestData ./g.db -Rooms 3 -Principals 20 -Messages 30 | Out-Null")
        let folder = f.root.appendingPathComponent("bcp").path
        try LegacyBcpTestWriter(format: .character).write(from: f.root.appendingPathComponent("g.db").path, to: folder)
        try f.run("Import-CsGroupChatBcpData ./bcp ./whatif.db -WhatIf")
        #expect(!FileManager.default.fileExists(atPath: f.root.appendingPathComponent("whatif.db").path))
        #expect(try errorId(f, "Import-CsGroupChatBcpData ./bcp ./g.db") == "LegacyDatabaseExists")
        #expect(try errorId(f, "Import-CsGroupChatBcpData ./bcp ./g.db -Force") == "no error")
        try FileManager.default.removeItem(atPath: folder + "/tblNode.bcp")
        #expect(try errorId(f, "Import-CsGroupChatBcpData ./bcp ./n.db") == "LegacyBcpTableMissing")
        let message = try f.strings("try { Import-CsGroupChatBcpData ./bcp ./n.db } catch { $_.Exception.Message; $_.CategoryInfo.Category }")
        #expect(message.first?.contains("no file for the table tblNode") == true && message.last == "ObjectNotFound")
        #expect(!FileManager.default.fileExists(atPath: f.root.appendingPathComponent("n.db").path))
        #expect(try errorId(f, "Import-CsGroupChatBcpData ./nowhere ./n.db") == "LegacyBcpFolderNotFound")
        #expect(try errorId(f, "Import-CsGroupChatBcpData ./bcp ./n.db -Format Binary") != "no error")
    }

    @Test("Help and docs/legacy-bcp.md show the bcp command of every table, -c and -w")
    func commandsDocumented() throws {
        let f = DeploymentFixture()
        let help = try f.strings("Get-Help Import-CsGroupChatBcpData -Examples | Out-String").joined()
        let docs = try String(contentsOf: Self.docs, encoding: .utf8)
        for table in LegacyGroupChatSchema.requiredColumns.map(\.table) {
            for unicode in [true, false] {
                let command = LegacyGroupChatBcpLoader.exportCommand(table: table, unicode: unicode)
                #expect(help.contains(command), "help lacks \(command)")
                #expect(docs.contains(command), "docs lack \(command)")
            }
        }
    }
}

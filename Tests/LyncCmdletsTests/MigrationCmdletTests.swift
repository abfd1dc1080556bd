import Foundation
import GRDB
import Testing
import ZIPFoundation
@testable import LyncDeployment

/// Export-CsPersistentChatData and Import-CsPersistentChatData on the authoring module's sample
/// legacy database (New-CsGroupChatSample) and the litwareinc topology.
@Suite("Migration: Export and Import-CsPersistentChatData")
struct MigrationCmdletTests {
    static let topology = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/topology/litwareinc.json")
    static let target = "atl-sql-001.litwareinc.com\\rtc"

    /// A deployment with the sample legacy database exported to export.zip and the target pool's
    /// services stopped.
    func deployed(stopServices: Bool = true) throws -> DeploymentFixture {
        let f = DeploymentFixture()
        let setup = try f.outcome("""
            Publish-CsTopology -FileName '\(Self.topology.path)' | Out-Null
            Enable-CsTopology | Out-Null
            Import-Module GroupChatAuthoring
            New-CsGroupChatSample -Path ./sample.db | Out-Null
            Export-CsPersistentChatData -DBInstance ./sample.db -FileName ./export.zip
            \(stopServices ? "'atl-pc-001.litwareinc.com','atl-pc-002.litwareinc.com' | % { Stop-CsWindowsService -ComputerName $_ }" : "")
            """, user: "labadmin")
        #expect(setup.errors.isEmpty, "\(setup.errors)")
        return f
    }

    func targetFile(_ f: DeploymentFixture) throws -> URL { try f.home.databaseFile(instance: Self.target, database: "mgc") }

    func rows(_ f: DeploymentFixture, _ sql: String) throws -> [Row] {
        let queue = try DatabaseQueue(path: try targetFile(f).path)
        return try queue.read { try Row.fetchAll($0, sql: sql) }
    }

    @Test("A legacy database migrates by the rules: flattened names, resolved settings, roles, messages byte for byte")
    func legacyImport() throws {
        let f = try deployed()
        let result = try f.outcome("Import-CsPersistentChatData -DBInstance '\(Self.target)' -FileName ./export.zip -WarningAction SilentlyContinue",
                                   user: "labadmin")
        #expect(result.errors.isEmpty, "\(result.errors)")
        let names = try rows(f, "SELECT nodeName, nodeType FROM tblNode WHERE nodeID <> 1 ORDER BY nodeName").map { "\($0[0] as String)/\($0[1] as Int)" }
        #expect(names == ["all-hands/0", "budget/0", "Eng/1", "Eng_Backend/1", "Eng_Backend_build/0", "Finance/1", "general/0", "lobby/0", "Root/1"])
        // The disabled room stays behind; Backend's history setting is off, Private became Secret.
        let build = try #require(try rows(f, "SELECT n.visibility, c.logged, n.invite FROM tblNode n JOIN tblNode c ON c.nodeID = n.parentID WHERE n.nodeName = 'Eng_Backend_build'").first)
        #expect(build[0] as Int == RoomPrivacy.secret.visibility)
        #expect(build[1] as Int == 0)
        // Managers of Eng manage the rooms below it; auditorium presenters stay.
        let managers = try rows(f, """
            SELECT n.nodeName, p.prinUri FROM tblPrincipalRole r JOIN tblNode n ON n.nodeID = r.prinRoleNodeID
            JOIN tblPrincipal p ON p.prinID = r.prinRolePrinID WHERE r.prinRoleTypeID = 2 ORDER BY n.nodeName
            """).map { "\($0[0] as String)=\($0[1] as String)" }
        #expect(managers.contains("Eng_Backend_build=sip:kenmyer@litwareinc.com"))
        #expect(try rows(f, "SELECT count(*) FROM tblPrincipalRole r JOIN tblNode n ON n.nodeID = r.prinRoleNodeID WHERE n.nodeName = 'all-hands' AND r.prinRoleTypeID = 3")[0][0] as Int == 2)
        // Messages: the RTF's Windows-1252 byte is intact; the federated author still names the message.
        let rtf = try rows(f, "SELECT rtf FROM tblChat WHERE rtf IS NOT NULL")
        #expect(rtf.count == 1)
        #expect((rtf[0][0] as Data).contains(0xE9))
        let lobby = try rows(f, "SELECT p.prinUri FROM tblChat c JOIN tblPrincipal p ON p.prinID = c.userId JOIN tblNode n ON n.nodeID = c.channelId WHERE n.nodeName = 'lobby'")
        #expect(lobby.map { $0[0] as String } == ["sip:partner@fabrikam.com"])
        // Nobody federated or disabled holds a role.
        #expect(try rows(f, "SELECT count(*) FROM tblPrincipalRole r JOIN tblPrincipal p ON p.prinID = r.prinRolePrinID WHERE p.prinUri IN ('sip:partner@fabrikam.com', 'sip:former@litwareinc.com')")[0][0] as Int == 0)
        // A backup was taken first.
        let backups = try FileManager.default.contentsOfDirectory(atPath: f.home.root.appendingPathComponent("backups").path)
        #expect(backups.count == 1)
    }

    @Test("-WhatIf prints every conversion, warning and error and leaves the target byte-identical")
    func whatIfWritesNothing() throws {
        let f = try deployed()
        // Open the target once so it exists, then fingerprint it.
        _ = try PersistentChatDatabase.open(file: try targetFile(f))
        let before = try Data(contentsOf: try targetFile(f))
        let result = try f.run("Import-CsPersistentChatData -DBInstance '\(Self.target)' -FileName ./export.zip -WhatIf -Report ./whatif.html")
        #expect(try Data(contentsOf: try targetFile(f)) == before)
        let text = result.host.output
        #expect(text.contains("What if: [Prefix room names] Root/Eng/Backend/build: the room becomes 'Eng_Backend_build'"))
        #expect(text.contains("What if: [Disabled rooms] Root/Eng/old-project"))
        #expect(text.contains("What if: Import summary:"))
        let warnings = result.host.text(of: .warning)
        #expect(warnings.contains("[Federated principals] sip:partner@fabrikam.com"))
        #expect(warnings.contains("[Disabled principals] sip:former@litwareinc.com"))
        let report = try String(contentsOf: f.root.appendingPathComponent("whatif.html"), encoding: .utf8)
        #expect(report.contains("<h2>Summary</h2>") && report.contains("Eng_Backend_build") && !report.contains("<script"))
    }

    @Test("Running services, a foreign forest, or an over-long name: errors, all listed, nothing written")
    func errorsWriteNothing() throws {
        let f = try deployed(stopServices: false)
        let result = try f.outcome("Import-CsPersistentChatData -DBInstance '\(Self.target)' -FileName ./export.zip -WarningAction SilentlyContinue",
                                   user: "labadmin")
        #expect(result.errors.contains("PersistentChat services are running") || result.errors.contains("Persistent Chat services are running"))
        #expect(result.errors.contains("nothing was written"))
        #expect(try rows(f, "SELECT count(*) FROM tblNode WHERE nodeID <> 1")[0][0] as Int == 0)

        let g = DeploymentFixture()
        let other = try g.outcome("""
            Publish-CsTopology -FileName '\(Self.topology.path)' | Out-Null
            Enable-CsTopology | Out-Null
            'atl-pc-001.litwareinc.com','atl-pc-002.litwareinc.com' | % { Stop-CsWindowsService -ComputerName $_ }
            New-CsGroupChatDatabase -Path ./fabrikam.db -ForestFqdn fabrikam.com | Out-Null
            New-CsGroupChatCategory -Database ./fabrikam.db -Name ('x' * 200) | Out-Null
            New-CsGroupChatCategory -Database ./fabrikam.db -Name ('y' * 80) -Parent ('x' * 200) | Out-Null
            Export-CsPersistentChatData -DBInstance ./fabrikam.db -FileName ./f.zip
            Import-CsPersistentChatData -DBInstance '\(Self.target)' -FileName ./f.zip
            """, user: "labadmin")
        #expect(other.errors.contains("ForestMismatch") || other.errors.contains("forest fabrikam.com"))
        #expect(other.errors.contains("characters (prefix included)"))
    }

    @Test("A Persistent Chat pool exported and imported into an empty pool keeps everything")
    func persistentChatRoundTrip() throws {
        let f = try deployed()
        _ = try f.outcome("Import-CsPersistentChatData -DBInstance '\(Self.target)' -FileName ./export.zip -NoBackup -WarningAction SilentlyContinue", user: "labadmin")
        let copy = f.root.appendingPathComponent("copy.sqlite").path
        let result = try f.outcome("""
            Export-CsPersistentChatData -DBInstance '\(Self.target)' -FileName ./pc.zip
            Import-CsPersistentChatData -DBInstance 'sqlite:\(copy)' -FileName ./pc.zip -NoBackup
            """, user: "labadmin")
        #expect(result.errors.isEmpty, "\(result.errors)")
        let queries = [
            "SELECT nodeID, nodeGuid, parentID, nodeType, nodeName, nodeDesc, invite, logged, filePost, disabled, behavior, visibility, siopID FROM tblNode WHERE nodeID <> 1 ORDER BY nodeID",
            "SELECT prinRoleNodeID, prinRolePrinID, prinRoleTypeID FROM tblPrincipalRole ORDER BY 1, 2, 3",
            "SELECT scopeNodeID, scopePrinID, scopeIsDenied FROM tblScopePrincipal ORDER BY 1, 2",
            "SELECT channelId, chatId, chatDate, userId, isAlert, hex(content), quote(rtf) FROM tblChat ORDER BY 1, 2",
            "SELECT prinID, prinGuid, prinUri, prinTypeID, prinDisabled FROM tblPrincipal ORDER BY 1",
            "SELECT siopID, siopName, siopUrl FROM tblSiopWhiteList ORDER BY 1",
        ]
        let original = try DatabaseQueue(path: try targetFile(f).path), restored = try DatabaseQueue(path: copy)
        for sql in queries {
            let a = try original.read { try Row.fetchAll($0, sql: sql) }, b = try restored.read { try Row.fetchAll($0, sql: sql) }
            #expect(a == b, "\(sql)")
            #expect(!a.isEmpty, "\(sql)")
        }
    }

    // MARK: Damaged and hostile files

    func importing(_ f: DeploymentFixture, _ file: String) throws -> String {
        try f.outcome("Import-CsPersistentChatData -DBInstance '\(Self.target)' -FileName '\(file)'", user: "labadmin").errors
    }

    /// Rewrites export.zip into `name` with the parts changed by `edit` (name -> bytes).
    func rewritten(_ f: DeploymentFixture, _ name: String, _ edit: (inout [(String, Data)]) -> Void) throws -> String {
        let source = try Archive(url: f.root.appendingPathComponent("export.zip"), accessMode: .read)
        var parts: [(String, Data)] = []
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            parts.append((entry.path, data))
        }
        edit(&parts)
        let url = f.root.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url.path
    }

    static func gzip(_ data: Data) -> Data {
        var out = Data()
        let compressor = try! GzipStream.Compressor { out.append(contentsOf: $0) }
        data.withUnsafeBytes { try! compressor.write($0) }
        try! compressor.finish()
        return out
    }

    @Test("Damaged, tampered and hostile export files are clear errors and write nothing")
    func hostileFiles() throws {
        let f = try deployed()
        let zip = try Data(contentsOf: f.root.appendingPathComponent("export.zip"))
        try zip.prefix(zip.count / 2).write(to: f.root.appendingPathComponent("truncated.zip"))
        #expect(try importing(f, "./truncated.zip").contains("ExportFileNotAZip") || importing(f, "./truncated.zip").contains("not a readable zip"))

        let version = try rewritten(f, "version.zip") { parts in
            parts = parts.map { $0.0 == "Manifest.xml" ? ($0.0, Data(String(decoding: $0.1, as: UTF8.self).replacingOccurrences(of: "formatVersion=\"\(ChatExportFormat.formatVersion)\"", with: "formatVersion=\"9\"").utf8)) : $0 }
        }
        #expect(try importing(f, version).contains("format version 9"))
        let missing = try rewritten(f, "missing.zip") { parts in parts.removeAll { $0.0 == "ChatRooms.xml" } }
        #expect(try importing(f, missing).contains("lacks the part 'ChatRooms.xml'"))
        let badXml = try rewritten(f, "badxml.zip") { parts in
            parts = parts.map { $0.0 == "AdUsers.xml" ? ($0.0, Data(String(decoding: $0.1, as: UTF8.self).replacingOccurrences(of: "<AdUsers>", with: "<AdUsers").utf8)) : $0 }
        }
        #expect(try importing(f, badXml).contains("AdUsers.xml"))
        let trailing = try rewritten(f, "trailing.zip") { parts in
            parts = parts.map { $0.0 == "AdGroups.xml" ? ($0.0, $0.1 + Data("<AdGroups><AdGroup/></AdGroups>".utf8)) : $0 }
        }
        #expect(try importing(f, trailing).contains("AdGroups.xml"))
        let trailingGzip = try rewritten(f, "gzjunk.zip") { parts in
            parts = parts.map { $0.0 == ChatExportFormat.messages ? ($0.0, $0.1 + Data("junk".utf8)) : $0 }
        }
        #expect(try importing(f, trailingGzip).contains("after the end of the gzip stream"))
        let truncatedGzip = try rewritten(f, "gzshort.zip") { parts in
            parts = parts.map { $0.0 == ChatExportFormat.messages ? ($0.0, $0.1.prefix($0.1.count - 12)) : $0 }
        }
        #expect(try importing(f, truncatedGzip).contains("ExportFileDamaged") || importing(f, truncatedGzip).contains("truncated"))
        let junk = try rewritten(f, "junk.zip") { parts in
            parts = parts.map { $0.0 == "Addins.xml" ? ($0.0, $0.1 + Data("junk".utf8)) : $0 }
        }
        #expect(try importing(f, junk).contains("Addins.xml"))
        let badUtf8 = try rewritten(f, "badutf8.zip") { parts in
            parts = parts.map { $0.0 == "Categories.xml" ? ($0.0, Data(String(decoding: $0.1, as: UTF8.self).replacingOccurrences(of: "Finance", with: "Fin\u{FFFD}").utf8).map { $0 == 0xBD ? 0xFF : $0 }.reduce(into: Data()) { $0.append($1) }) : $0 }
        }
        #expect(try importing(f, badUtf8).contains("Categories.xml"))
        let escape = try rewritten(f, "escape.zip") { parts in parts.append(("../../evil.xml", Data("x".utf8))) }
        #expect(try importing(f, escape).contains("leads out of the export"))
        let duplicate = try rewritten(f, "duplicate.zip") { parts in parts.append(("Addins.xml", parts.first { $0.0 == "Addins.xml" }!.1)) }
        #expect(try importing(f, duplicate).contains("twice"))
        // 40 MB of one endless line gzip to a few kilobytes: far past the expansion ratio.
        let bomb = try rewritten(f, "bomb.zip") { parts in
            parts = parts.map { $0.0 == ChatExportFormat.messages ? ($0.0, Self.gzip(Data((ChatExportFormat.messagesHeader + "\n").utf8) + Data(repeating: 0x61, count: 40 << 20))) : $0 }
        }
        #expect(try importing(f, bomb).contains("ExportFileTooLarge") || importing(f, bomb).contains("decompression bomb"))
        let dangling = try rewritten(f, "dangling.zip") { parts in
            parts = parts.map { $0.0 == "ChatRooms.xml" ? ($0.0, Data(String(decoding: $0.1, as: UTF8.self).replacingOccurrences(of: "<Principal id=\"", with: "<Principal id=\"99").utf8)) : $0 }
        }
        let danglingErrors = try importing(f, dangling)
        #expect(danglingErrors.contains("which the export file does not contain"))
        #expect(try rows(f, "SELECT count(*) FROM tblNode WHERE nodeID <> 1")[0][0] as Int == 0)
    }

    /// Rewrites Messages.txt.gz to hold messages of the room `build` (id 7) with these chatIds.
    static func buildMessages(_ chatIDs: [Int]) -> (inout [(String, Data)]) -> Void {
        { parts in
            let lines = chatIDs.map { "7\t\($0)\t634345668000000000\t2\t0\tmessage \($0)\t\\N\n" }.joined()
            parts = parts.map { part in
                switch part.0 {
                case ChatExportFormat.messages: (part.0, gzip(Data((ChatExportFormat.messagesHeader + "\n" + lines).utf8)))
                case ChatExportFormat.manifest:
                    (part.0, Data(String(decoding: part.1, as: UTF8.self)
                        .replacingOccurrences(of: #"name="Messages.txt.gz" count="4""#, with: #"name="Messages.txt.gz" count="\#(chatIDs.count)""#).utf8))
                default: part
                }
            }
        }
    }

    @Test("Messages are written many to a statement; a duplicate among them is named by its line and nothing is written")
    func messageGroupsAndDuplicates() throws {
        let f = try deployed()
        // 300 messages: two full groups and the rest one by one; the duplicate is in the second group.
        let duplicate = try rewritten(f, "duplicate.zip", Self.buildMessages(Array(1...200) + [150] + Array(201...299)))
        let errors = try importing(f, duplicate)
        #expect(errors.contains("line 202: message 150 of room 7"), "\(errors)")
        #expect(try rows(f, "SELECT count(*) FROM tblChat")[0][0] as Int == 0)
        #expect(try rows(f, "SELECT count(*) FROM tblNode WHERE nodeID <> 1")[0][0] as Int == 0)
        let many = try rewritten(f, "many.zip", Self.buildMessages(Array(1...300)))
        let result = try f.outcome("Import-CsPersistentChatData -DBInstance '\(Self.target)' -FileName '\(many)' -NoBackup -WarningAction SilentlyContinue",
                                   user: "labadmin")
        #expect(result.errors.isEmpty, "\(result.errors)")
        let stored = try rows(f, "SELECT chatId, content FROM tblChat ORDER BY chatId")
        #expect(stored.map { $0[0] as Int } == Array(1...300))
        #expect(stored.last?[1] as String? == "message 300")
        #expect(try rows(f, "SELECT lastChatID FROM tblLastChatId")[0][0] as Int == 300)
    }

    @Test("The documented example commands run as written")
    func documentedExamples() throws {
        let f = try deployed()
        let result = try f.outcome("""
            Export-CsPersistentChatData -DBInstance "atl-sql-001.litwareinc.com\\rtc" -FileName "C:\\Logs\\PersistentChatData.zip"
            Copy-Item ./export.zip (Join-Path '\(f.home.root.path)' 'drives/c/Logs/PersistentChatExport.zip')
            Import-CsPersistentChatData -DBInstance "atl-sql-001.litwareinc.com\\rtc" -FileName "C:\\Logs\\PersistentChatExport.zip" -WarningAction SilentlyContinue
            (Get-CsPersistentChatRoom).Count
            """, user: "labadmin")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(FileManager.default.fileExists(atPath: f.home.root.appendingPathComponent("drives/c/Logs/PersistentChatData.zip").path))
        #expect(result.output.last == "5")
    }
}

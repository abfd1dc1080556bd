import Foundation
import Testing
import LyncDeployment
@testable import LyncCmdlets
import PSRuntime

/// The red team's file attacks on the deployment home: each is refused with PermissionDenied,
/// audited, and leaves the home as it was (every file, and the store's contents but its log).
@Suite("RBAC file guard")
struct RbacFileGuardTests {
    /// A deployment with `pat` (CsPersistentChatAdministrator only), `kenmyer` (CsHelpDesk), the
    /// exchange folder, a symbolic link from it to the home and a hard link to the store.
    static func fixture() throws -> DeploymentFixture {
        let f = DeploymentFixture()
        try f.addUser("pat", groups: ["CsPersistentChatAdministrator"])
        try f.addUser("kenmyer", groups: ["CsHelpDesk"])
        let fm = FileManager.default
        try fm.createDirectory(at: f.exchange, withIntermediateDirectories: true)
        try "report\n".write(to: f.exchange.appendingPathComponent("note.txt"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: f.exchange.appendingPathComponent("homelink").path, withDestinationPath: f.home.root.path)
        #expect(link(f.home.storeFile.path, f.exchange.appendingPathComponent("hard.db").path) == 0)
        try "'ran'\n".write(to: f.home.root.appendingPathComponent("x.ps1"), atomically: true, encoding: .utf8)
        return f
    }

    /// Attacks from an endpoint session of `pat`, with `{H}` the home, `{R}` its parent, `{X}` the exchange folder.
    static let endpointAttacks: [(String, String)] = [
        ("Out-File on the store", "Get-Date | Out-File -FilePath '{H}/cms.sqlite'"),
        ("redirection", "'x' > '{H}/cms.sqlite'"),
        ("appending redirection", "'x' >> '{H}/endpoint.json'"),
        ("reading the home", "Get-Content '{H}/cms.sqlite' -Raw"),
        ("listing the home", "Get-ChildItem '{H}'"),
        ("path through the pipeline", "[pscustomobject]@{ Path = '{H}/cms.sqlite' } | Get-Content"),
        ("wildcard in the home's name", "Get-Content '{R}/h?me/cms.sqlite'"),
        ("backtick escape", "Get-Content '{R}/h`ome/cms.sqlite'"),
        ("FileSystem:: prefix", "Get-Content 'FileSystem::{H}/cms.sqlite'"),
        ("long provider prefix", "Export-Csv -InputObject 1 -Path 'Microsoft.PowerShell.Core\\FileSystem::{H}/x.csv'"),
        ("symbolic link", "'x' | Out-File '{X}/homelink/cms.sqlite'"),
        ("symbolic link read", "Get-Content '{X}/homelink/cms.sqlite'"),
        ("hard link", "'x' | Out-File '{X}/hard.db'"),
        ("hard link read", "Get-FileHash '{X}/hard.db'"),
        ("home's parent", "Get-ChildItem '{R}'"),
        ("outside every grant", "Get-Content /etc/hostname"),
        ("Tee-Object", "'x' | Tee-Object -FilePath '{H}/tee.txt'"),
        ("Windows path on -Report", "Export-CsPersistentChatData -DBInstance '{X}/none.db' -FileName '{X}/e.zip' -Report 'C:\\..\\..\\cms.sqlite'"),
        ("Lync file parameter", "Get-CsGroupChatDatabase -Path '{H}/cms.sqlite'"),
        ("Lync file through the pipeline", "'{H}/cms.sqlite' | Get-CsGroupChatDatabase"),
        ("Set-Location into the home", "Set-Location '{H}'; Get-ChildItem"),
        ("Test-Path", "Test-Path '{H}/cms.sqlite'"),
        ("transcript without a path", "Start-Transcript"),
        ("transcript into the home", "Start-Transcript -Path '{H}/t.txt'"),
        ("script file in the home", "& '{H}/x.ps1'"),
        ("file cmdlet outside the set", "Remove-Item '{X}/note.txt'"),
        ("Invoke-Expression", "Invoke-Expression 'Get-Date'"),
        ("outside program", "/bin/rm -f '{H}/cms.sqlite'"),
        (".NET file member", "[System.IO.File]::WriteAllText('{H}/cms.sqlite', 'x')"),
    ]

    static func expand(_ script: String, _ f: DeploymentFixture) -> String {
        script.replacingOccurrences(of: "{H}", with: f.home.root.path)
            .replacingOccurrences(of: "{R}", with: f.root.path)
            .replacingOccurrences(of: "{X}", with: f.exchange.path)
    }

    @Test("An endpoint session meets every file attack with PermissionDenied and changes nothing", arguments: endpointAttacks.map(\.0))
    func endpointAttack(_ name: String) throws {
        let f = try Self.fixture()
        let script = Self.expand(try #require(Self.endpointAttacks.first { $0.0 == name }?.1), f)
        let before = try f.homeSnapshot()
        let denied = try f.deniedCount("pat")
        let result = try f.endpoint(script, login: "pat")
        #expect(result.errors.contains("Access denied: 'pat' may not run") || result.errors.contains("Method invocation is supported only on core types"),
                "\(name): \(result.errors)")
        #expect(try f.homeSnapshot() == before, "\(name): the home changed")
        #expect(!FileManager.default.fileExists(atPath: f.home.root.appendingPathComponent("tee.txt").path))
        if !result.errors.contains("core types") {
            #expect(try f.deniedCount("pat") > denied, "\(name): not audited")
        }
    }

    @Test("Start-Transcript without -Path says to pass one; the default file is in the user's home folder")
    func transcriptDefault() throws {
        let f = try Self.fixture()
        let result = try f.endpoint("Start-Transcript", login: "pat")
        #expect(result.errors.contains("pass -Path with a file inside a folder"), "\(result.errors)")
        let console = try f.run("Start-Transcript -WhatIf", user: "labadmin")
        #expect(console.host.output.contains(NSHomeDirectory() + "/PowerShell_transcript.") || console.host.text(of: .information).contains(NSHomeDirectory() + "/PowerShell_transcript.")
                || "\(console.host.diagnostics)".contains(NSHomeDirectory()), "\(console.host.output)")
        // Inside the granted folder it runs.
        let inside = try f.endpoint("Start-Transcript -Path '\(f.exchange.path)/t.txt' | Out-Null; 'hello'; Stop-Transcript | Out-Null", login: "pat")
        #expect(inside.errors.isEmpty, "\(inside.errors)")
        #expect(FileManager.default.fileExists(atPath: f.exchange.appendingPathComponent("t.txt").path))
    }

    /// Attacks on the local console by `kenmyer`, who holds no role that changes files.
    static let consoleAttacks: [(String, String)] = [
        ("pipeline of items", "Get-Item '{H}/cms.sqlite' | Remove-Item"),
        ("pipeline of strings", "'{H}/cms.sqlite' | ForEach-Object { Remove-Item $_ }"),
        ("wildcard in the home's name", "Remove-Item '{R}/h?me/cms.sqlite'"),
        ("wildcard everywhere", "Remove-Item '{R}/*/cms.*'"),
        ("backtick escape", "Remove-Item '{R}/h`ome/cms.sqlite'"),
        ("FileSystem:: prefix", "Remove-Item 'FileSystem::{H}/cms.sqlite'"),
        ("New-Item -Name", "New-Item -Path '{R}' -Name 'home/evil.txt' -Value x"),
        ("New-Item -Name with ..", "New-Item -Path '{R}/elsewhere' -Name '../home/evil.txt' -Value x -Force"),
        ("symbolic link to the home", "New-Item -ItemType SymbolicLink -Path '{R}/mine' -Value '{H}'"),
        ("relative symbolic link", "New-Item -ItemType SymbolicLink -Path '{R}/mine' -Value 'home/cms.sqlite'"),
        ("hard link to the store", "New-Item -ItemType HardLink -Path '{R}/mine.db' -Value '{H}/cms.sqlite'"),
        ("writing through a symbolic link", "'x' | Set-Content '{R}/exchange/homelink/cms.sqlite'"),
        ("writing through a hard link", "'x' | Set-Content '{R}/exchange/hard.db'"),
        ("removing the home's parent", "Remove-Item '{R}' -Recurse -Force"),
        ("moving the home away", "Move-Item '{H}' '{R}/moved'"),
        ("renaming the home", "Rename-Item '{H}' 'moved'"),
        ("Windows path on a report", "Get-CsWindowsService -Report 'C:\\..\\..\\..\\cms.sqlite'"),
        ("copying over the store", "Copy-Item '{R}/exchange/note.txt' '{H}/cms.sqlite'"),
    ]

    @Test("The local console keeps non-administrators out of the home by every path", arguments: consoleAttacks.map(\.0))
    func consoleAttack(_ name: String) throws {
        let f = try Self.fixture()
        let script = Self.expand(try #require(Self.consoleAttacks.first { $0.0 == name }?.1), f)
        let before = try f.homeSnapshot()
        let result = try f.outcome(script, user: "kenmyer")
        if name == "Windows path on a report" {
            // Windows paths stay in drives/: the report is written there, never on the store.
            #expect(try f.store().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM adminRole") ?? 0 } > 0)
        } else {
            #expect(result.errors.contains("Access denied: 'kenmyer' may not run"), "\(name): \(result.errors)")
            #expect(try f.homeSnapshot() == before, "\(name): the home changed")
            #expect(try f.deniedCount("kenmyer") > 0, "\(name): not audited")
        }
        #expect(FileManager.default.fileExists(atPath: f.home.storeFile.path))
        #expect(!FileManager.default.fileExists(atPath: f.home.root.appendingPathComponent("evil.txt").path))
    }

    @Test("A role's own cmdlets cannot write a path the user names in the home either")
    func roleCmdletsStayOut() throws {
        let f = try Self.fixture()
        let before = try f.homeSnapshot()
        for script in ["New-CsGroupChatDatabase -Path '\(f.home.root.path)/pc.db' -Force",
                       "New-CsGroupChatDatabase -Path '\(f.exchange.path)/homelink/pc.db' -Force"] {
            let result = try f.outcome(script, user: "pat")
            #expect(result.errors.contains("inside the deployment home"), "\(script): \(result.errors)")
        }
        #expect(try f.homeSnapshot() == before)
        let outside = try f.outcome("New-CsGroupChatDatabase -Path '\(f.exchange.path)/pc.db' | Out-Null", user: "pat")
        #expect(outside.errors.isEmpty, "\(outside.errors)")
    }

    @Test("The console still lets everyone read, use drives/ and shares/, and work outside the home")
    func consoleOrdinaryWork() throws {
        let f = try Self.fixture()
        let result = try f.outcome("""
            'a' | Set-Content '\(f.root.path)/mine.txt'
            Copy-Item '\(f.root.path)/mine.txt' '\(f.root.path)/copy.txt'
            (Get-Content '\(f.home.storeFile.path)' -TotalCount 1).Length -gt 0
            New-Item -ItemType Directory 'C:\\reports' -Force | Out-Null
            'r' | Out-File 'C:\\reports\\r.txt'
            Get-Content 'C:\\reports\\r.txt'
            """, user: "kenmyer")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output == ["True", "r"])
        #expect(FileManager.default.fileExists(atPath: f.home.root.appendingPathComponent("drives/c/reports/r.txt").path))
    }
}

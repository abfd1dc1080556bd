import Foundation
import GRDB
import Testing
import LyncDeployment
@testable import LyncCmdlets
import PSRuntime

/// Management endpoint sessions: deny-by-default commands, files only in the granted folders,
/// the user re-validated at every command and every pipeline object, a home without a store
/// refusing everything.
@Suite("RBAC endpoint sessions")
struct RbacEndpointSessionTests {
    @Test("The Persistent Chat administrator runs the migration steps with files in the exchange folder, and nothing else")
    func persistentChatMigration() throws {
        let f = try MigrationCmdletTests().deployed()
        try f.addUser("pat", groups: ["CsPersistentChatAdministrator"])
        let fm = FileManager.default
        try fm.createDirectory(at: f.exchange, withIntermediateDirectories: true)
        try fm.copyItem(at: f.root.appendingPathComponent("sample.db"), to: f.exchange.appendingPathComponent("sample.db"))
        try fm.copyItem(at: f.root.appendingPathComponent("export.zip"), to: f.exchange.appendingPathComponent("export.zip"))
        let x = f.exchange.path
        let steps = try f.endpoint("""
            Export-CsPersistentChatData -DBInstance '\(x)/sample.db' -FileName '\(x)/again.zip' -Report '\(x)/export.html'
            Import-CsPersistentChatData -DBInstance 'atl-sql-001.litwareinc.com\\rtc' -FileName '\(x)/export.zip' -Report '\(x)/import.html' -WarningAction SilentlyContinue | Out-Null
            New-CsPersistentChatEndpoint -SipAddress sip:ocschat@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com | Out-Null
            Get-CsPersistentChatEndpoint | ForEach-Object SipAddress
            Get-ChildItem -Name | Sort-Object
            """, login: "pat")
        #expect(steps.errors.isEmpty, "\(steps.errors)")
        #expect(steps.output.contains("sip:ocschat@litwareinc.com"))
        #expect(["again.zip", "export.html", "import.html"].allSatisfy(steps.output.contains), "\(steps.output)")
        let room = try f.store().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM auditEntry WHERE user = 'pat' AND outcome = 'Succeeded'") }
        #expect((room ?? 0) >= 2)
        // Nothing else: other areas, other folders, file-changing cmdlets.
        let others = [
            "New-CsAdminRole -Identity Mine -Template CsAdministrator",
            "Stop-CsWindowsService -Name RTCCHAT -ComputerName atl-pcpool-001.litwareinc.com",
            "Export-CsPersistentChatData -DBInstance '\(x)/sample.db' -FileName /tmp/pcsh-outside-\(UUID().uuidString).zip",
            "Export-CsPersistentChatData -DBInstance '\(f.root.path)/sample.db' -FileName '\(x)/b.zip'",
            "Get-Content '\(f.root.path)/sample.db'",
            "Remove-Item '\(x)/again.zip'",
            "Set-Content '\(x)/a.txt' x",
        ]
        for script in others {
            let result = try f.endpoint(script, login: "pat")
            #expect(result.errors.contains("Access denied: 'pat' may not run"), "\(script): \(result.errors)")
        }
        #expect(fm.fileExists(atPath: f.exchange.appendingPathComponent("again.zip").path))
    }

    @Test("Only the roles' commands and the utility set are visible and runnable")
    func commandSet() throws {
        let f = DeploymentFixture()
        try f.addUser("pat", groups: ["CsPersistentChatAdministrator"])
        let names = try f.endpoint("Get-Command | ForEach-Object Name", login: "pat").output
        #expect(names.contains("Get-CsPersistentChatRoom") && names.contains("Where-Object") && names.contains("Get-Help"))
        #expect(!names.contains("Remove-Item") && !names.contains("Invoke-Expression") && !names.contains("New-CsAdminRole")
                && !names.contains("Import-Module"))
        #expect(!names.contains("iex") && !names.contains("del") && names.contains("gci"))
        let cmdlets = try f.endpoint("Get-Command -CommandType Cmdlet | ForEach-Object Name", login: "pat").output
        #expect(cmdlets.allSatisfy { LimitedSessionCommands.allows($0) || $0.contains("-Cs") || $0.contains("-AD") }, "\(cmdlets)")
        let language = try f.endpoint("$ExecutionContext.SessionState.LanguageMode", login: "pat").output
        #expect(language == ["ConstrainedLanguage"])
        let ok = try f.endpoint("1..3 | Where-Object { $_ -gt 1 } | Measure-Object | ForEach-Object Count; Get-Date | Out-Null", login: "pat")
        #expect(ok.errors.isEmpty && ok.output == ["2"], "\(ok)")
        let script = try f.endpoint("function Shout { Import-Module GroupChatAuthoring }; Shout", login: "pat")
        #expect(script.errors.contains("is not among them"), "\(script.errors)")
    }

    @Test("An unrestricted administrator's endpoint session works as the local console")
    func administrator() throws {
        let f = DeploymentFixture()
        try f.run("Get-CsAdminRole | Out-Null")
        let result = try f.endpoint("New-CsAdminRole -Identity Mine -Template CsHelpDesk | Out-Null; 'x' | Set-Content '\(f.root.path)/free.txt'; $ExecutionContext.SessionState.LanguageMode",
                                    login: "labadmin")
        #expect(result.errors.contains("group 'Mine'") || result.errors.isEmpty, "\(result.errors)")
        #expect(result.output == ["FullLanguage"])
        #expect(FileManager.default.fileExists(atPath: f.root.appendingPathComponent("free.txt").path))
    }

    @Test("A disabled or deleted user is refused at the next command, audited under the authenticated name with the login")
    func disabledAndDeleted() throws {
        let f = DeploymentFixture()
        try f.addUser("pat", groups: ["CsPersistentChatAdministrator"])
        let host = RecordingHostUI()
        let session = f.endpointSession(login: "pat", host: host)
        _ = try session.evaluate("Get-Date | Out-Null")
        #expect(host.text(of: .error).isEmpty)
        try f.store().write { db in try db.execute(sql: "UPDATE directoryUser SET enabled = 0 WHERE samAccountName = 'pat'") }
        _ = try session.evaluate("Get-CsPersistentChatRoom; Get-Date")
        #expect(host.text(of: .error).contains("is disabled"), "\(host.text(of: .error))")
        let entry = try f.store().read { db in
            try Row.fetchOne(db, sql: "SELECT user, parameters, outcome FROM auditEntry WHERE outcome = 'Denied' ORDER BY id DESC LIMIT 1")
        }
        #expect(entry?["user"] as String? == "pat")
        #expect((entry?["parameters"] as String?)?.contains("\"EndpointLogin\":\"pat\"") == true)
        // Deleted: refused too, and a disabled account keeps nothing on the local console either.
        try f.store().write { db in try db.execute(sql: "DELETE FROM directoryUser WHERE samAccountName = 'pat'") }
        _ = try session.evaluate("Get-Date")
        #expect(host.text(of: .error).contains("no directory user"), "\(host.text(of: .error))")
        try f.addUser("ann", groups: ["CsPersistentChatAdministrator"])
        try f.store().write { db in try db.execute(sql: "UPDATE directoryUser SET enabled = 0 WHERE samAccountName = 'ann'") }
        #expect(try f.errors("Get-CsPersistentChatRoom", user: "ann").contains("is disabled, so holds no role"))
    }

    @Test("A login mapped to another user mid-session is refused until it connects again")
    func mappingChanged() throws {
        let f = DeploymentFixture()
        try f.addUser("pat", groups: ["CsPersistentChatAdministrator"])
        try f.addUser("other")
        let host = RecordingHostUI()
        let session = f.endpointSession(login: "pat", host: host)
        _ = try session.evaluate("Get-Date | Out-Null")
        try f.store().write { db in _ = try ManagementLoginRepository.set(login: "pat", samAccountName: "other", changedBy: "labadmin", in: db) }
        _ = try session.evaluate("Get-Date")
        #expect(host.text(of: .error).contains("now acts as 'other'"), "\(host.text(of: .error))")
    }

    @Test("A role revoked by another session stops a long pipeline at the next object")
    func revocationMidPipeline() throws {
        let f = try PersistentChatCmdletTests.rooms()
        try f.addUser("pat", groups: ["CsPersistentChatAdministrator"])
        let host = TriggerHost(marker: "revoke") {
            try f.store().write { db in
                try db.execute(sql: "DELETE FROM groupMember WHERE groupName = 'CsPersistentChatAdministrator' AND memberName = 'pat'")
            }
        }
        let session = f.endpointSession(login: "pat", host: host)
        _ = try session.evaluate("""
            $n = 0
            Get-CsPersistentChatRoom -PersistentChatPoolFqdn atl-cs-001.litwareinc.com | ForEach-Object {
                $n++; if ($n -eq 2) { Write-Host revoke }; $_ } | Set-CsPersistentChatRoom -Description changed
            """)
        #expect(host.inner.text(of: .error).contains("holds no role"), "\(host.inner.text(of: .error))")
        let described = try f.strings("Get-CsPersistentChatRoom -PersistentChatPoolFqdn atl-cs-001.litwareinc.com | Where-Object Description -eq changed | Measure-Object | ForEach-Object Count")
        #expect(described == ["1"])
        #expect(try f.deniedCount("pat") >= 1)
    }

    @Test("A home without a store refuses everything to an endpoint session and stays without one")
    func noStore() throws {
        let f = DeploymentFixture()
        try FileManager.default.createDirectory(at: f.home.root, withIntermediateDirectories: true)
        for script in ["Get-CsAdminRole", "Get-Content '\(f.exchange.path)/x.txt'", "Get-Date"] {
            let result = try f.endpoint(script, login: "labadmin")
            #expect(!result.errors.isEmpty, "\(script)")
            #expect(result.output.isEmpty, "\(script): \(result.output)")
        }
        #expect(try f.endpoint("Get-Command | ForEach-Object Name", login: "labadmin").output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: f.home.storeFile.path))
    }

    @Test("Granted folders are per role and never inside the home")
    func grantsPerRole() throws {
        let f = DeploymentFixture()
        try f.addUser("pat", groups: ["CsPersistentChatAdministrator"])
        try f.addUser("kenmyer", groups: ["CsHelpDesk"])
        try FileManager.default.createDirectory(at: f.exchange, withIntermediateDirectories: true)
        try "hi\n".write(to: f.exchange.appendingPathComponent("n.txt"), atomically: true, encoding: .utf8)
        let configuration = EndpointConfiguration(roleFolders: ["CsPersistentChatAdministrator": [f.exchange.path, f.home.root.path]])
        #expect(try f.endpoint("Get-Content '\(f.exchange.path)/n.txt'", login: "pat", configuration: configuration).output == ["hi"])
        #expect(try f.endpoint("Get-ChildItem '\(f.home.root.path)'", login: "pat", configuration: configuration).errors.contains("part of the deployment home"))
        #expect(try f.endpoint("Get-Content '\(f.exchange.path)/n.txt'", login: "kenmyer", configuration: configuration).errors
            .contains("none is granted to them"))
    }
}

import Foundation
import Testing
@testable import LyncCmdlets
import GRDB
import LyncDeployment

/// The issue's pieces working together: the documented example topology, collocated roles, and
/// the migration's deployment steps split between an administrator and a Persistent Chat
/// administrator.
@Suite("Deployment scenarios")
struct DeploymentScenarioTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/topology")

    @Test("A pool with a collocated Persistent Chat role takes endpoints; its Front End role registers trusted pools")
    func collocatedRoles() throws {
        let f = DeploymentFixture()
        let file = Self.examples.appendingPathComponent("doc-examples.json").path
        try f.run("Publish-CsTopology -FileName '\(file)'; Enable-CsTopology")
        let result = try f.outcome("""
            New-CsPersistentChatEndpoint -SipAddress sip:pc@litwareinc.com -PersistentChatPoolFqdn atl-cs-001.litwareinc.com -PassThru | ForEach-Object SipAddress
            New-CsTrustedApplicationPool -Identity trust9.litwareinc.com -Registrar atl-cs-001.litwareinc.com -Site Redmond -Confirm:$false | Out-Null
            (Get-CsTrustedApplicationPool trust9.litwareinc.com).Registrar
            """, user: "labadmin")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output == ["sip:pc@litwareinc.com", "Registrar:atl-cs-001.litwareinc.com"])
    }

    @Test("The migration's deployment steps: the chat administrator replaces the Lookup account's address; only an administrator decommissions")
    func migrationSteps() throws {
        let f = DeploymentFixture()
        let file = Self.examples.appendingPathComponent("litwareinc.json").path
        let setup = try f.outcome("""
            Publish-CsTopology -FileName '\(file)'; Enable-CsTopology
            New-ADUser -Name ocschat -SamAccountName ocschat -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:ocschat@litwareinc.com'}
            New-ADUser -Name 'Pat Chat' -SamAccountName patchat
            Add-ADGroupMember -Identity CsPersistentChatAdministrator -Members patchat
            New-CsTrustedApplicationPool -Identity atl-gc-001.litwareinc.com -Registrar atl-cs-001.litwareinc.com -Site Redmond -Confirm:$false | Out-Null
            New-CsTrustedApplication -ApplicationId GroupChat -TrustedApplicationPoolFqdn atl-gc-001.litwareinc.com -Port 5041 -Confirm:$false | Out-Null
            """, user: "labadmin")
        #expect(setup.errors.isEmpty, "\(setup.errors)")
        // The chat administrator may not stop services, nor delete the Lookup user.
        let chat = try f.outcome("""
            Stop-CsWindowsService -Name RTCCHAT -ComputerName atl-pcpool-001.litwareinc.com
            New-CsPersistentChatEndpoint -SipAddress sip:ocschat@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com
            Remove-ADUser ocschat -Confirm:$false
            """, user: "patchat")
        #expect(chat.errors.contains("may not run Stop-CsWindowsService"))
        #expect(chat.errors.contains("already used by the user 'ocschat'"))
        #expect(chat.errors.contains("may not run Remove-ADUser"))
        try f.run("Remove-ADUser ocschat -Confirm:$false", user: "labadmin")
        let replaced = try f.outcome("""
            New-CsPersistentChatEndpoint -SipAddress sip:ocschat@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com -DisplayName 'Legacy Lookup' -PassThru | ForEach-Object DisplayName
            Remove-CsTrustedApplication -Identity atl-gc-001.litwareinc.com/GroupChat -Confirm:$false
            """, user: "patchat")
        #expect(replaced.output == ["Legacy Lookup"])
        #expect(replaced.errors.contains("may not run Remove-CsTrustedApplication"))
        let decommission = try f.outcome("""
            Remove-CsTrustedApplication -Identity atl-gc-001.litwareinc.com/GroupChat -Confirm:$false
            Remove-CsTrustedApplicationPool -Identity atl-gc-001.litwareinc.com -Confirm:$false
            @(Get-CsTrustedApplicationPool).Count
            """, user: "labadmin")
        #expect(decommission.errors.isEmpty, "\(decommission.errors)")
        #expect(decommission.output == ["0"])
        let audit = try f.strings("Search-CsAdminAuditLog -User patchat | ForEach-Object { $_.Command + ' ' + $_.Outcome }")
        #expect(audit.contains("New-CsPersistentChatEndpoint Succeeded"))
        #expect(audit.contains("Stop-CsWindowsService Denied"))
        #expect(audit.contains("Remove-CsTrustedApplication Denied"))
    }
}

@Suite("Deployment views")
struct DeploymentViewTests {
    @Test("Trusted applications show as lists by default and as compact tables with Format-Table")
    func trustedApplicationTables() throws {
        let f = DeploymentFixture()
        try f.run("New-CsTrustedApplicationPool -Identity trust.litwareinc.com -Registrar pool0.litwareinc.com -Site 1 -Confirm:$false | Out-Null; New-CsTrustedApplication -ApplicationId tapp1 -TrustedApplicationPoolFqdn trust.litwareinc.com -Port 6000 -Confirm:$false | Out-Null")
        let list = try f.formatted("Get-CsTrustedApplication")
        #expect(list.contains("ComputerGruus") && list.contains("Port                       : 6000"))
        let table = try f.formatted("Get-CsTrustedApplication | Format-Table")
        let lines = table.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("Identity") && $0.hasSuffix("Port Protocol") })
        #expect(lines.contains { $0.hasPrefix("trust.litwareinc.com/urn:application:tapp1") && $0.hasSuffix("6000 Mtls") })
        #expect(try f.formatted("Get-CsTrustedApplicationPool | Format-Table").contains("PoolFqdn"))
    }
}

@Suite("Enabling the topology creates the Persistent Chat databases")
struct PersistentChatDatabaseCreationTests {
    @Test("Enable-CsTopology gives each Persistent Chat pool its mgc database with the documented tables")
    func created() throws {
        let f = DeploymentFixture()
        let file = DeploymentScenarioTests.examples.appendingPathComponent("litwareinc.json").path
        try f.run("Publish-CsTopology -FileName '\(file)'; Enable-CsTopology")
        let database = try f.home.databaseFile(instance: "atl-sql-001.litwareinc.com\\rtc", database: "mgc")
        let tables = try PersistentChatDatabase.open(file: database).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'tbl%'")
        }
        #expect(tables.contains("tblNode") && tables.contains("tblChat") && tables.contains("tblPrincipalInvites"))
    }
}

@Suite("Get-CsSite")
struct GetCsSiteTests {
    @Test("Sites by identity, name, SiteId and wildcard; an unknown one is an error naming the known ones")
    func sites() throws {
        let f = DeploymentFixture()
        let file = DeploymentScenarioTests.examples.appendingPathComponent("doc-examples.json").path
        try f.run("Publish-CsTopology -FileName '\(file)'")
        let all = try f.strings("Get-CsSite | ForEach-Object Identity")
        #expect(all.contains("Site:Redmond") && all.count >= 2)
        #expect(try f.strings("(Get-CsSite Site:Redmond).Name") == ["Redmond"])
        #expect(try f.strings("(Get-CsSite redmond).Identity") == ["Site:Redmond"])
        let id = try f.strings("(Get-CsSite Redmond).SiteId")
        #expect(try f.strings("(Get-CsSite \(id.first ?? "0")).Name") == ["Redmond"])
        #expect(try f.strings("(Get-CsSite -Filter 'Site:Red*').Name") == ["Redmond"])
        #expect(try f.errors("Get-CsSite Nowhere").contains("Known sites: "))
    }
}

@Suite("Endpoint removal with -Force")
struct EndpointForceRemovalTests {
    @Test("-Force skips a missing endpoint quietly but never picks one of two endpoints sharing a display name")
    func ambiguousNamesStayAnError() throws {
        let f = DeploymentFixture()
        let file = DeploymentScenarioTests.examples.appendingPathComponent("litwareinc.json").path
        try f.run("""
            Publish-CsTopology -FileName '\(file)'
            New-CsPersistentChatEndpoint -SipAddress sip:a@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com -DisplayName Chat
            New-CsPersistentChatEndpoint -SipAddress sip:b@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com -DisplayName Chat
            """)
        #expect(try f.errors("Remove-CsPersistentChatEndpoint -Identity nobody -Force").isEmpty)
        #expect(try f.errors("Remove-CsPersistentChatEndpoint -Identity Chat -Force").contains("2 Persistent Chat endpoints have the display name 'Chat'"))
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint).Count") == ["2"])
        #expect(try f.errors("Remove-CsPersistentChatEndpoint -Identity SIP:a@litwareinc.com -Force").isEmpty)
        #expect(try f.strings("(Get-CsPersistentChatEndpoint).SipAddress") == ["sip:b@litwareinc.com"])
    }
}

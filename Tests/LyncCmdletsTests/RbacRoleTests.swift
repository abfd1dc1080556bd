import Foundation
import Testing
import LyncDeployment
import PSRuntime
@testable import LyncCmdlets

@Suite("RBAC roles")
struct RbacRoleTests {
    @Test("The 11 built-in roles exist, each with a cmdlet list; CsAdministrator has every role-checked cmdlet")
    func builtinRoles() throws {
        let f = DeploymentFixture()
        let names = try f.strings("Get-CsAdminRole | ForEach-Object Identity")
        #expect(names.count == 11)
        #expect(Set(names) == Set(BuiltinRoles.roles.map(\.identity)))
        let adminCount = try f.strings("(Get-CsAdminRole CsAdministrator).Cmdlets.Count")
        let managed = try f.strings("@(Get-Command | Where-Object { $_.Source -in 'Lync', 'ActiveDirectory', 'GroupChatAuthoring' }).Count")
        #expect(adminCount == managed)
        #expect(try f.strings("(Get-CsAdminRole -Identity cshelpdesk).IsStandardRole") == ["True"])
    }

    @Test("View-only roles get only Get- and Search- cmdlets; CsPersistentChatAdministrator gets its area")
    func roleContents() throws {
        let f = DeploymentFixture()
        let view = try f.strings("Get-CsAdminRole CsViewOnlyAdministrator | Select-Object -ExpandProperty Cmdlets")
        #expect(!view.isEmpty)
        #expect(view.allSatisfy { $0.hasPrefix("Get-") || $0.hasPrefix("Search-") })
        let rbacCmdlets = try f.strings("Get-CsAdminRole | Where-Object {$_.Cmdlets -match 'New-CsAdminRole'} | ForEach-Object Identity")
        #expect(rbacCmdlets == ["CsAdministrator"])
        #expect(try f.strings("(Get-CsAdminRole -Filter '*Chat*').Identity") == ["CsPersistentChatAdministrator"])
    }

    @Test("New-CsAdminRole needs the group, a built-in template and known cmdlets")
    func newRoleRules() throws {
        let f = DeploymentFixture()
        #expect(try f.errors("New-CsAdminRole -Identity ChatOps -Template CsPersistentChatAdministrator").contains("There is no directory group 'ChatOps'"))
        try f.addGroup("ChatOps")
        #expect(try f.errors("New-CsAdminRole -Identity ChatOps -Template NoSuchRole").contains("not a built-in role"))
        #expect(try f.errors("New-CsAdminRole -Identity ChatOps -Template CsHelpDesk -Cmdlets @{Add='Format-Table'}").contains("not a cmdlet that roles control"))
        #expect(try f.roleNames().count == 11)
        let created = try f.strings("""
            $r = New-CsAdminRole -Identity ChatOps -Template CsViewOnlyAdministrator -Cmdlets @{Add='New-CsAdminRole'} -UserScopes 'OU:ou=Redmond,dc=litwareinc,dc=com'
            $r.Template; $r.IsStandardRole; $r.Cmdlets -contains 'New-CsAdminRole'; $r.UserScopes
            """)
        #expect(created == ["CsViewOnlyAdministrator", "False", "True", "OU:ou=Redmond,dc=litwareinc,dc=com"])
        #expect(try f.errors("New-CsAdminRole -Identity ChatOps -Template CsHelpDesk").contains("already exists"))
    }

    @Test("-WhatIf and -InMemory leave the store unchanged")
    func newRoleWithoutCommit() throws {
        let f = DeploymentFixture()
        try f.addGroup("ChatOps")
        let run = try f.run("New-CsAdminRole ChatOps -Template CsHelpDesk -WhatIf")
        #expect(run.host.output.contains("What if"))
        #expect(try f.strings("(New-CsAdminRole ChatOps -Template CsHelpDesk -InMemory).Identity") == ["ChatOps"])
        #expect(try !f.roleNames().contains("ChatOps"))
    }

    @Test("Set-CsAdminRole changes custom roles; built-in roles only take script modules")
    func setRole() throws {
        let f = DeploymentFixture()
        try f.addGroup("ChatOps")
        try f.run("New-CsAdminRole ChatOps -Template CsHelpDesk")
        try f.run("Set-CsAdminRole ChatOps -Cmdlets @{Add='Remove-CsAdminRole'} -ConfigScopes @{Add='site:Redmond'}")
        #expect(try f.strings("$r = Get-CsAdminRole ChatOps; $r.Cmdlets -contains 'Remove-CsAdminRole'; $r.ConfigScopes -join ','")
                == ["True", "Global,site:Redmond"])
        try f.run("Set-CsAdminRole ChatOps -Cmdlets @{Remove='Remove-CsAdminRole'}")
        #expect(try f.strings("(Get-CsAdminRole ChatOps).Cmdlets -contains 'Remove-CsAdminRole'") == ["False"])
        #expect(try f.errors("Set-CsAdminRole CsHelpDesk -Cmdlets @{Add='New-CsAdminRole'}").contains("built-in role"))
        try f.run("Set-CsAdminRole CsHelpDesk -ScriptModules @{Add='testScript.ps1'}")
        #expect(try f.strings("(Get-CsAdminRole CsHelpDesk).ScriptModules") == ["testScript.ps1"])
    }

    @Test("Remove-CsAdminRole deletes custom roles, refuses built-in ones, and honours -Filter and the pipeline")
    func removeRole() throws {
        let f = DeploymentFixture()
        for name in ["RedmondHelpDesk", "RedmondVoice", "Other"] {
            try f.addGroup(name)
            try f.run("New-CsAdminRole \(name) -Template CsHelpDesk")
        }
        #expect(try f.errors("Remove-CsAdminRole CsHelpDesk -Confirm:$false").contains("built-in role and cannot be removed"))
        #expect(try f.errors("Remove-CsAdminRole RedmondHelpDesk").contains("non-interactive"))
        try f.run("Remove-CsAdminRole -Identity RedmondHelpDesk -Force")
        try f.run("Remove-CsAdminRole -Filter '*Redmond*' -Confirm:$false")
        #expect(try f.roleNames().count == 12)
        try f.run("Get-CsAdminRole | Where-Object {$_.IsStandardRole -eq $False} | Remove-CsAdminRole -Confirm:$false")
        #expect(try f.roleNames().count == 11)
    }

    @Test("Get-CsAdminRoleAssignment follows nested groups; unknown users are an error")
    func assignments() throws {
        let f = DeploymentFixture()
        try f.addGroup("HelpDeskTeam", memberOf: "CsHelpDesk")
        try f.addUser("kenmyer", groups: ["HelpDeskTeam", "CsPersistentChatAdministrator"])
        #expect(try f.strings("Get-CsAdminRoleAssignment -Identity 'kenmyer'").sorted() == ["CsHelpDesk", "CsPersistentChatAdministrator"])
        #expect(try f.errors("Get-CsAdminRoleAssignment nobody").contains("There is no user with the SamAccountName 'nobody'"))
    }

    @Test("Roles show as lists by default and as a compact table with Format-Table")
    func views() throws {
        let f = DeploymentFixture()
        #expect(try f.formatted("Get-CsAdminRole CsHelpDesk").contains("Cmdlets        : {"))
        let table = try f.formatted("Get-CsAdminRole | Format-Table")
        #expect(table.contains("IsStandardRole Template") && !table.contains("Cmdlets"))
    }

    @Test("A session sees role changes made elsewhere at its next command, and only then re-reads them")
    func identityFollowsChanges() throws {
        let f = DeploymentFixture()
        try f.addUser("kenmyer")
        let ken = f.session(user: "kenmyer")
        let host = ken.host as! RecordingHostUI
        _ = try ken.evaluate("Get-CsAdminRole CsHelpDesk | Out-Null")
        #expect(host.text(of: .error).contains("holds no role"))
        try f.run("Add-ADGroupMember -Identity CsHelpDesk -Members kenmyer")
        let generation = try f.store().read { try CentralManagementStore.securityGeneration(in: $0) }
        _ = try ken.evaluate("$n = (Get-CsAdminRole CsHelpDesk).Identity")
        #expect(try ken.evaluate("$n").map { LanguagePrimitives.toString($0, context: nil) } == ["CsHelpDesk"])
        // Audit entries and other writes do not move the generation.
        try f.run("New-ADGroup -Name Other -GroupScope Universal -WhatIf")
        #expect(try f.store().read { try CentralManagementStore.securityGeneration(in: $0) } == generation)
        try f.run("Remove-ADGroupMember -Identity CsHelpDesk -Members kenmyer -Confirm:$false")
        #expect(try f.store().read { try CentralManagementStore.securityGeneration(in: $0) } != generation)
        _ = try ken.evaluate("Get-CsAdminRole CsHelpDesk | Out-Null")
        #expect(host.text(of: .error).components(separatedBy: "holds no role").count == 3)
    }

    @Test("Help exists for every RBAC cmdlet")
    func help() throws {
        let f = DeploymentFixture()
        for name in ["Get-CsAdminRole", "Get-CsAdminRoleAssignment", "New-CsAdminRole", "Set-CsAdminRole", "Remove-CsAdminRole",
                     "Search-CsAdminAuditLog"] {
            let text = try f.strings("Get-Help \(name) | Out-String").joined()
            #expect(text.contains("SYNOPSIS") && text.contains(name), "\(name)")
        }
    }

    @Test("The documented role lookups run as written")
    func documentedExamples() throws {
        let f = DeploymentFixture()
        let lines = [
            "Get-CsAdminRole",
            "Get-CsAdminRole -Identity \"CsHelpDesk\"",
            "Get-CsAdminRole -Filter \"*Voice*\"",
            "Get-CsAdminRole | Where-Object {$_.IsStandardRole -eq $False}",
            "Get-CsAdminRole -Identity \"CsHelpDesk\" | Select-Object -ExpandProperty Cmdlets",
            "Get-CsAdminRole | Where-Object {$_.Cmdlets –match \"Get-CsAdminRole\\b\"}",
            "Get-CsAdminRole | Where-Object {$_.UserScopes -match \"OU: ou=Redmond,dc=litwareinc,dc=com\"}",
        ]
        for line in lines {
            #expect(try f.errors(line).isEmpty, "\(line)")
        }
        #expect(try f.strings("(Get-CsAdminRole | Where-Object {$_.Cmdlets –match \"Get-CsAdminRole\\b\"}).Count") == ["11"])
    }
}

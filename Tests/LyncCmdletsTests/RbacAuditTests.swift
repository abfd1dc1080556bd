import Foundation
import Testing
import LyncDeployment
@testable import LyncCmdlets

@Suite("RBAC audit log")
struct RbacAuditTests {
    @Test("State-changing commands are logged with user, roles, parameters, -WhatIf and outcome; reads are not")
    func logged() throws {
        let f = DeploymentFixture()
        try f.addGroup("ChatOps")
        try f.run("Get-CsAdminRole | Out-Null; New-CsAdminRole -Identity ChatOps -Template CsHelpDesk -WhatIf; New-CsAdminRole -Identity ChatOps -Template CsHelpDesk")
        try f.run("New-CsAdminRole -Identity ChatOps -Template CsHelpDesk")
        let rows = try f.strings("""
            Search-CsAdminAuditLog | ForEach-Object { '{0}|{1}|{2}|{3}|{4}' -f $_.User, $_.Command, $_.WhatIf, $_.Outcome, $_.Parameters }
            """)
        #expect(rows == [
            "labadmin|New-CsAdminRole|False|Failed|-Identity ChatOps -Template CsHelpDesk",
            "labadmin|New-CsAdminRole|False|Succeeded|-Identity ChatOps -Template CsHelpDesk",
            "labadmin|New-CsAdminRole|True|Succeeded|-Identity ChatOps -Template CsHelpDesk",
        ])
        #expect(try f.strings("(Search-CsAdminAuditLog -ResultSize 1).Detail").first?.contains("already exists") == true)
        #expect(try f.strings("(Search-CsAdminAuditLog -ResultSize 1).Roles") == ["RTCUniversalServerAdmins"])
    }

    @Test("Filters: -User, -Cmdlet wildcards, -StartDate/-EndDate, -ResultSize")
    func filters() throws {
        let f = DeploymentFixture()
        try f.addUser("kenmyer", groups: ["CsHelpDesk"])
        try f.addGroup("A")
        try f.run("New-CsAdminRole A -Template CsHelpDesk; Set-CsAdminRole A -ScriptModules x.ps1")
        try f.run("Remove-CsAdminRole A -Force", user: "kenmyer")
        #expect(try f.strings("(Search-CsAdminAuditLog -User kenmyer).Outcome") == ["Denied"])
        #expect(try f.strings("(Search-CsAdminAuditLog -User kenmyer).Roles") == ["CsHelpDesk"])
        #expect(try f.strings("(Search-CsAdminAuditLog -Cmdlet Set-Cs*).Command") == ["Set-CsAdminRole"])
        #expect(try f.strings("@(Search-CsAdminAuditLog -ResultSize 2).Count") == ["2"])
        #expect(try f.strings("@(Search-CsAdminAuditLog -StartDate (Get-Date).AddMinutes(-5) -EndDate (Get-Date).AddMinutes(5)).Count") == ["3"])
        #expect(try f.strings("@(Search-CsAdminAuditLog -StartDate (Get-Date).AddDays(1)).Count") == ["0"])
    }

    @Test("Pipelines record how many objects reached the command")
    func pipelineInput() throws {
        let f = DeploymentFixture()
        for name in ["A", "B"] {
            try f.addGroup(name)
            try f.run("New-CsAdminRole \(name) -Template CsHelpDesk")
        }
        try f.run("Get-CsAdminRole | Where-Object IsStandardRole -eq $false | Remove-CsAdminRole -Confirm:$false")
        #expect(try f.strings("(Search-CsAdminAuditLog -Cmdlet Remove-CsAdminRole).Detail") == ["(2 pipeline objects)"])
        #expect(try f.roleNames().count == 11)
    }
}

import Foundation
import Testing
import LyncDeployment
@testable import LyncCmdlets
@testable import PSHost

/// Sessions limited to one role (`pcsh -Role`): only that role's cmdlets, constrained language,
/// no way to raise their own rights.
@Suite("RBAC role-limited sessions")
struct RbacRestrictedSessionTests {
    @Test("An administrator limited to CsHelpDesk can only view")
    func administratorLimited() throws {
        let f = DeploymentFixture()
        try f.addGroup("Victim")
        try f.run("New-CsAdminRole Victim -Template CsHelpDesk")
        let result = try f.outcome("Get-CsAdminRole Victim | ForEach-Object Identity; Remove-CsAdminRole Victim -Force",
                                   user: "labadmin", role: "CsHelpDesk")
        #expect(result.output == ["Victim"])
        #expect(result.errors.contains("this session is limited to CsHelpDesk"))
        #expect(try f.roleNames().contains("Victim"))
    }

    @Test("Get-Command shows only what the role may run")
    func commandListing() throws {
        let f = DeploymentFixture()
        try f.run("'created'")
        let limited = try f.strings("Get-Command -Module Lync | ForEach-Object Name", user: "labadmin", role: "CsViewOnlyAdministrator")
        #expect(!limited.isEmpty)
        #expect(limited.allSatisfy { $0.hasPrefix("Get-") || $0.hasPrefix("Search-") })
        let full = try f.strings("Get-Command -Module Lync | ForEach-Object Name")
        #expect(full.contains("New-CsAdminRole"))
        #expect(try f.strings("Get-Command Invoke-Expression -ErrorAction SilentlyContinue", user: "labadmin", role: "CsHelpDesk").isEmpty)
        #expect(try f.strings("(Get-Command Where-Object).Name", user: "labadmin", role: "CsHelpDesk") == ["Where-Object"])
    }

    @Test("The language is constrained: no file, environment or script-block calls; core types still work")
    func constrainedLanguage() throws {
        let f = DeploymentFixture()
        let target = f.root.appendingPathComponent("written.txt").path
        let denied = [
            ("[System.IO.File]::WriteAllText('\(target)', 'x')", "Method invocation is supported only on core types"),
            ("[Environment]::SetEnvironmentVariable('X', '1')", "Method invocation is supported only on core types"),
            ("[scriptblock]::Create('Get-Date')", "Method invocation is supported only on core types"),
            ("[scriptblock]'Get-Date'", "Only core types are supported"),
            ("New-Object -TypeName System.IO.File", "Cannot create type. Only core types are supported"),
            ("Invoke-Expression 'Get-Date'", "cannot run Invoke-Expression"),
            ("/bin/true", "Outside programs"),
        ]
        for (script, message) in denied {
            let result = try f.outcome(script, user: "labadmin", role: "CsAdministrator")
            #expect(result.errors.contains(message), "\(script): \(result.errors)")
        }
        #expect(!FileManager.default.fileExists(atPath: target))
        let allowed = try f.outcome("[int]'5' + 1; [math]::Max(2, 3); [string]::Join('-', @('a','b')); (Get-Date).Year -gt 2000",
                                    user: "labadmin", role: "CsAdministrator")
        #expect(allowed.errors.isEmpty)
        #expect(allowed.output == ["6", "3", "a-b", "True"])
        #expect(try f.strings("$ExecutionContext.SessionState.LanguageMode", user: "labadmin", role: "CsHelpDesk") == ["ConstrainedLanguage"])
        #expect(try f.strings("$ExecutionContext.SessionState.LanguageMode") == ["FullLanguage"])
    }

    @Test("A user can only limit the session to a role they hold")
    func roleMustBeHeld() throws {
        let f = DeploymentFixture()
        try f.addUser("kenmyer", groups: ["CsHelpDesk"])
        let holding = f.session(user: "kenmyer", role: "CsHelpDesk")
        #expect(LyncCmdlets.restrictedRoleProblem(holding) == nil)
        let other = f.session(user: "kenmyer", role: "CsAdministrator")
        #expect(LyncCmdlets.restrictedRoleProblem(other)?.contains("does not hold the role 'CsAdministrator'") == true)
        let unknown = f.session(user: "kenmyer", role: "NoSuchRole")
        #expect(LyncCmdlets.restrictedRoleProblem(unknown)?.contains("There is no RBAC role 'NoSuchRole'") == true)
        // An administrator may limit themselves to any role.
        #expect(LyncCmdlets.restrictedRoleProblem(f.session(user: "labadmin", role: "CsHelpDesk")) == nil)
    }
}

@Suite("RBAC role-limited completion")
struct RbacRestrictedCompletionTests {
    @Test("Tab completion offers only the commands the session's role may run")
    func completionFollowsRole() throws {
        let f = DeploymentFixture()
        try f.run("'create the store'")
        let limited = CompletionEngine(context: f.session(user: "labadmin", role: "CsViewOnlyAdministrator"))
        #expect(limited.commandNames(prefix: "Get-CsAdminRole") == ["Get-CsAdminRole", "Get-CsAdminRoleAssignment"])
        #expect(limited.commandNames(prefix: "New-CsAdmin").isEmpty)
        #expect(limited.commandNames(prefix: "Invoke-Expr").isEmpty)
        let full = CompletionEngine(context: f.session(user: "labadmin"))
        #expect(full.commandNames(prefix: "New-CsAdmin") == ["New-CsAdminRole"])
    }
}

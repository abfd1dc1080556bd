import Foundation
import Testing
import LyncDeployment
@testable import LyncCmdlets

/// Every way of reaching a command, tried by a user whose roles do not allow it: each must meet
/// the same role check, fail with PermissionDenied, and change nothing.
@Suite("RBAC bypass attempts")
struct RbacBypassTests {
    /// A deployment with a custom role `Victim` and the help-desk user `kenmyer`.
    static func fixture() throws -> DeploymentFixture {
        let f = DeploymentFixture()
        try f.addGroup("Victim")
        try f.run("New-CsAdminRole -Identity Victim -Template CsHelpDesk")
        try f.addUser("kenmyer", groups: ["CsHelpDesk"])
        return f
    }

    static let attempts: [(String, String)] = [
        ("direct", "Remove-CsAdminRole -Identity Victim -Force"),
        ("with -WhatIf", "Remove-CsAdminRole -Identity Victim -WhatIf"),
        ("alias", "Set-Alias zap Remove-CsAdminRole; zap -Identity Victim -Force"),
        ("new alias to alias", "New-Alias zz Remove-CsAdminRole; Set-Alias z2 zz; z2 Victim -Force"),
        ("call operator", "& Remove-CsAdminRole -Identity Victim -Force"),
        ("call operator on a string", "$c = 'Remove-CsAdminRole'; & $c Victim -Force"),
        ("call operator on command info", "& (Get-Command Remove-CsAdminRole) -Identity Victim -Force"),
        ("dot operator", ". Remove-CsAdminRole -Identity Victim -Force"),
        ("splatting", "$p = @{ Identity = 'Victim'; Force = $true }; Remove-CsAdminRole @p"),
        ("array splatting", "$a = 'Victim'; Remove-CsAdminRole @a -Force"),
        ("pipeline by property", "Get-CsAdminRole Victim | Remove-CsAdminRole -Force"),
        ("pipeline of objects", "[pscustomobject]@{Identity='Victim'} | Remove-CsAdminRole -Force"),
        ("ForEach-Object", "'Victim' | ForEach-Object { Remove-CsAdminRole -Identity $_ -Force }"),
        ("Invoke-Expression", "Invoke-Expression 'Remove-CsAdminRole -Identity Victim -Force'"),
        ("script block", "& { Remove-CsAdminRole -Identity Victim -Force }"),
        ("dot-sourced script block", ". { param($n) Remove-CsAdminRole -Identity $n -Force } Victim"),
        ("scriptblock Create", "& ([scriptblock]::Create('Remove-CsAdminRole -Identity Victim -Force'))"),
        ("function", "function Clean { Remove-CsAdminRole -Identity Victim -Force }; Clean"),
        ("advanced function with pipeline", "function Clean { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$n) process { Remove-CsAdminRole $n -Force } }; 'Victim' | Clean"),
        ("changing PCSH_USER", "$env:PCSH_USER = 'labadmin'; Remove-CsAdminRole -Identity Victim -Force"),
        ("Set-CsAdminRole on the victim", "Set-CsAdminRole -Identity Victim -Cmdlets @{Add='Remove-CsAdminRole'}"),
        ("granting itself a role", "New-CsAdminRole -Identity CsHelpDesk2 -Template CsAdministrator"),
        ("try/catch swallowing", "try { Remove-CsAdminRole -Identity Victim -Force -ErrorAction Stop } catch { }; Remove-CsAdminRole Victim -Force"),
    ]

    @Test("A denied command changes nothing, whatever path reaches it", arguments: attempts.map(\.0))
    func attempt(_ name: String) throws {
        let f = try Self.fixture()
        let script = try #require(Self.attempts.first { $0.0 == name }?.1)
        let before = try f.roleNames()
        let result = try f.outcome(script, user: "kenmyer")
        let after = try f.roleNames()
        #expect(after == before, "\(name): roles changed")
        #expect(try f.strings("(Get-CsAdminRole Victim).Cmdlets -contains 'Remove-CsAdminRole'") == ["False"])
        if name != "try/catch swallowing" {
            #expect(result.errors.contains("Access denied: 'kenmyer' may not run"), "\(name): \(result.errors)")
        }
        let denied = try f.strings("@(Search-CsAdminAuditLog -User kenmyer | Where-Object Outcome -eq Denied).Count")
        #expect(denied != ["0"], "\(name): no denial audited")
    }

    @Test("A script file and a module function meet the same check")
    func scriptFileAndModule() throws {
        let f = try Self.fixture()
        let script = try f.file("clean.ps1", "param($Name)\nRemove-CsAdminRole -Identity $Name -Force\n")
        let moduleFolder = f.root.appendingPathComponent("Cleaner")
        try FileManager.default.createDirectory(at: moduleFolder, withIntermediateDirectories: true)
        try "function Invoke-Clean { Remove-CsAdminRole -Identity Victim -Force }\nExport-ModuleMember -Function Invoke-Clean\n"
            .write(to: moduleFolder.appendingPathComponent("Cleaner.psm1"), atomically: true, encoding: .utf8)
        let viaFile = try f.outcome("& '\(script)' -Name Victim", user: "kenmyer")
        #expect(viaFile.errors.contains("Access denied"))
        let viaModule = try f.outcome("Import-Module '\(moduleFolder.path)'; Invoke-Clean", user: "kenmyer")
        #expect(viaModule.errors.contains("Access denied"))
        #expect(try f.roleNames().contains("Victim"))
    }

    @Test("Outside programs and writes into the deployment home are refused to non-administrators")
    func programsAndHomeFiles() throws {
        let f = try Self.fixture()
        let store = f.home.storeFile.path
        let before = try Data(contentsOf: f.home.storeFile)
        let native = try f.outcome("/bin/true; 'after'", user: "kenmyer")
        #expect(native.errors.contains("Outside programs act behind the role check"))
        #expect(native.output == ["after"])
        for script in ["'x' | Set-Content '\(store)'", "'x' > '\(store)'", "'x' >> '\(store)'", "Remove-Item '\(store)'",
                       "[System.IO.File]::WriteAllText('\(store)', 'x')", "[System.IO.File]::Delete('\(store)')",
                       "Copy-Item /etc/hostname '\(store)'", "Get-Date | Out-File -FilePath '\(store)'",
                       "Set-Location '\(f.home.root.path)'; Remove-Item ./cms.sqlite"] {
            let result = try f.outcome(script, user: "kenmyer")
            #expect(result.errors.contains("inside the deployment home"), "\(script): \(result.errors)")
        }
        let audited = try f.strings("@(Search-CsAdminAuditLog -User kenmyer).Count")
        #expect(audited != ["0"])
        // The store itself is unchanged apart from the audit entries: the role and its group are there.
        #expect(try f.roleNames().contains("Victim"))
        #expect(before.count > 0)
        // Lync cmdlets that write files cannot be aimed at the store either.
        try f.addUser("pat", groups: ["CsPersistentChatAdministrator"])
        let authoring = try f.outcome("New-CsGroupChatDatabase -Path '\(store)' -Force", user: "pat")
        #expect(authoring.errors.contains("is the Central Management Store"), "\(authoring.errors)")
        #expect(try f.roleNames().contains("Victim"))
        // Administrators may still run programs.
        #expect(try f.outcome("/bin/true; 'after'", user: "labadmin").errors.isEmpty)
    }

    @Test("Users outside the directory hold no role; a refused pipeline runs none of its commands")
    func strangers() throws {
        let f = try Self.fixture()
        let result = try f.outcome("Get-CsAdminRole", user: "mallory")
        #expect(result.errors.contains("holds no role"))
        // The first command would succeed alone; the refusal of the second stops both.
        let run = try f.outcome("New-Item -ItemType File -Path ./made.txt | Remove-CsAdminRole -Force", user: "kenmyer")
        #expect(run.errors.contains("Access denied"))
        #expect(!FileManager.default.fileExists(atPath: f.root.appendingPathComponent("made.txt").path))
    }

    @Test("The denial is a PermissionDenied error naming the command, the user and the roles that may run it")
    func denialRecord() throws {
        let f = try Self.fixture()
        let fields = try f.strings("""
            try { Remove-CsAdminRole -Identity Victim -Force } catch { $_.CategoryInfo.Category; $_.FullyQualifiedErrorId; $_.Exception.Message }
            """, user: "kenmyer")
        #expect(fields.count == 3)
        #expect(fields.first == "PermissionDenied")
        #expect(fields.dropFirst().first?.hasPrefix("RoleBasedAccessDenied") == true)
        let message = fields.last ?? ""
        #expect(message.contains("Remove-CsAdminRole") && message.contains("kenmyer") && message.contains("CsAdministrator")
                && message.contains("holds only CsHelpDesk"))
    }
}

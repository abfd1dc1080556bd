import Foundation
import LyncCmdlets
import LyncDeployment
import PSRuntime
import Testing

@Suite("Directory cmdlets: groups and membership")
struct DirectoryGroupCmdletTests {
    typealias S = DirectoryCmdletTestSupport

    @Test("New-ADGroup needs a scope, defaults to Security and resolves by every identity form")
    func newAndGet() throws {
        let f = try S.fixture()
        #expect(try f.strings("New-ADGroup ChatAdmins -GroupScope Universal -Description 'Chat admins' -PassThru | ForEach-Object { $_.GroupScope; $_.GroupCategory; $_.DistinguishedName }")
                == ["Universal", "Security", "CN=ChatAdmins,CN=Users,DC=litwareinc,DC=com"])
        try f.run("New-ADGroup 'Sales Team' -SamAccountName SalesTeam -GroupScope Global -GroupCategory Distribution -Path 'OU=Sales,DC=litwareinc,DC=com'")
        #expect(try f.strings("(Get-ADGroup SalesTeam).GroupCategory; (Get-ADGroup 'CN=Sales Team,OU=Sales,DC=litwareinc,DC=com').SamAccountName")
                == ["Distribution", "SalesTeam"])
        #expect(try f.strings("$g = Get-ADGroup ChatAdmins; (Get-ADGroup $g.SID).Name; (Get-ADGroup $g.ObjectGUID).Name; ($g | Get-ADGroup -Properties Description).Description")
                == ["ChatAdmins", "ChatAdmins", "Chat admins"])
        #expect(try f.strings("(Get-ADGroup ChatAdmins).psobject.Properties.Name -join ','")
                == ["DistinguishedName,GroupCategory,GroupScope,Name,ObjectClass,ObjectGUID,SamAccountName,SID"])
        #expect(try f.strings("Get-ADGroup -Filter {Name -like 'RTCUniversal*'} | ForEach-Object Name")
                == ["RTCUniversalReadOnlyAdmins", "RTCUniversalServerAdmins", "RTCUniversalUserAdmins"])
        #expect(try f.strings("Get-ADGroup -Filter {GroupScope -eq 'Global'} -SearchBase 'OU=Sales,DC=litwareinc,DC=com' | ForEach-Object Name") == ["Sales Team"])
        #expect(try S.error(f, "New-ADGroup ChatAdmins -GroupScope Global")?.id.hasPrefix("AccountNameInUse") == true)
        #expect(try S.error(f, "New-ADGroup labadmin -GroupScope Global")?.id.hasPrefix("AccountNameInUse") == true)
        #expect(try S.error(f, "New-ADGroup x -GroupScope Planet") != nil)
        #expect(try S.error(f, "Get-ADGroup NoSuchGroup")?.id.hasPrefix("GroupNotFound") == true)
        #expect(try f.strings("New-ADGroup ghost -GroupScope Global -WhatIf; @(Get-ADGroup -Filter {Name -eq 'ghost'}).Count") == ["0"])
    }

    @Test("Get-ADGroupMember lists direct members, and users through nesting with -Recursive, even with cycles")
    func members() throws {
        let f = try S.fixture()
        try f.run("""
            New-ADUser kmyer; New-ADUser pilar
            New-ADGroup ChatAdmins -GroupScope Universal; New-ADGroup Inner -GroupScope Global
            Add-ADGroupMember ChatAdmins -Members kmyer, Inner
            Add-ADGroupMember Inner -Members pilar, ChatAdmins
            Add-ADGroupMember CsPersistentChatAdministrator -Members ChatAdmins
            """)
        #expect(try f.strings("Get-ADGroupMember ChatAdmins | ForEach-Object { $_.SamAccountName + ':' + $_.objectClass }") == ["kmyer:user", "Inner:group"])
        #expect(try f.strings("Get-ADGroupMember CsPersistentChatAdministrator -Recursive | ForEach-Object SamAccountName") == ["kmyer", "pilar"])
        #expect(try f.strings("(Get-ADGroupMember Inner)[0].distinguishedName") == ["CN=pilar,CN=Users,DC=litwareinc,DC=com"])
        #expect(try f.strings("Get-ADGroup ChatAdmins | Get-ADGroupMember | ForEach-Object name") == ["kmyer", "Inner"])
        #expect(try f.strings("Get-ADGroupMember ChatAdmins | Where-Object objectClass -eq 'user' | Remove-ADUser -Confirm:$false; (Get-ADGroupMember ChatAdmins).name")
                == ["Inner"])
        #expect(try f.strings("(Get-ADGroup Inner -Properties Members, MemberOf).MemberOf") == ["CN=ChatAdmins,CN=Users,DC=litwareinc,DC=com"])
        let group = try f.store().read { db in try DirectoryRepository.groupNames(ofUser: "pilar", in: db) }
        #expect(group == ["ChatAdmins", "Inner", "CsPersistentChatAdministrator"])
        let table = try f.formatted("Get-ADGroupMember Inner")
        #expect(table.contains("SamAccountName") && table.contains("pilar"))
    }

    @Test("Add/Remove-ADGroupMember: all-or-nothing, -WhatIf changes nothing, errors name the culprit")
    func membershipChanges() throws {
        let f = try S.fixture()
        try f.run("New-ADUser kmyer; New-ADUser pilar; New-ADGroup Team -GroupScope Global")
        let missing = try S.error(f, "Add-ADGroupMember Team -Members kmyer, nobody")
        #expect(missing?.id.hasPrefix("PrincipalNotFound") == true && missing?.message.contains("nobody") == true)
        #expect(try f.strings("@(Get-ADGroupMember Team).Count") == ["0"])
        try f.run("Add-ADGroupMember Team -Members kmyer -WhatIf")
        #expect(try f.strings("@(Get-ADGroupMember Team).Count") == ["0"])
        try f.run("Add-ADGroupMember -Identity Team -Members kmyer, pilar; Add-ADGroupMember Team kmyer")
        #expect(try f.strings("@(Get-ADGroupMember Team).Count") == ["2"])
        #expect(try S.error(f, "Add-ADGroupMember Team -Members Team")?.id.hasPrefix("GroupCannotContainItself") == true)
        #expect(try S.error(f, "Add-ADGroupMember NoGroup -Members kmyer")?.id.hasPrefix("GroupNotFound") == true)
        try f.run("Remove-ADGroupMember Team -Members kmyer -WhatIf")
        #expect(try f.strings("@(Get-ADGroupMember Team).Count") == ["2"])
        try f.run("Remove-ADGroupMember Team -Members kmyer -Confirm:$false")
        #expect(try f.strings("(Get-ADGroupMember Team).SamAccountName") == ["pilar"])
        let notMember = try S.error(f, "Remove-ADGroupMember Team -Members kmyer, pilar -Confirm:$false")
        #expect(notMember?.id.hasPrefix("NotAGroupMember") == true && notMember?.message.contains("kmyer") == true)
        #expect(try f.strings("(Get-ADGroupMember Team).SamAccountName") == ["pilar"])
    }

    @Test("Remove-ADGroup deletes custom groups only")
    func removeGroup() throws {
        let f = try S.fixture()
        try f.run("New-ADGroup Temp -GroupScope Global; Add-ADGroupMember CsHelpDesk -Members Temp; Remove-ADGroup Temp -Confirm:$false")
        #expect(try f.strings("@(Get-ADGroup -Filter {Name -eq 'Temp'}).Count; @(Get-ADGroupMember CsHelpDesk).Count") == ["0", "0"])
        #expect(try S.error(f, "Remove-ADGroup RTCUniversalServerAdmins -Confirm:$false")?.id.hasPrefix("BuiltinGroup") == true)
    }

    @Test("The directory cmdlets declare their module, security area and ShouldProcess")
    func declarations() throws {
        let byName = Dictionary(LyncCmdlets.all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in ["Get-ADUser", "New-ADUser", "Remove-ADUser", "Get-ADGroup", "New-ADGroup", "Remove-ADGroup",
                     "Get-ADGroupMember", "Add-ADGroupMember", "Remove-ADGroupMember"] {
            #expect(byName[name]?.securityArea == SecurityArea.directory.rawValue && byName[name]?.moduleName == "ActiveDirectory", "\(name)")
        }
        for name in ["Get-CsUser", "Disable-CsUser"] {
            #expect(byName[name]?.securityArea == SecurityArea.users.rawValue, "\(name)")
        }
        for name in ["Remove-ADUser", "Remove-ADGroup", "Remove-ADGroupMember"] {
            #expect(byName[name]?.supportsShouldProcess == true && byName[name]?.confirmImpact == .High, "\(name)")
        }
        for name in ["New-ADUser", "New-ADGroup", "Add-ADGroupMember", "Disable-CsUser"] {
            #expect(byName[name]?.supportsShouldProcess == true, "\(name)")
        }
    }
}

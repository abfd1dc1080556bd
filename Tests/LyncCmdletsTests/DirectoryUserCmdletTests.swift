import Foundation
import LyncDeployment
import PSRuntime
import Testing

@Suite("Directory cmdlets: users")
struct DirectoryUserCmdletTests {
    typealias S = DirectoryCmdletTestSupport

    @Test("New-ADUser creates an account with defaults; Get-ADUser shows the default properties only")
    func newAndGet() throws {
        let f = try S.fixture()
        let created = try f.strings("New-ADUser 'Ken Myer' -SamAccountName kmyer -GivenName Ken -Surname Myer -PassThru | ForEach-Object { $_.DistinguishedName; $_.UserPrincipalName }")
        #expect(created == ["CN=Ken Myer,CN=Users,DC=litwareinc,DC=com", "kmyer@litwareinc.com"])
        let names = try f.strings("(Get-ADUser kmyer).psobject.Properties.Name -join ','")
        #expect(names == ["DistinguishedName,Enabled,GivenName,Name,ObjectClass,ObjectGUID,SamAccountName,SID,Surname,UserPrincipalName"])
        #expect(try f.strings("New-ADUser quiet") == [])
        #expect(try f.strings("(Get-ADUser quiet).Enabled; (Get-ADUser quiet).ObjectClass") == ["True", "user"])
        #expect(try f.strings("New-ADUser off -Enabled $false; (Get-ADUser off).Enabled") == ["False"])
    }

    @Test("-Properties adds named properties, wildcards or all; unknown names are errors")
    func properties() throws {
        let f = try S.fixture()
        try f.run("New-ADUser ocschat -DisplayName 'Group Chat Lookup' -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:ocschat@litwareinc.com'}")
        try f.run("Add-ADGroupMember CsHelpDesk -Members ocschat")
        #expect(try f.strings("$u = Get-ADUser ocschat -Properties DisplayName, SipAddress; $u.DisplayName; $u.SipAddress; $u.psobject.Properties.Name.Count")
                == ["Group Chat Lookup", "sip:ocschat@litwareinc.com", "12"])
        #expect(try f.strings("(Get-ADUser ocschat -Properties 'msRTCSIP-PrimaryUserAddress').'msRTCSIP-PrimaryUserAddress'") == ["sip:ocschat@litwareinc.com"])
        #expect(try f.strings("(Get-ADUser ocschat -Properties MemberOf).MemberOf") == ["CN=CsHelpDesk,CN=Users,DC=litwareinc,DC=com"])
        #expect(try f.strings("(Get-ADUser ocschat -Properties *).psobject.Properties.Name -contains 'whenCreated'") == ["True"])
        #expect(try f.strings("(Get-ADUser ocschat -Properties msRTCSIP-*).psobject.Properties.Name -join ','").first?.contains("msRTCSIP-UserEnabled") == true)
        #expect(try S.error(f, "Get-ADUser ocschat -Properties Bogus")?.id.hasPrefix("InvalidProperty") == true)
    }

    @Test("-Filter: *, -eq, -like, booleans, variables, -and/-or/-not, strings and script blocks")
    func filters() throws {
        let f = try S.fixture()
        try f.run("""
            New-ADUser 'Ann Lee' -SamAccountName alee -DisplayName 'Ann'
            New-ADUser 'Bob Kim' -SamAccountName bkim -Enabled $false
            New-ADUser 'Abe Ray' -SamAccountName aray -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:abe@litwareinc.com'}
            """)
        func sams(_ filter: String) throws -> [String] {
            try f.strings("Get-ADUser -Filter \(filter) | ForEach-Object SamAccountName")
        }
        #expect(try sams("*") == ["aray", "alee", "bkim", "labadmin"])
        #expect(try sams("\"Name -eq 'Ann Lee'\"") == ["alee"])
        #expect(try sams("{SamAccountName -like 'a*'}") == ["aray", "alee"])
        #expect(try sams("{Enabled -eq $false}") == ["bkim"])
        #expect(try sams("{SamAccountName -like 'a*' -and -not (Name -eq 'Abe Ray')}") == ["alee"])
        #expect(try sams("{Name -eq 'Bob Kim' -or SipAddress -like '*@litwareinc.com'}") == ["aray", "bkim"])
        #expect(try sams("{DisplayName -ne $null}") == ["alee", "labadmin"])
        #expect(try f.strings("$n = 'bkim'; Get-ADUser -Filter {SamAccountName -eq $n} | ForEach-Object Name") == ["Bob Kim"])
        #expect(try f.strings("Get-ADUser -Filter * -ResultSetSize 2 | Measure-Object | ForEach-Object Count") == ["2"])
        for bad in ["{Name -eq}", "{Name 'x'}", "{Name -matches 'x'}", "\"(Name -eq 'x'\"", "\"Name -eq 'x\"", "{Name -eq $undefined}"] {
            #expect(try S.error(f, "Get-ADUser -Filter \(bad)")?.id.hasPrefix("InvalidFilter") == true, "\(bad)")
        }
    }

    @Test("-SearchBase and -Path: OUs are created and searched with their children")
    func organizationalUnits() throws {
        let f = try S.fixture()
        try f.run("""
            New-ADUser p1 -Path 'OU=Pilot,OU=Tenants,DC=litwareinc,DC=com'
            New-ADUser p2 -Path 'OU=Tenants,DC=litwareinc,DC=com'
            """)
        #expect(try f.strings("Get-ADUser -Filter * -SearchBase 'OU=Tenants,DC=litwareinc,DC=com' | ForEach-Object SamAccountName") == ["p1", "p2"])
        #expect(try f.strings("Get-ADUser -Filter * -SearchBase 'OU=Pilot,OU=Tenants,DC=litwareinc,DC=com' | ForEach-Object DistinguishedName")
                == ["CN=p1,OU=Pilot,OU=Tenants,DC=litwareinc,DC=com"])
        let ous = try f.store().read { db in try DirectoryRepository.organizationalUnits(in: db) }
        #expect(ous.contains("OU=Pilot,OU=Tenants") && ous.contains("OU=Tenants"))
        #expect(try S.error(f, "New-ADUser p3 -Path 'OU=X,DC=fabrikam,DC=com'")?.id.hasPrefix("InvalidOrganizationalUnit") == true)
    }

    @Test("New-ADUser errors: duplicates, taken or bad SIP addresses, unknown attributes; -WhatIf writes nothing")
    func newErrors() throws {
        let f = try S.fixture()
        try f.run("New-ADUser kmyer -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:kmyer@litwareinc.com'}")
        #expect(try S.error(f, "New-ADUser kmyer")?.id.hasPrefix("AccountNameInUse") == true)
        let taken = try S.error(f, "New-ADUser other -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:KMYER@litwareinc.com'}")
        #expect(taken?.id.hasPrefix("SipAddressInUse") == true)
        #expect(taken?.message.contains("the user 'kmyer'") == true)
        #expect(try S.error(f, "New-ADUser bad -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:bad'}")?.id.hasPrefix("InvalidSipAddress") == true)
        #expect(try S.error(f, "New-ADUser x -OtherAttributes @{telephoneNumber='+1425'}")?.id.hasPrefix("UnsupportedAttribute") == true)
        #expect(try f.strings("New-ADUser ghost -WhatIf; @(Get-ADUser -Filter {Name -eq 'ghost'}).Count") == ["0"])
    }

    @Test("Remove-ADUser deletes by identity or from the pipeline; -WhatIf keeps; unknown users are errors")
    func remove() throws {
        let f = try S.fixture()
        try f.run("New-ADUser t1; New-ADUser t2; New-ADUser keep; Add-ADGroupMember CsHelpDesk -Members t1")
        try f.run("Remove-ADUser t1 -WhatIf")
        #expect(try f.strings("(Get-ADUser t1).Name") == ["t1"])
        try f.run("Remove-ADUser t1 -Confirm:$false")
        #expect(try f.strings("Get-ADGroupMember CsHelpDesk | ForEach-Object SamAccountName") == [])
        try f.run("Get-ADUser -Filter {Name -like 't*'} | Remove-ADUser -Confirm:$false")
        #expect(try f.strings("Get-ADUser -Filter * | ForEach-Object SamAccountName") == ["keep", "labadmin"])
        let missing = try S.error(f, "Remove-ADUser nobody -Confirm:$false")
        #expect(missing?.id.hasPrefix("UserNotFound") == true)
        #expect(try S.error(f, "Get-ADUser nobody")?.message.contains("Cannot find a user with identity 'nobody'") == true)
    }

    @Test("Get-CsUser lists SIP-enabled users by identity, filter, OU and result size; Disable-CsUser frees the address")
    func csUsers() throws {
        let f = try S.fixture()
        try f.run("""
            New-ADUser 'Ken Myer' -SamAccountName kmyer -DisplayName 'Ken Myer' -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:kmyer@litwareinc.com'; 'msRTCSIP-PrimaryHomeServer'='atl-cs-001.litwareinc.com'}
            New-ADUser ocschat -Path 'OU=Chat,DC=litwareinc,DC=com' -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:ocschat@litwareinc.com'}
            New-ADUser plain
            """)
        #expect(try f.strings("Get-CsUser | ForEach-Object SipAddress") == ["sip:kmyer@litwareinc.com", "sip:ocschat@litwareinc.com"])
        for identity in ["sip:kmyer@litwareinc.com", "kmyer@litwareinc.com", "kmyer", "'Ken Myer'", "'CN=Ken Myer,CN=Users,DC=litwareinc,DC=com'", "LITWARE\\kmyer"] {
            #expect(try f.strings("(Get-CsUser \(identity)).RegistrarPool") == ["atl-cs-001.litwareinc.com"], "\(identity)")
        }
        #expect(try f.strings("Get-CsUser -Filter {SipAddress -like 'sip:ocs*'} | ForEach-Object SamAccountName") == ["ocschat"])
        #expect(try f.strings("Get-CsUser -OU 'OU=Chat,DC=litwareinc,DC=com' | ForEach-Object SamAccountName") == ["ocschat"])
        #expect(try f.strings("@(Get-CsUser -ResultSize 1).Count; @(Get-CsUser -ResultSize 0).Count; @(Get-CsUser -ResultSize Unlimited).Count") == ["1", "0", "2"])
        #expect(try S.error(f, "Get-CsUser -ResultSize lots")?.id.hasPrefix("InvalidResultSize") == true)
        #expect(try S.error(f, "Get-CsUser plain")?.id.hasPrefix("UserNotFound") == true)
        let text = try f.formatted("Get-CsUser kmyer")
        #expect(text.contains("Identity") && text.contains("CN=Ken Myer,CN=Users,DC=litwareinc,DC=com"))
        try f.run("Disable-CsUser kmyer -WhatIf")
        #expect(try f.strings("@(Get-CsUser).Count") == ["2"])
        try f.run("Get-CsUser -Identity sip:ocschat@litwareinc.com | Disable-CsUser")
        #expect(try f.strings("Get-CsUser | ForEach-Object SamAccountName") == ["kmyer"])
        #expect(try f.strings("$u = Get-ADUser ocschat -Properties SipAddress; $u.Name; $null -eq $u.SipAddress") == ["ocschat", "True"])
        #expect(try f.strings("(Disable-CsUser kmyer -PassThru).Enabled") == ["False"])
        #expect(try S.error(f, "Disable-CsUser nobody")?.id.hasPrefix("UserNotFound") == true)
    }
}

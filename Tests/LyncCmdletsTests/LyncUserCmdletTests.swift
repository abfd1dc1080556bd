import Foundation
import LyncDeployment
import PSRuntime
import Testing

/// Enable-CsUser, Set-CsUser and Get-CsUser through a session.
@Suite("Lync user cmdlets")
struct LyncUserCmdletTests {
    /// The forest and pools of DirectoryCmdletTestSupport, and accounts for Pilar Ackerman and
    /// Ken Myer plus two in the Finance OU.
    static func fixture() throws -> DeploymentFixture {
        let f = try DirectoryCmdletTestSupport.fixture()
        try f.run("""
            New-ADUser 'Pilar Ackerman' -SamAccountName pilar -GivenName Pilar -Surname Ackerman -DisplayName 'Pilar Ackerman' -EmailAddress pilar.ackerman@litwareinc.com
            New-ADUser 'Ken Myer' -SamAccountName kmyer -DisplayName 'Ken Myer'
            New-ADUser fin1 -Path 'OU=Finance,DC=litwareinc,DC=com'; New-ADUser fin2 -Path 'OU=Finance,DC=litwareinc,DC=com'
            """)
        return f
    }

    static let pool = DirectoryCmdletTestSupport.frontEndPool

    @Test("Enable-CsUser gives the address and pool; Get-CsUser then lists the user")
    func enable() throws {
        let f = try Self.fixture()
        let out = try f.strings("""
            $u = Enable-CsUser -Identity 'Pilar Ackerman' -RegistrarPool \(Self.pool) -SipAddressType FirstLastName -SipDomain litwareinc.com -PassThru
            $u.SipAddress; $u.RegistrarPool; $u.Enabled
            (Get-CsUser pilar).SipAddress
            Enable-CsUser kmyer -RegistrarPool \(Self.pool) -SipAddressType EmailAddress -ErrorAction SilentlyContinue
            $Error[0].FullyQualifiedErrorId
            """)
        #expect(out[0...3] == ["sip:Pilar.Ackerman@litwareinc.com", Self.pool, "True", "sip:Pilar.Ackerman@litwareinc.com"])
        #expect(out.last?.hasPrefix("SipAddressSourceMissing,") == true)
        #expect(try f.strings("(Get-ADUser pilar -Properties SipAddress).SipAddress") == ["sip:Pilar.Ackerman@litwareinc.com"])
    }

    @Test("Accounts piped from Get-ADUser are enabled one by one; a failure does not stop the others")
    func pipeline() throws {
        let f = try Self.fixture()
        try f.run("Enable-CsUser kmyer -RegistrarPool \(Self.pool) -SipAddress sip:fin2@litwareinc.com")
        let run = try f.run("""
            Get-ADUser -Filter * -SearchBase 'OU=Finance,DC=litwareinc,DC=com' | Enable-CsUser -RegistrarPool \(Self.pool) -SipAddressType SamAccountName -SipDomain litwareinc.com
            """)
        #expect(run.host.text(of: .error).contains("already used by the user 'kmyer'"))
        #expect(try f.strings("Get-CsUser -OU 'OU=Finance,DC=litwareinc,DC=com' | ForEach-Object SipAddress") == ["sip:fin1@litwareinc.com"])
    }

    @Test("Enable-CsUser -WhatIf and a declined question change nothing")
    func enableWhatIf() throws {
        let f = try Self.fixture()
        let run = try f.run("Enable-CsUser pilar -RegistrarPool \(Self.pool) -SipAddressType SamAccountName -SipDomain litwareinc.com -WhatIf")
        #expect(run.host.output.contains("What if: Performing the operation \"Enable-CsUser\" on target \"pilar as sip:pilar@litwareinc.com\"."))
        let declined = RecordingHostUI(inputLines: ["N"], isInteractive: true)
        _ = try f.session(host: declined).evaluate("Enable-CsUser pilar -RegistrarPool \(Self.pool) -SipAddress sip:pilar@litwareinc.com -Confirm")
        #expect(try f.strings("@(Get-CsUser).Count") == ["0"])
    }

    @Test("Enable-CsUser errors carry ids and say what to do", arguments: [
        ("Enable-CsUser pilar -SipAddress sip:pilar@litwareinc.com", "RegistrarPoolRequired"),
        ("Enable-CsUser pilar -RegistrarPool atl-pcpool-001.litwareinc.com -SipAddress sip:pilar@litwareinc.com", "PoolIsNotRegistrar"),
        ("Enable-CsUser pilar -RegistrarPool atl-cs-001.litwareinc.com -SipAddress pilar@litwareinc.com", "InvalidSipAddress"),
        ("Enable-CsUser pilar -RegistrarPool atl-cs-001.litwareinc.com", "SipAddressRequired"),
        ("Enable-CsUser nobody -RegistrarPool atl-cs-001.litwareinc.com -SipAddress sip:x@litwareinc.com", "UserNotFound"),
        ("Enable-CsUser pilar -RegistrarPool atl-cs-001.litwareinc.com -SipAddressType Nickname", "CannotConvertArgument"),
    ])
    func enableErrors(_ script: String, _ id: String) throws {
        let f = try Self.fixture()
        let error = try #require(try DirectoryCmdletTestSupport.error(f, script))
        #expect(error.id.hasPrefix(id), "\(error.id): \(error.message)")
    }

    @Test("Set-CsUser changes settings; Get-CsUser shows them; -Enabled $false keeps the user listed")
    func set() throws {
        let f = try Self.fixture()
        try f.run("Enable-CsUser pilar -RegistrarPool \(Self.pool) -SipAddress sip:pilar@litwareinc.com")
        let out = try f.strings("""
            Set-CsUser -Identity 'Pilar Ackerman' -EnterpriseVoiceEnabled $true -LineURI 'tel:+14255551297;ext=51297' -PrivateLine tel:+14255550000
            $u = Get-CsUser pilar; $u.EnterpriseVoiceEnabled; $u.LineURI; $u.PrivateLine
            Get-CsUser | Set-CsUser -Enabled $false
            (Get-CsUser pilar).Enabled
            (Set-CsUser pilar -LineURI $null -PassThru).LineURI
            """)
        #expect(out == ["True", "tel:+14255551297;ext=51297", "tel:+14255550000", "False", ""])
    }

    @Test("Set-CsUser -WhatIf changes nothing; rule errors carry ids")
    func setWhatIfAndRules() throws {
        let f = try Self.fixture()
        try f.run("Enable-CsUser pilar -RegistrarPool \(Self.pool) -SipAddress sip:pilar@litwareinc.com")
        let run = try f.run("Set-CsUser pilar -EnterpriseVoiceEnabled $true -WhatIf")
        #expect(run.host.output.contains("What if: Performing the operation \"Set-CsUser\" on target \"sip:pilar@litwareinc.com\"."))
        #expect(try f.strings("(Get-CsUser pilar).EnterpriseVoiceEnabled") == ["False"])
        let cases = [
            ("Set-CsUser kmyer -EnterpriseVoiceEnabled $true", "UserNotEnabledForLync"),
            ("Set-CsUser pilar -EnterpriseVoiceEnabled $true -AudioVideoDisabled $true", "AudioVideoRequired"),
            ("Set-CsUser pilar -RemoteCallControlTelephonyEnabled $true", "RemoteCallControlNeedsLine"),
            ("Set-CsUser pilar -LineURI 4255551297", "InvalidLineUri"),
            ("Set-CsUser pilar -SipAddress pilar@litwareinc.com", "InvalidSipAddress"),
        ]
        for (script, id) in cases {
            let error = try #require(try DirectoryCmdletTestSupport.error(f, script), "\(script)")
            #expect(error.id.hasPrefix(id), "\(script): \(error.id): \(error.message)")
        }
        let warned = try f.run("Set-CsUser pilar")
        #expect(warned.host.text(of: .warning).contains("No setting"))
    }

    @Test("Roles: CsUserAdministrator enables and changes users, CsVoiceAdministrator only changes them, CsHelpDesk neither")
    func roles() throws {
        let f = try Self.fixture()
        try f.addUser("useradmin", groups: ["CsUserAdministrator"])
        try f.addUser("voiceadmin", groups: ["CsVoiceAdministrator"])
        try f.addUser("helpdesk", groups: ["CsHelpDesk"])
        let enable = "Enable-CsUser pilar -RegistrarPool \(Self.pool) -SipAddress sip:pilar@litwareinc.com"
        for user in ["voiceadmin", "helpdesk"] {
            #expect(try f.errors(enable, user: user).contains("Access denied"), "\(user)")
        }
        #expect(try f.strings("@(Get-CsUser).Count") == ["0"])
        #expect(try f.errors(enable, user: "useradmin").isEmpty)
        #expect(try f.errors("Set-CsUser pilar -EnterpriseVoiceEnabled $true", user: "helpdesk").contains("Access denied"))
        #expect(try f.strings("(Get-CsUser pilar).EnterpriseVoiceEnabled") == ["False"])
        #expect(try f.errors("Set-CsUser pilar -EnterpriseVoiceEnabled $true", user: "voiceadmin").isEmpty)
        #expect(try f.errors("Set-CsUser pilar -LineURI tel:+14255551297", user: "useradmin").isEmpty)
        #expect(try f.strings("Get-CsAdminRole | Where-Object {$_.Cmdlets -match \"Set-CsUser\\b\"} | ForEach-Object Identity")
                == ["CsAdministrator", "CsUserAdministrator", "CsVoiceAdministrator"])
        // A session limited to CsVoiceAdministrator cannot enable users either.
        #expect(try f.errors("Enable-CsUser kmyer -RegistrarPool \(Self.pool) -SipAddress sip:kmyer@litwareinc.com", role: "CsVoiceAdministrator")
                .contains("Access denied"))
    }
}

@Suite("Get-ADDomain")
struct GetADDomainTests {
    @Test("The domain of litwareinc.com after the topology is published")
    func publishedDomain() throws {
        let f = DeploymentFixture()
        let topology = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/topology/litwareinc.json").path
        try f.run("Publish-CsTopology -FileName '\(topology)'")
        let out = try f.strings("""
            $d = Get-ADDomain
            $d.DistinguishedName; $d.DNSRoot; $d.NetBIOSName; $d.Name; $d.Forest; $d.PDCEmulator; $d.UsersContainer
            $d.ComputersContainer; $d.ObjectClass; ($d.ParentDomain -eq $null); @($d.ChildDomains).Count
            $d.DomainSID -eq (Get-ADDomain -Identity LITWAREINC).DomainSID
            (Get-ADDomain -Current LoggedOnUser).ObjectGUID -eq (Get-ADDomain 'DC=litwareinc,DC=com').ObjectGUID
            (Get-ADUser labadmin).SID.StartsWith($d.DomainSID)
            """)
        #expect(out == ["DC=litwareinc,DC=com", "litwareinc.com", "LITWAREINC", "litwareinc", "litwareinc.com",
                        "atl-cs-001.litwareinc.com", "CN=Users,DC=litwareinc,DC=com", "CN=Computers,DC=litwareinc,DC=com",
                        "domainDNS", "True", "0", "True", "True", "True"])
        #expect(try f.strings("(Get-ADDomain).ObjectGUID.GetType().Name") == ["Guid"])
    }

    @Test("Another domain is not found; parameter sets keep -Identity and -Current apart")
    func errors() throws {
        let f = try DirectoryCmdletTestSupport.fixture()
        let error = try #require(try DirectoryCmdletTestSupport.error(f, "Get-ADDomain contoso.com"))
        #expect(error.id.hasPrefix("DomainNotFound") && error.message.contains("litwareinc.com"))
        #expect(try DirectoryCmdletTestSupport.error(f, "Get-ADDomain litwareinc.com -Current LocalComputer") != nil)
        #expect(try DirectoryCmdletTestSupport.error(f, "Get-ADDomain -Current Elsewhere") != nil)
        #expect(try f.strings("(Get-ADDomain -Server dc1.litwareinc.com).NetBIOSName") == ["LITWAREINC"])
    }

    @Test("Every role may read the domain; a user without a role may not")
    func roles() throws {
        let f = try DirectoryCmdletTestSupport.fixture()
        try f.addUser("helpdesk", groups: ["CsHelpDesk"])
        try f.addUser("nobody")
        #expect(try f.outcome("(Get-ADDomain).DNSRoot", user: "helpdesk").output == ["litwareinc.com"])
        let denied = try f.outcome("(Get-ADDomain).DNSRoot", user: "nobody")
        #expect(denied.output.isEmpty && denied.errors.contains("Access denied"))
    }
}

import Foundation
import LyncCmdlets
import LyncDeployment
import PSRuntime
import Testing

@Suite("Persistent Chat endpoint cmdlets")
struct EndpointCmdletTests {
    typealias S = DirectoryCmdletTestSupport

    @Test("The documented examples run as written (doc-examples.ps1 lines 17-32)")
    func docExamples() throws {
        let f = try S.fixture()
        try f.run(#"New-CsPersistentChatEndpoint -SipAddress "sip:pce@litwareinc.com" -PersistentChatPoolFqdn "atl-pcpool-001.litwareinc.com" -DisplayName "Persistent Chat Endpoint 1""#)
        #expect(try f.strings("Get-CsPersistentChatEndpoint | ForEach-Object SipAddress") == ["sip:pce@litwareinc.com"])
        #expect(try f.strings(#"(Get-CsPersistentChatEndpoint -Identity "sip:pce@litwareinc.com").DisplayName"#) == ["Persistent Chat Endpoint 1"])
        #expect(try f.strings("(Get-CsPersistentChatEndpoint -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com).PersistentChatPoolFqdn")
                == ["atl-pcpool-001.litwareinc.com"])
        // The removals ask for confirmation (ConfirmImpact High); an interactive user answers.
        func answering(_ answer: String, _ script: String) throws {
            let host = RecordingHostUI(inputLines: [answer], isInteractive: true)
            _ = try f.session(host: host).evaluate(script)
            #expect(host.text(of: .error).isEmpty, "\(script): \(host.text(of: .error))")
        }
        try answering("Y", #"Remove-CsPersistentChatEndpoint -Identity "sip:pce@litwareinc.com""#)
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint).Count") == ["0"])

        let create = "1..3 | ForEach-Object { New-CsPersistentChatEndpoint -SipAddress \"sip:pc$_@litwareinc.com\" -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com }"
        try f.run(create)
        try answering("A", #"Get-CsPersistentChatEndpoint -PersistentChatPoolFqdn "atl-pcpool-001.litwareinc.com" | Remove-CsPersistentChatEndpoint"#)
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint).Count") == ["0"])
        try f.run(create)
        try answering("A", "Get-CsPersistentChatEndpoint | Remove-CsPersistentChatEndpoint")
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint).Count") == ["0"])
        try f.run(create)
        try answering("A", #"Get-CsPersistentChatEndpoint -PoolFqdn "atl-pcpool-001.litwareinc.com" | Remove-CsPersistentChatEndpoint"#)
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint).Count") == ["0"])
        // Answering No keeps the endpoint.
        try f.run(create)
        try answering("N", #"Remove-CsPersistentChatEndpoint -Identity "sip:pc1@litwareinc.com""#)
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint).Count") == ["3"])
    }

    @Test("Endpoint objects: type, Identity DN in Application Contacts, default list view")
    func objects() throws {
        let f = try S.fixture()
        let lines = try f.strings("""
            $e = New-CsPersistentChatEndpoint -SipAddress PCE@litwareinc.com -PersistentChatPoolFqdn ATL-PCPOOL-001.litwareinc.com -DisplayName 'Legacy' -PassThru
            $e.psobject.TypeNames[0]; $e.Identity; $e.SipAddress; $e.PersistentChatPoolFqdn; $e.Enabled
            """)
        #expect(lines.count == 5)
        #expect(lines.first == "Microsoft.Rtc.Management.ADConnect.Schema.OCSPersistentChatContact")
        let dn = lines.count > 1 ? lines[1] : ""
        #expect(dn.hasPrefix("CN={") && dn.hasSuffix("},CN=Application Contacts,CN=RTC Service,CN=Services,CN=Configuration,DC=litwareinc,DC=com"))
        #expect(Array(lines.dropFirst(2)) == ["sip:PCE@litwareinc.com", "atl-pcpool-001.litwareinc.com", "True"])
        #expect(try f.strings("(Get-CsPersistentChatEndpoint '\(dn)').DisplayName; (Get-CsPersistentChatEndpoint legacy).SipAddress")
                == ["Legacy", "sip:PCE@litwareinc.com"])
        #expect(try f.strings("New-CsPersistentChatEndpoint -SipAddress sip:quiet@litwareinc.com -PersistentChatPoolFqdn \(S.chatPool)") == [])
        let text = try f.formatted("Get-CsPersistentChatEndpoint legacy")
        #expect(text.contains("PersistentChatPoolFqdn : atl-pcpool-001.litwareinc.com"))
        #expect(!text.contains("WhenCreated"))
    }

    @Test("Get-CsPersistentChatEndpoint: -Filter, -ResultSize, compatibility parameters, unknown identities")
    func getOptions() throws {
        let f = try S.fixture()
        try f.run("""
            New-CsPersistentChatEndpoint -SipAddress sip:a@litwareinc.com -PersistentChatPoolFqdn \(S.chatPool) -DisplayName 'Legacy endpoint'
            New-CsPersistentChatEndpoint -SipAddress sip:b@litwareinc.com -PersistentChatPoolFqdn \(S.chatPool) -DisplayName 'Friendly'
            """)
        #expect(try f.strings("Get-CsPersistentChatEndpoint -Filter {DisplayName -like '*endpoint*'} | ForEach-Object SipAddress") == ["sip:a@litwareinc.com"])
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint -ResultSize 1).Count; @(Get-CsPersistentChatEndpoint -ResultSize 0).Count") == ["1", "0"])
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint -OU 'CN=Application Contacts' -LdapFilter '(cn=*)' -DomainController dc.litwareinc.com).Count") == ["2"])
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint -PersistentChatPoolFqdn other.litwareinc.com).Count") == ["0"])
        #expect(try S.error(f, "Get-CsPersistentChatEndpoint sip:none@litwareinc.com")?.id.hasPrefix("EndpointNotFound") == true)
        #expect(try f.strings("'sip:b@litwareinc.com' | Get-CsPersistentChatEndpoint | ForEach-Object DisplayName") == ["Friendly"])
    }

    @Test("New-CsPersistentChatEndpoint errors: no topology, unknown or non-chat pool, bad or taken address; -WhatIf")
    func newErrors() throws {
        let bare = try S.fixture(pools: false)
        let noTopology = try S.error(bare, "New-CsPersistentChatEndpoint -SipAddress sip:a@litwareinc.com -PersistentChatPoolFqdn \(S.chatPool)")
        #expect(noTopology?.id.hasPrefix("TopologyNotPublished") == true && noTopology?.message.contains("Publish-CsTopology") == true)

        let f = try S.fixture()
        let unknown = try S.error(f, "New-CsPersistentChatEndpoint -SipAddress sip:a@litwareinc.com -PersistentChatPoolFqdn pc9.litwareinc.com")
        #expect(unknown?.id.hasPrefix("PersistentChatPoolNotFound") == true && unknown?.message.contains(S.chatPool) == true)
        #expect(try S.error(f, "New-CsPersistentChatEndpoint -SipAddress sip:a@litwareinc.com -PersistentChatPoolFqdn \(S.frontEndPool)")?.id
                .hasPrefix("NotAPersistentChatPool") == true)
        for bad in ["sip:nodomain", "sip:@litwareinc.com", "'sip:a b@litwareinc.com'"] {
            #expect(try S.error(f, "New-CsPersistentChatEndpoint -SipAddress \(bad) -PersistentChatPoolFqdn \(S.chatPool)")?.id
                    .hasPrefix("InvalidSipAddress") == true, "\(bad)")
        }
        try f.run("New-CsPersistentChatEndpoint -SipAddress sip:a@litwareinc.com -PersistentChatPoolFqdn \(S.chatPool) -DisplayName First")
        let taken = try S.error(f, "New-CsPersistentChatEndpoint -SipAddress SIP:A@litwareinc.com -PersistentChatPoolFqdn \(S.chatPool)")
        #expect(taken?.id.hasPrefix("SipAddressInUse") == true && taken?.message.contains("'First'") == true)
        try f.run("New-CsPersistentChatEndpoint -SipAddress sip:w@litwareinc.com -PersistentChatPoolFqdn \(S.chatPool) -WhatIf")
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint).Count") == ["1"])
        #expect(try S.error(f, "New-CsPersistentChatEndpoint -SipAddress sip:m@litwareinc.com") != nil)
    }

    @Test("Migration: the Lookup account's address is refused, naming the user, until Remove-ADUser ocschat")
    func migrationScenario() throws {
        let f = try S.fixture()
        try f.run("New-ADUser ocschat -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:ocschat@litwareinc.com'}")
        let create = "New-CsPersistentChatEndpoint -SipAddress sip:ocschat@litwareinc.com -PersistentChatPoolFqdn \(S.chatPool) -PassThru"
        let refused = try S.error(f, create)
        #expect(refused?.id.hasPrefix("SipAddressInUse") == true)
        #expect(refused?.message.contains("the user 'ocschat'") == true)
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint).Count") == ["0"])
        try f.run("Remove-ADUser ocschat -Confirm:$false")
        #expect(try f.strings("(\(create)).SipAddress") == ["sip:ocschat@litwareinc.com"])
        #expect(try S.error(f, "New-ADUser ocschat -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:ocschat@litwareinc.com'}")?.message
                .contains("Persistent Chat endpoint") == true)
    }

    @Test("Remove-CsPersistentChatEndpoint: -WhatIf keeps, unknown identities are errors unless -Force, pipeline by property")
    func remove() throws {
        let f = try S.fixture()
        try f.run("New-CsPersistentChatEndpoint -SipAddress sip:a@litwareinc.com -PersistentChatPoolFqdn \(S.chatPool) -DisplayName A")
        try f.run("Get-CsPersistentChatEndpoint | Remove-CsPersistentChatEndpoint -WhatIf")
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint).Count") == ["1"])
        #expect(try S.error(f, "Remove-CsPersistentChatEndpoint sip:none@litwareinc.com -Confirm:$false")?.id.hasPrefix("EndpointNotFound") == true)
        #expect(try S.error(f, "Remove-CsPersistentChatEndpoint sip:none@litwareinc.com -Force") == nil)
        try f.run("[pscustomobject]@{Identity = 'sip:a@litwareinc.com'} | Remove-CsPersistentChatEndpoint -Force")
        #expect(try f.strings("@(Get-CsPersistentChatEndpoint).Count") == ["0"])
    }

    @Test("The endpoint cmdlets declare the Persistent Chat area; New and Remove support ShouldProcess")
    func declarations() {
        let byName = Dictionary(LyncCmdlets.all.filter { $0.name.hasSuffix("-CsPersistentChatEndpoint") }.map { ($0.name, $0) },
                                uniquingKeysWith: { a, _ in a })
        #expect(byName.count == 3)
        for (name, declaration) in byName {
            #expect(declaration.securityArea == SecurityArea.persistentChat.rawValue && declaration.moduleName == "Lync", "\(name)")
        }
        #expect(byName["Remove-CsPersistentChatEndpoint"]?.confirmImpact == .High)
        #expect(byName["New-CsPersistentChatEndpoint"]?.supportsShouldProcess == true)
        #expect(byName["Get-CsPersistentChatEndpoint"]?.parameters.first { $0.name == "PersistentChatPoolFqdn" }?.aliases == ["PoolFqdn"])
    }
}

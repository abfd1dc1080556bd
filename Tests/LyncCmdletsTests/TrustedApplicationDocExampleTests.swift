import Foundation
import Testing
import LyncDeployment
import PSRuntime

/// Every documented example of the trusted application cmdlets (doc-examples.ps1), each line as
/// written, in an order in which each one has something to work on.
@Suite("Trusted application doc examples")
struct TrustedApplicationDocExampleTests {
    @Test("The reference page examples run, in a life-cycle order")
    func referenceExamples() throws {
        let f = DeploymentFixture()
        try TrustedApplicationTestTopology.publish(f)
        // The removals are High impact; a script that runs them unattended turns prompting off.
        let prelude = "$ConfirmPreference = 'None'\n"
        let step = { (script: String) throws -> [String] in try f.strings(prelude + script) }

        let created = try step("(New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar pool0.litwareinc.com -Site Redmond).Identity")
        #expect(created == ["TrustedApplicationPool:TrustPool.litwareinc.com"])
        #expect(try step("Get-CsTrustedApplicationPool | ForEach-Object ServiceId") == ["1-ExternalServer-1"])
        #expect(try step("(Get-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com).SiteId") == ["Site:Redmond"])
        #expect(try step("(Get-CsTrustedApplicationPool -Filter *:TrustPool.*).PoolFqdn") == ["TrustPool.litwareinc.com"])
        // Service ids are <site id>-ExternalServer-<n>, so this Redmond1 pattern matches nothing here.
        #expect(try step("Get-CsTrustedApplicationPool | Where-Object {$_.ServiceId -like \"Redmond1*\"}").isEmpty)
        #expect(try step("Set-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -OutboundOnly $True").isEmpty)
        #expect(try step("(Get-CsTrustedApplicationPool TrustPool.litwareinc.com).OutboundOnly") == ["True"])

        #expect(try step("(New-CsTrustedApplication -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -Port 6000).Identity")
                == ["TrustPool.litwareinc.com/urn:application:tapp1"])
        #expect(try step("(New-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp2 -Port 6100).Port") == ["6100"])
        #expect(try step("Set-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp2 -Port 6200").isEmpty)
        #expect(try step("Get-CsTrustedApplication | ForEach-Object Identity")
                == ["TrustPool.litwareinc.com/urn:application:tapp1", "TrustPool.litwareinc.com/urn:application:tapp2"])
        #expect(try step("(Get-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp2).Port") == ["6200"])
        #expect(try step("(Get-CsTrustedApplication -Filter *trust*).Count") == ["2"])
        #expect(try step("(Get-CsTrustedApplication -ApplicationId tapp2 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com).ApplicationId")
                == ["urn:application:tapp2"])
        #expect(try step("(Get-CsTrustedApplication | Where-Object {$_.TrustedApplicationPoolFqdn -eq \"TrustPool.litwareinc.com\"}).Count") == ["2"])

        let generated = try step("(New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com).SipAddress")
        #expect(generated.count == 1 && generated[0].hasPrefix("sip:RtcApplication-") && generated[0].hasSuffix("@litwareinc.com"))
        #expect(try step("(New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:endpoint1@litwareinc.com).OwnerUrn")
                == ["urn:application:tapp1"])
        #expect(try step("Set-CsTrustedApplicationEndpoint -Identity \"sip:endpoint1@litwareinc.com\" -DisplayName \"Endpoint 1\"").isEmpty)
        #expect(try step("Get-CsTrustedApplicationEndpoint -Identity \"Endpoint 1\" | Set-CsTrustedApplicationEndpoint -DisplayNumber \"(425)555-1212\"").isEmpty)
        #expect(try step("(Get-CsTrustedApplicationEndpoint -Identity sip:endpoint1@litwareinc.com).DisplayNumber") == ["(425)555-1212"])

        // An endpoint for tapp2 gives the tapp2 examples something to find.
        _ = try step("New-CsTrustedApplicationEndpoint -ApplicationId tapp2 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:tapp2@litwareinc.com -DisplayName 'Tapp2 endpoint'")
        #expect(try step("(Get-CsTrustedApplicationEndpoint).Count") == ["3"])
        #expect(try step("(Get-CsTrustedApplicationEndpoint -Identity \"sip:endpoint1@litwareinc.com\").DisplayName") == ["Endpoint 1"])
        #expect(try step("Get-CsTrustedApplicationEndpoint -Filter {DisplayName -like \"*endpoint*\"} | ForEach-Object SipAddress")
                == ["sip:endpoint1@litwareinc.com", "sip:tapp2@litwareinc.com"])
        #expect(try step("Get-CsTrustedApplicationEndpoint -ApplicationId tapp2 | Select-Object SipAddress, DisplayName, OwnerUrn | ForEach-Object { \"$($_.SipAddress)|$($_.DisplayName)|$($_.OwnerUrn)\" }")
                == ["sip:tapp2@litwareinc.com|Tapp2 endpoint|urn:application:tapp2"])

        #expect(try step("Remove-CsTrustedApplicationEndpoint -Identity \"Endpoint 1\"").isEmpty)
        #expect(try step("Get-CsTrustedApplicationEndpoint -ApplicationId tapp2 | Remove-CsTrustedApplicationEndpoint").isEmpty)
        #expect(try step("(Get-CsTrustedApplicationEndpoint).SipAddress") == generated)

        #expect(try step("Remove-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp2").isEmpty)
        #expect(try step("Get-CsTrustedApplication -Filter *trust* | Remove-CsTrustedApplication").isEmpty)
        #expect(try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM trustedApplication") == 0)
        #expect(try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM trustedServiceEntry") == 0)
        // tapp1's generated endpoint went with the application.
        #expect(try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM contact") == 0)

        #expect(try step("Remove-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com").isEmpty)
        #expect(try step("(New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar Registrar:redmond.litwareinc.com -Site Redmond -ComputerFqdn AppServer.litwareinc.com).Computers")
                == ["AppServer.litwareinc.com"])
        #expect(try step("Get-CsTrustedApplicationPool | Where-Object {$_.PoolFqdn -match \"trust*\"} | Remove-CsTrustedApplicationPool").isEmpty)
        #expect(try step("Get-CsTrustedApplicationPool").isEmpty)
    }

    @Test("The TechNet how-to examples run; the one with the mistyped pool address fails cleanly")
    func howToExamples() throws {
        let f = DeploymentFixture()
        try TrustedApplicationTestTopology.publish(f)
        #expect(try f.strings("(New-CsTrustedApplicationPool -Identity rccgateway.contoso.net -Registrar registrar1.contoso.net -Site co1 -TreatAsAuthenticated $true -ThrottleAsServer $true).ServiceId")
                == ["2-ExternalServer-1"])
        #expect(try f.strings("(New-CsTrustedApplicationPool -Identity 192.168.0.240 -Registrar registrar1.contoso.net -Site co1 -TreatAsAuthenticated $true -ThrottleAsServer $true).ServiceId")
                == ["2-ExternalServer-2"])
        #expect(try f.strings("(New-CsTrustedApplication -ApplicationID RccGateway-1 -TrustedApplicationPoolFqdn rccgateway.contoso.net -Port 5065).Protocol")
                == ["Mtls"])
        // The page writes 192.169.0.240 where the pool is 192.168.0.240.
        let typo = try f.strings("""
            try { New-CsTrustedApplication -ApplicationID RccGateway-1 -TrustedApplicationPoolFqdn 192.169.0.240 -Port 5065 -EnableTcp } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
            """)
        #expect(typo.first?.hasPrefix("TrustedApplicationPoolNotFound") == true)
        #expect(typo.last?.contains("192.169.0.240") == true)
        #expect(try f.strings("(New-CsTrustedApplication -ApplicationID RccGateway-1 -TrustedApplicationPoolFqdn 192.168.0.240 -Port 5065 -EnableTcp).Protocol")
                == ["Tcp"])

        #expect(try f.strings("(New-CsTrustedApplicationPool -Identity atl-watcher-001.litwareinc.com -Registrar atl-cs-001.litwareinc.com -ThrottleAsServer $True -TreatAsAuthenticated $True -OutboundOnly $False -RequiresReplication $True -ComputerFqdn atl-watcher-001.litwareinc.com -Site Redmond).Registrar")
                == ["Registrar:atl-cs-001.litwareinc.com"])
        #expect(try f.strings("(New-CsTrustedApplication -ApplicationId STWatcherNode -TrustedApplicationPoolFqdn atl-watcher-001.litwareinc.com -Port 5061).Port")
                == ["5061"])
        #expect(try f.strings("(Get-CsTrustedApplication -Identity \"atl-watcher-001.litwareinc.com/urn:application:STWatcherNode\").ServiceGruu").first?
            .hasPrefix("sip:atl-watcher-001.litwareinc.com@litwareinc.com;gruu;opaque=srvr:STWatcherNode:") == true)

        #expect(try f.strings("(New-CsTrustedApplicationPool -Identity atl-owa-001.litwareinc.com -Registrar atl-cs-001.litwareinc.com -Site Redmond -RequiresReplication $False).RequiresReplication")
                == ["False"])
        #expect(try f.strings("(New-CsTrustedApplication -ApplicationId OutlookWebApp -TrustedApplicationPoolFqdn atl-owa-001.litwareinc.com  -Port 5199).Identity")
                == ["atl-owa-001.litwareinc.com/urn:application:OutlookWebApp"])
    }

    @Test("Migration step 12: the legacy Group Chat application and pool are deleted with their service entries")
    func groupChatDecommissioning() throws {
        let f = DeploymentFixture()
        try TrustedApplicationTestTopology.publish(f)
        try f.run("""
            $null = New-CsTrustedApplicationPool -Identity gc.litwareinc.com -Registrar pool0.litwareinc.com -Site Redmond
            $null = New-CsTrustedApplication -ApplicationId GroupChat -TrustedApplicationPoolFqdn gc.litwareinc.com -Port 5041
            """)
        #expect(try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM trustedServiceEntry") == 1)
        let out = try f.strings("""
            Get-CsTrustedApplication -TrustedApplicationPoolFqdn gc.litwareinc.com | Remove-CsTrustedApplication -Confirm:$false
            Remove-CsTrustedApplicationPool -Identity gc.litwareinc.com -Confirm:$false
            @(Get-CsTrustedApplicationPool).Count
            @(Get-CsTrustedApplication).Count
            """)
        #expect(out == ["0", "0"])
        #expect(try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM trustedServiceEntry") == 0)
        #expect(try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM trustedApplicationComputer") == 0)
    }
}

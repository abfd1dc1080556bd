import Foundation
import Testing
@testable import LyncCmdlets
import PSRuntime

/// Every example in the cmdlets' own help runs without an error, each in a deployment that has
/// what it needs (and not what it is about to create).
@Suite("Trusted application help examples")
struct TrustedApplicationHelpExampleTests {
    static let examples: [String] = TrustedApplicationCmdlets.all.flatMap { $0.examples.map(\.code) }

    @Test("Help example runs cleanly", arguments: examples)
    func example(_ code: String) throws {
        let f = DeploymentFixture()
        try TrustedApplicationTestTopology.publish(f)
        var setup = ["$ConfirmPreference = 'None'"]
        if !code.hasPrefix("New-CsTrustedApplicationPool") {
            setup.append("$null = New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar pool0.litwareinc.com -Site Redmond")
            setup.append("$null = New-CsTrustedApplicationPool -Identity rccgateway.contoso.net -Registrar registrar1.contoso.net -Site co1")
        }
        if !code.hasPrefix("New-CsTrustedApplicationPool") && !code.hasPrefix("New-CsTrustedApplication ") {
            setup.append("$null = New-CsTrustedApplication -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -Port 6000")
            setup.append("$null = New-CsTrustedApplication -ApplicationId tapp2 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -Port 6100")
        }
        if !code.hasPrefix("New-") {
            setup.append("$null = New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:endpoint1@litwareinc.com -DisplayName 'Endpoint 1'")
            setup.append("$null = New-CsTrustedApplicationEndpoint -ApplicationId tapp2 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com")
        }
        try f.run(setup.joined(separator: "\n"))
        let run = try f.run("$ConfirmPreference = 'None'\n" + code)
        #expect(run.host.text(of: .error).isEmpty, "\(run.host.text(of: .error))")
    }
}

import Foundation
import LyncCmdlets
import PSRuntime
import Testing

/// Every example in the help of the directory and endpoint cmdlets runs without an error
/// against a deployment holding what the examples name.
@Suite("Directory and endpoint cmdlets: help examples run")
struct DirectoryHelpExampleTests {
    static let cmdletNames = ["Get-ADUser", "New-ADUser", "Remove-ADUser", "Get-ADGroup", "New-ADGroup", "Remove-ADGroup",
                              "Get-ADGroupMember", "Add-ADGroupMember", "Remove-ADGroupMember", "Get-CsUser", "Disable-CsUser",
                              "Enable-CsUser", "Set-CsUser", "Get-ADDomain",
                              "New-CsPersistentChatEndpoint", "Get-CsPersistentChatEndpoint", "Remove-CsPersistentChatEndpoint"]

    /// Accounts, groups and endpoints the examples refer to; the New-* examples start from
    /// an empty directory so that the objects they create are new.
    static func setup(for cmdlet: String) -> String {
        if cmdlet == "New-ADUser" || cmdlet == "New-ADGroup" { return "" }
        let pilar = "New-ADUser 'Pilar Ackerman' -SamAccountName pilar -GivenName Pilar -Surname Ackerman -DisplayName 'Pilar Ackerman'"
        let finance = "New-ADUser fin1 -Path 'OU=Finance,DC=litwareinc,DC=com'"
        // Enable-CsUser needs accounts not yet enabled.
        if cmdlet == "Enable-CsUser" { return "\(pilar)\nNew-ADUser 'Ken Myer' -SamAccountName kmyer\n\(finance)" }
        var script = """
            New-ADUser 'Ken Myer' -SamAccountName kmyer -DisplayName 'Ken Myer' -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:kmyer@litwareinc.com'}
            New-ADUser ocschat -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:ocschat@litwareinc.com'}
            \(pilar); New-ADUser test1; \(finance)
            New-ADGroup ChatAdmins -GroupScope Universal; New-ADGroup ChatUsers -GroupScope Universal
            Add-ADGroupMember CsHelpDesk -Members kmyer
            """
        if cmdlet == "Set-CsUser" {
            script += "\nGet-ADUser -Filter {SamAccountName -like 'pilar' -or SamAccountName -like 'fin*'} | Enable-CsUser -RegistrarPool \(DirectoryCmdletTestSupport.frontEndPool) -SipAddressType SamAccountName -SipDomain litwareinc.com"
        }
        if cmdlet.hasSuffix("-CsPersistentChatEndpoint") && !cmdlet.hasPrefix("New") {
            script += "\nNew-CsPersistentChatEndpoint -SipAddress sip:pce@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com -DisplayName 'Legacy endpoint'"
        }
        return script
    }

    @Test("Each help example runs without errors", arguments: cmdletNames)
    func examplesRun(_ name: String) throws {
        let declaration = try #require(LyncCmdlets.all.first { $0.name == name })
        #expect(!declaration.examples.isEmpty && !declaration.synopsis.isEmpty && !declaration.description.isEmpty)
        for parameter in declaration.parameters {
            #expect(!parameter.help.isEmpty, "\(name) -\(parameter.name) has no help")
        }
        for example in declaration.examples {
            let f = try DirectoryCmdletTestSupport.fixture()
            try f.run(Self.setup(for: name))
            // Removals ask first; the user answers Yes to All.
            let host = RecordingHostUI(inputLines: Array(repeating: "A", count: 5), isInteractive: true)
            _ = try f.session(host: host).evaluate(example.code)
            #expect(host.text(of: .error).isEmpty, "\(example.code): \(host.text(of: .error))")
        }
    }
}

import Foundation
import Testing
import LyncDeployment
import PSRuntime

/// Every line of doc-examples.ps1 for the Persistent Chat management cmdlets, as written, in an
/// order in which each has something to work on. Lines the file marks as documentation mistakes
/// run too and must fail with the error that mistake deserves.
@Suite("Persistent Chat doc examples")
struct PersistentChatDocExampleTests {
    /// The documented command lines of these cmdlets (every line of the reference's
    /// doc-examples.ps1 that names one of them, in file order), kept in the repository.
    static let examplesFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/persistent-chat-doc-examples.txt")

    /// The cmdlets of this group, as a line of the examples file names them.
    static let cmdletPattern = #"(^|\|\s*)(Get|New|Set|Remove|Clear|Grant)-CsPersistentChat(Category|Room|Addin|Message|State|Policy|Configuration|EligiblePrincipal)"#

    final class Runner {
        let f: DeploymentFixture
        var ran: Set<String> = []
        init(_ f: DeploymentFixture) { self.f = f }

        /// Runs a documented line; it must succeed. Returns its output.
        @discardableResult
        func ok(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
            ran.insert(line)
            let result = try PersistentChatTestDeployment.step(f, line)
            #expect(result.errors.isEmpty, "\(line): \(result.errors)", sourceLocation: sourceLocation)
            return result.output
        }

        /// Runs a documented line that must fail with an error containing `expected`.
        func fails(_ line: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            ran.insert(line)
            let result = try PersistentChatTestDeployment.step(f, line)
            #expect(result.errors.contains(expected), "\(line): \(result.errors)", sourceLocation: sourceLocation)
        }

        /// Setup or checks that are not documented lines.
        @discardableResult
        func setup(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
            let result = try PersistentChatTestDeployment.step(f, script)
            #expect(result.errors.isEmpty, "\(script): \(result.errors)", sourceLocation: sourceLocation)
            return result.output
        }
    }

    @Test("Category, room and add-in examples run in a life-cycle order")
    func categoriesRoomsAddins() throws {
        let f = DeploymentFixture()
        try PersistentChatTestDeployment.deploy(f)
        let r = Runner(f)

        #expect(try r.ok("Get-CsPersistentChatCategory").isEmpty)
        #expect(try r.ok(#"New-CsPersistentChatCategory -Name "HelpDesk" -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com" -EnableFileUpload"#).count == 1)
        #expect(try r.setup("(Get-CsPersistentChatCategory).FileUpload") == ["True"])
        #expect(try r.ok(#"Get-CsPersistentChatCategory -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com""#).count == 1)
        #expect(try r.ok(#"Set-CsPersistentChatCategory -Identity "atl-cs-001.litwareinc.com\helpdesk" -FileUpload $False"#).isEmpty)
        #expect(try r.setup("(Get-CsPersistentChatCategory).FileUpload") == ["False"])
        try r.setup(#"Set-CsPersistentChatCategory -Identity "atl-cs-001.litwareinc.com\helpdesk" -FileUpload $True"#)
        #expect(try r.ok("Get-CsPersistentChatCategory | Set-CsPersistentChatCategory -FileUpload $False").isEmpty)
        #expect(try r.setup("(Get-CsPersistentChatCategory).FileUpload") == ["False"])
        // Doc typo (no space before -FileUpload): one unknown command name.
        try r.fails("Get-CsPersistentChatCategory | Set-CsPersistentChatCategory-FileUpload $False",
                    "The term 'Set-CsPersistentChatCategory-FileUpload' is not recognized")
        #expect(try r.ok("Get-CsPersistentChatCategory | Where-Object {$_.Invites -eq $False}").count == 1)
        try r.setup(#"Set-CsPersistentChatCategory -Identity "atl-cs-001.litwareinc.com\helpdesk" -AllowedMembers @{Add="sip:kenmyer@litwareinc.com"} -Creators @{Add="sip:kenmyer@litwareinc.com"}"#)
        // Lists show SIP addresses unless -AsObject asks for display names.
        #expect(try r.ok(#"Get-CsPersistentChatCategory | Where-Object {$_.Creators -contains "Ken Myer"}"#).isEmpty)
        #expect(try r.setup(#"(Get-CsPersistentChatCategory -AsObject | Where-Object {$_.Creators -contains "Ken Myer"}).Identity"#)
                == ["atl-cs-001.litwareinc.com\\HelpDesk"])
        #expect(try r.ok(#"Remove-CsPersistentChatCategory -Identity "atl-cs-001.litwareinc.com\helpdesk""#).isEmpty)
        #expect(try r.setup("Get-CsPersistentChatCategory").isEmpty)

        // Rooms.
        try r.setup(#"New-CsPersistentChatCategory -Name IT -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com" | Out-Null"#)
        #expect(try r.ok(#"New-CsPersistentChatRoom -Name "ITChatRoom" -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com" -Category "IT""#).count == 1)
        // Doc typo (no space before -Category): pcsh still reads -Category, so this is a second
        // ITChatRoom, refused because names are unique in a pool.
        try r.fails(#"New-CsPersistentChatRoom -Name "ITChatRoom" -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com"-Category "IT""#,
                    "already has a room named 'ITChatRoom'")
        #expect(try r.ok("Get-CsPersistentChatRoom").count == 1)
        #expect(try r.ok(#"Get-CsPersistentChatRoom -Identity "atl-cs-001.litwareinc.com\ITChatRoom""#).count == 1)
        #expect(try r.ok(#"Get-CsPersistentChatRoom -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com""#).count == 1)
        #expect(try r.ok(#"Set-CsPersistentChatRoom -Identity "atl-cs-001.litwareinc.com\ITChatRoom" -Disabled $True"#).isEmpty)
        #expect(try r.setup("(Get-CsPersistentChatRoom).Disabled") == ["True"])
        #expect(try r.ok(#"Set-CsPersistentChatRoom -Identity "atl-cs-001.litwareinc.com\ITChatRoom" -Disabled $False"#).isEmpty)
        #expect(try r.setup("(Get-CsPersistentChatRoom).Disabled") == ["False"])
        try r.ok(#"Get-CsPersistentChatRoom -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com" | Set-CsPersistentChatRoom -Disabled $True"#)
        #expect(try r.setup("(Get-CsPersistentChatRoom).Disabled") == ["True"])
        try r.setup(#"Set-CsPersistentChatRoom -Identity "atl-cs-001.litwareinc.com\ITChatRoom" -Disabled $False"#)
        try r.ok("Get-CsPersistentChatRoom | Set-CsPersistentChatRoom -Disabled $True")
        #expect(try r.setup("(Get-CsPersistentChatRoom).Disabled") == ["True"])

        // Clearing: messages from 2011, 2013 and 2019.
        try r.setup(#"Set-CsPersistentChatCategory -Identity "atl-cs-001.litwareinc.com\IT" -AllowedMembers @{Add="sip:kenmyer@litwareinc.com"}"#)
        try r.setup(#"Set-CsPersistentChatRoom -Identity "atl-cs-001.litwareinc.com\ITChatRoom" -Members @{Add="sip:kenmyer@litwareinc.com"}"#)
        let database = try PersistentChatTestDeployment.database(f, sqlStore: PersistentChatTestDeployment.atlCs)
        for (text, day) in [("old", "2011-06-01"), ("middle", "2013-06-01"), ("new", "2019-06-01")] {
            try PersistentChatTestDeployment.post(database, room: "ITChatRoom", author: "sip:kenmyer@litwareinc.com", text: text,
                                                  at: PersistentChatTestDeployment.date(day))
        }
        try r.ok(#"Clear-CsPersistentChatRoom -Identity "atl-cs-001.litwareinc.com\ITChatRoom" -EndDate "3/1/2012""#)
        #expect(try PersistentChatTestDeployment.messages(database) == ["middle", "new"])
        try r.ok(#"Get-CsPersistentChatRoom | Clear-CsPersistentChatRoom -EndDate "3/1/2012" -Confirm:$False"#)
        #expect(try PersistentChatTestDeployment.messages(database) == ["middle", "new"])
        try r.ok(#"Clear-CsPersistentChatRoom -Identity "atl-cs-001.litwareinc.com\ITChatRoom" -EndDate "3/1/2018""#)
        #expect(try PersistentChatTestDeployment.messages(database) == ["new"])
        try r.ok(#"Get-CsPersistentChatRoom | Clear-CsPersistentChatRoom -EndDate "3/1/2018" -Confirm:$False"#)
        #expect(try PersistentChatTestDeployment.messages(database) == ["new"])

        // Add-ins.
        #expect(try r.ok("Get-CsPersistentChatAddin").isEmpty)
        #expect(try r.ok(#"New-CsPersistentChatAddin -Name "ITPersistentChatAddin" -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com" -Url "https://atl-cs-001.litwareinc.com/itchat""#).count == 1)
        #expect(try r.ok(#"Get-CsPersistentChatAddin -Identity "atl-cs-001.litwareinc.com\ITPersistentChatAddin""#).count == 1)
        #expect(try r.ok(#"Get-CsPersistentChatAddin -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com""#).count == 1)
        try r.ok(#"Set-CsPersistentChatAddin -Identity "atl-cs-001.litwareinc.com\ITPersistentChatAddin" -Url "https://atl-cs-001.litwareinc.com/itchat2""#)
        #expect(try r.setup("(Get-CsPersistentChatAddin).Url") == ["https://atl-cs-001.litwareinc.com/itchat2"])
        try r.ok(#"Set-CsPersistentChatAddin -Identity "atl-cs-001.litwareinc.com\ITPersistentChatAddin" -Url "http://atl-cs-001.litwareinc.com/itchat2""#)
        #expect(try r.setup("(Get-CsPersistentChatAddin).Url") == ["http://atl-cs-001.litwareinc.com/itchat2"])
        try r.setup(#"New-CsPersistentChatAddin -Name ITChatAddin -PersistentChatPoolFqdn atl-cs-001.litwareinc.com -Url https://atl-cs-001.litwareinc.com/it | Out-Null"#)
        try r.ok(#"Remove-CsPersistentChatAddin -Identity "atl-cs-001.litwareinc.com\ITChatAddin""#)
        #expect(try r.setup("(Get-CsPersistentChatAddin).Name") == ["ITPersistentChatAddin"])
        try r.ok("Get-CsPersistentChatAddin | Remove-CsPersistentChatAddin")
        #expect(try r.setup("Get-CsPersistentChatAddin").isEmpty)
        #expect(try r.ok(#"New-CsPersistentChatAddin -Name "ITPersistentChatAddin" -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com" -Url "http://atl-cs-001.litwareinc.com/itchat""#).count == 1)
        #expect(try r.ok("New-CsPersistentChatAddin -Name Contoso -PersistentChatPoolFqdn client.contoso.com -Url http://contoso.com").count == 1)

        // Removing rooms, then the emptied categories.
        try r.setup(#"New-CsPersistentChatCategory -Name Redmond -PersistentChatPoolFqdn atl-gc-001.litwareinc.com | Out-Null; New-CsPersistentChatRoom -Name RedmondChatRoom -Category atl-gc-001.litwareinc.com\Redmond | Out-Null"#)
        try r.ok(#"Remove-CsPersistentChatRoom -Identity "atl-gc-001.litwareinc.com\RedmondChatRoom""#)
        #expect(try r.setup("(Get-CsPersistentChatRoom).Name") == ["ITChatRoom"])
        try r.setup(#"New-CsPersistentChatRoom -Name OpenRoom -Category atl-gc-001.litwareinc.com\Redmond -Privacy Open | Out-Null"#)
        try r.ok(#"Get-CsPersistentChatRoom -Privacy "Closed" | Remove-CsPersistentChatRoom"#)
        #expect(try r.setup("(Get-CsPersistentChatRoom).Name") == ["OpenRoom"])
        try r.ok("Get-CsPersistentChatRoom | Remove-CsPersistentChatRoom")
        #expect(try r.setup("Get-CsPersistentChatRoom").isEmpty)
        try r.ok("Get-CsPersistentChatCategory | Remove-CsPersistentChatCategory")
        #expect(try r.setup("Get-CsPersistentChatCategory").isEmpty)

        try Self.howToExamples(r)
        try Self.stateAndMessageExamples(r)

        // Every documented line of these cmdlets ran.
        let text = try String(contentsOf: Self.examplesFile, encoding: .utf8)
        let documented = Set(text.split(separator: "\n").map(String.init).filter { line in
            line.range(of: Self.cmdletPattern, options: .regularExpression) != nil
        })
        #expect(!documented.isEmpty)
        #expect(documented.subtracting(r.ran).sorted() == [])
    }

    /// The TechNet how-to lines: bare identities such as testCat, the placeholders and the
    /// mistakes the file marks.
    static func howToExamples(_ r: Runner) throws {
        try r.setup("New-CsPersistentChatCategory -Name testCat -PersistentChatPoolFqdn client.contoso.com | Out-Null")
        // CN=container,DC=contoso,DC=com is outside the litwareinc.com directory: the documented error.
        try r.fails(#"Set-CsPersistentChatCategory -Identity testCat -AllowedMembers @{Add="sip:user1@contoso.com", "CN=container,DC=contoso,DC=com"}  -DeniedMembers @{Add="sip:user2@contoso.com"}"#,
                    "principal not provisioned: 'CN=container,DC=contoso,DC=com'")
        try r.setup(#"Set-CsPersistentChatCategory -Identity testCat -AllowedMembers @{Add="sip:user1@contoso.com"} -DeniedMembers @{Add="sip:user2@contoso.com"}"#)
        try r.ok(#"Set-CsPersistentChatCategory -Identity testCat -Creators @{Add="sip:user1@contoso.com"}"#)
        #expect(try r.setup(#"(Get-CsPersistentChatCategory -Identity client.contoso.com\testCat).Creators"#) == ["sip:user1@contoso.com"])
        // Placeholder text "[other parameters]" left in the source.
        try r.fails("New-CsPersistentChatCategory -Name Foo -PersistentChatPoolFqdn client.contoso1b118d91-b4c4-4b2f-b842-b451417ec2c6.com [other parameters]",
                    "A positional parameter cannot be found")
        try r.setup(#"New-CsPersistentChatCategory -Name Foo -PersistentChatPoolFqdn client.contoso.com | Out-Null"#)
        try r.fails(#"New-CsPersistentChatRoom -Name Foo1 -PersistentChatPoolFqdn client.contoso.com -Category client.contoso.com\Foo [other parameters]"#,
                    "A positional parameter cannot be found")
        // The source uses the category's name as a room identity: no room has it.
        for line in [#"Set-CsPersistentChatRoom -Identity testCat -Members @{Add="sip:user1@contoso.com", "CN=container,DC=contoso,DC=com"}"#,
                     #"Set-CsPersistentChatRoom -Identity testCat -Managers @{Add="sip:user2@contoso.com"}"#,
                     #"Set-CsPersistentChatRoom -Identity testCat -Presenters @{Add="sip:user1@contoso.com"}"#] {
            try r.fails(line, "No Persistent Chat pool has a chat room named 'testCat'")
        }
        // Doc error: Set-CsPersistentChatRoom has no -PersistentChatPoolFqdn.
        for line in [#"Set-CsPersistentChatRoom -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com\NorthAmerica" -Members @{Add="OU=NorthAmericaUsers,DC=litwareinc,DC=com"}"#,
                     #"Set-CsPersistentChatRoom -PersistentChatPoolFqdn "atl-cs-001.litwareinc.com\NorthAmerica" -Members @{Add="CN=Finance,OU=ExternalUsers,DC=litwareinc,DC=com"}"#] {
            try r.fails(line, "A parameter cannot be found that matches parameter name 'PersistentChatPoolFqdn'")
        }
        // What those lines meant, written correctly.
        try r.setup(#"New-CsPersistentChatCategory -Name NorthAmerica -PersistentChatPoolFqdn atl-cs-001.litwareinc.com | Out-Null; New-CsPersistentChatRoom -Name NorthAmerica-Room -Category atl-cs-001.litwareinc.com\NorthAmerica | Out-Null"#)
        try r.setup(#"Set-CsPersistentChatCategory -Identity atl-cs-001.litwareinc.com\NorthAmerica -AllowedMembers @{Add="OU=NorthAmericaUsers,DC=litwareinc,DC=com","CN=Finance,OU=ExternalUsers,DC=litwareinc,DC=com"}"#)
        try r.setup(#"Set-CsPersistentChatRoom -Identity atl-cs-001.litwareinc.com\NorthAmerica-Room -Members @{Add="OU=NorthAmericaUsers,DC=litwareinc,DC=com"}"#)
        try r.setup(#"Set-CsPersistentChatRoom -Identity atl-cs-001.litwareinc.com\NorthAmerica-Room -Members @{Add="CN=Finance,OU=ExternalUsers,DC=litwareinc,DC=com"}"#)
        #expect(try r.setup(#"(Get-CsPersistentChatRoom atl-cs-001.litwareinc.com\NorthAmerica-Room).Members"#)
                == ["OU=NorthAmericaUsers,DC=litwareinc,DC=com", "CN=Finance,OU=ExternalUsers,DC=litwareinc,DC=com"])
    }

    static func stateAndMessageExamples(_ r: Runner) throws {
        #expect(try r.ok("Get-CsPersistentChatState").count == 8)
        #expect(try r.ok(#"Get-CsPersistentChatState -Identity "PersistentChatServer:atl-gc-001.litwareinc.com""#).count == 1)
        #expect(try r.ok(#"Get-CsPersistentChatState -Filter "*.litwareinc.com""#).count == 4)
        #expect(try r.ok(#"Get-CsPersistentChatState | Where-Object {$_.PoolState -eq "FailedOver"}"#).isEmpty)
        try r.ok(#"Set-CsPersistentChatState -Identity "PersistentChatServer:atl-gc-001.litwareinc.com" -PoolState "FailedOver""#)
        #expect(try r.setup(#"(Get-CsPersistentChatState | Where-Object {$_.PoolState -eq "FailedOver"}).Identity"#)
                == ["PersistentChatServer:atl-gc-001.litwareinc.com"])
        // The en dash before PoolState is in the source; PowerShell reads it as a dash.
        try r.ok(#"Set-CsPersistentChatState -Identity "service:atl-cs-001.litwareinc.com" –PoolState FailedOver"#)
        #expect(try r.setup(#"(Get-CsPersistentChatState PersistentChatServer:atl-cs-001.litwareinc.com).PoolState"#) == ["FailedOver"])
        try r.setup(#"Set-CsPersistentChatState -Identity "service:lyncpc.dci.discovery.com" -PoolState FailedOver"#)
        try r.ok(#"Set-CsPersistentChatState -Identity "service: lyncpc.dci.discovery.com" -PoolState Normal"#)
        #expect(try r.setup(#"(Get-CsPersistentChatState PersistentChatServer:lyncpc.dci.discovery.com).PoolState"#) == ["Normal"])

        // Messages in atl-persistentchat-001's ITChatRoom: Ken's from 2011 and 2013, Pilar's.
        try r.setup(#"New-CsPersistentChatCategory -Name IT -PersistentChatPoolFqdn atl-persistentchat-001.litwareinc.com | Out-Null"#)
        try r.setup(#"New-CsPersistentChatRoom -Name ITChatRoom -Category atl-persistentchat-001.litwareinc.com\IT | Out-Null"#)
        try r.setup(#"Set-CsPersistentChatCategory -Identity atl-persistentchat-001.litwareinc.com\IT -AllowedMembers @{Add="sip:kenmyer@litwareinc.com","sip:pilar@litwareinc.com"}"#)
        try r.setup(#"Set-CsPersistentChatRoom -Identity atl-persistentchat-001.litwareinc.com\ITChatRoom -Members @{Add="sip:kenmyer@litwareinc.com","sip:pilar@litwareinc.com"}"#)
        let database = try PersistentChatTestDeployment.database(r.f, sqlStore: PersistentChatTestDeployment.atlPersistentChat)
        func post(_ author: String, _ text: String, _ day: String) throws {
            try PersistentChatTestDeployment.post(database, room: "ITChatRoom", author: author, text: text, at: PersistentChatTestDeployment.date(day))
        }
        try post("sip:kenmyer@litwareinc.com", "ken 2011", "2011-06-01")
        try post("sip:pilar@litwareinc.com", "pilar 2013", "2013-06-01")
        try post("sip:kenmyer@litwareinc.com", "ken 2013", "2013-07-01")
        try r.ok(#"Remove-CsPersistentChatMessage -Identity "atl-persistentchat-001.litwareinc.com\ITChatRoom" -EndDate "4/1/2012""#)
        #expect(try PersistentChatTestDeployment.messages(database) == ["pilar 2013", "ken 2013"])
        try r.ok(#"Remove-CsPersistentChatMessage -Identity "atl-persistentchat-001.litwareinc.com\ITChatRoom" -UserUri "sip:kenmyer@litwareinc.com" -ReplaceMessage "This message is no longer available.""#)
        #expect(try PersistentChatTestDeployment.messages(database) == ["pilar 2013", "This message is no longer available."])
        try r.ok(#"Remove-CsPersistentChatMessage -Identity "atl-persistentchat-001.litwareinc.com\ITChatRoom" -UserUri "sip:kenmyer@litwareinc.com""#)
        #expect(try PersistentChatTestDeployment.messages(database) == ["pilar 2013"])
    }
}

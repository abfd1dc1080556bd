import Foundation
import Testing
import LyncDeployment
import PSRuntime

/// State, policies, configuration, eligible principals and message removal.
@Suite("Persistent Chat settings cmdlets")
struct PersistentChatSettingsCmdletTests {
    @Test("State: identity forms, filter, and only Persistent Chat pools")
    func state() throws {
        let f = DeploymentFixture()
        try PersistentChatTestDeployment.deploy(f)
        for identity in ["PersistentChatServer:atl-gc-001.litwareinc.com", "service:atl-gc-001.litwareinc.com",
                         "service: atl-gc-001.litwareinc.com", "service:PersistentChatServer:atl-gc-001.litwareinc.com"] {
            #expect(try f.strings("(Get-CsPersistentChatState -Identity '\(identity)').Identity") == ["PersistentChatServer:atl-gc-001.litwareinc.com"])
        }
        #expect(try f.strings("(Get-CsPersistentChatState -Filter '*contoso*').Count") == ["3"])
        let refused = try PersistentChatTestDeployment.step(f, "Set-CsPersistentChatState -Identity service:pool0.litwareinc.com -PoolState FailedOver")
        #expect(refused.errors.contains("Cannot find PersistentChat pool 'pool0.litwareinc.com'"))
        #expect(try PersistentChatTestDeployment.step(f, "Set-CsPersistentChatState -Identity service:atl-gc-001.litwareinc.com -PoolState Broken").errors.isEmpty == false)
        try f.run("Set-CsPersistentChatState -Identity service:PersistentChatServer:atl-gc-001.litwareinc.com -PoolState failedover")
        #expect(try f.strings("(Get-CsPersistentChatState PersistentChatServer:atl-gc-001.litwareinc.com).PoolState") == ["FailedOver"])
    }

    @Test("Policies: Global off by default, site and per-user policies, grant and revoke")
    func policies() throws {
        let f = DeploymentFixture()
        try PersistentChatTestDeployment.deploy(f)
        #expect(try f.strings("Get-CsPersistentChatPolicy | ForEach-Object { '{0}|{1}' -f $_.Identity, $_.EnablePersistentChat }") == ["Global|False"])
        try f.run("Set-CsPersistentChatPolicy -Identity Global -EnablePersistentChat $true")
        #expect(try f.strings("(Get-CsPersistentChatPolicy -Identity Global).EnablePersistentChat") == ["True"])
        #expect(try f.strings("(New-CsPersistentChatPolicy -Identity site:Redmond -EnablePersistentChat $true).Identity") == ["site:Redmond"])
        #expect(try f.strings("(New-CsPersistentChatPolicy -Identity NoChat -Description 'No chat').Identity") == ["tag:NoChat"])
        #expect(try PersistentChatTestDeployment.step(f, "New-CsPersistentChatPolicy -Identity site:Nowhere").errors.contains("Cannot find the site 'Nowhere'"))
        #expect(try PersistentChatTestDeployment.step(f, "New-CsPersistentChatPolicy -Identity NoChat").errors.contains("already exists"))
        #expect(try f.strings("(Get-CsPersistentChatPolicy -Filter 'tag:*').Identity") == ["tag:NoChat"])
        #expect(try f.strings("(Grant-CsPersistentChatPolicy -Identity 'sip:kenmyer@litwareinc.com' -PolicyName NoChat -PassThru).PersistentChatPolicy") == ["tag:NoChat"])
        #expect(try f.strings("(Get-CsUser -Identity kenmyer).PersistentChatPolicy") == ["tag:NoChat"])
        #expect(try PersistentChatTestDeployment.step(f, "Grant-CsPersistentChatPolicy -Identity kenmyer -PolicyName site:Redmond").errors
                    .contains("only per-user (tag:) policies can be granted"))
        #expect(try PersistentChatTestDeployment.step(f, "Grant-CsPersistentChatPolicy -Identity nobody -PolicyName NoChat").errors.contains("Cannot find the user 'nobody'"))
        #expect(try f.strings("(Grant-CsPersistentChatPolicy -Identity kenmyer -PolicyName $null -PassThru).PersistentChatPolicy") == [""])
        try f.run("Get-CsPersistentChatPolicy -Filter 'tag:*' | Remove-CsPersistentChatPolicy -Force; Remove-CsPersistentChatPolicy Global -Force")
        #expect(try f.strings("Get-CsPersistentChatPolicy | ForEach-Object { '{0}|{1}' -f $_.Identity, $_.EnablePersistentChat }") == ["Global|False", "site:Redmond|True"])
        // A user administrator may grant policies too.
        try f.addUser("uma", groups: ["CsUserAdministrator"])
        try f.run("New-CsPersistentChatPolicy -Identity Chatty -EnablePersistentChat $true | Out-Null")
        #expect(try f.outcome("Grant-CsPersistentChatPolicy -Identity kenmyer -PolicyName Chatty", user: "uma").errors.isEmpty)
    }

    @Test("Configuration: defaults, ranges, site and pool scopes")
    func configuration() throws {
        let f = DeploymentFixture()
        try PersistentChatTestDeployment.deploy(f)
        #expect(try f.strings("Get-CsPersistentChatConfiguration | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.Identity, $_.DefaultChatHistory, $_.MaxFileSizeKB, $_.ParticipantUpdateLimit }")
                == ["Global|30|20000|75"])
        try f.run("Set-CsPersistentChatConfiguration -DefaultChatHistory 500 -RoomManagementUrl https://rooms.litwareinc.com")
        #expect(try f.strings("(Get-CsPersistentChatConfiguration Global).DefaultChatHistory") == ["500"])
        #expect(try PersistentChatTestDeployment.step(f, "Set-CsPersistentChatConfiguration -DefaultChatHistory 501").errors.contains("between 1 and 500"))
        #expect(try PersistentChatTestDeployment.step(f, "Set-CsPersistentChatConfiguration -DefaultChatHistory 0").errors.contains("between 1 and 500"))
        try f.run("Set-CsPersistentChatConfiguration -Identity 'service:PersistentChatServer:atl-cs-001.litwareinc.com' -MaxFileSizeKB 100")
        try f.run("Set-CsPersistentChatConfiguration -Identity site:Redmond -ParticipantUpdateLimit 10")
        #expect(try f.strings("(Get-CsPersistentChatConfiguration -Filter 'service:*').MaxFileSizeKB") == ["100"])
        #expect(try f.strings("(Get-CsPersistentChatConfiguration site:Redmond).ParticipantUpdateLimit") == ["10"])
        #expect(try PersistentChatTestDeployment.step(f, "Set-CsPersistentChatConfiguration -Identity service:pool0.litwareinc.com -MaxFileSizeKB 1").errors
                    .contains("Cannot find PersistentChat pool"))
        #expect(try PersistentChatTestDeployment.step(f, "Set-CsPersistentChatConfiguration -Identity site:Mars -MaxFileSizeKB 1").errors.contains("Cannot find the site 'Mars'"))
    }

    @Test("Eligible principals: allowed minus denied, through groups and OUs; presenters only for auditoriums")
    func eligiblePrincipals() throws {
        let f = DeploymentFixture()
        try PersistentChatTestDeployment.deploy(f)
        try f.run(#"""
            New-CsPersistentChatCategory -Name IT -PersistentChatPoolFqdn atl-cs-001.litwareinc.com | Out-Null
            Set-CsPersistentChatCategory atl-cs-001.litwareinc.com\IT -AllowedMembers @{Add="DC=litwareinc,DC=com"} -DeniedMembers @{Add="CN=Finance,OU=ExternalUsers,DC=litwareinc,DC=com"}
            New-CsPersistentChatRoom -Name Talk -Category atl-cs-001.litwareinc.com\IT | Out-Null
            New-CsPersistentChatRoom -Name Stage -Category atl-cs-001.litwareinc.com\IT -Type Auditorium | Out-Null
            """#)
        let everyone = try f.strings(#"Get-CsPersistentChatEligiblePrincipal -Category atl-cs-001.litwareinc.com\IT | ForEach-Object SipAddress"#)
        #expect(everyone.sorted() == ["sip:kenmyer@litwareinc.com", "sip:pilar@litwareinc.com", "sip:user1@contoso.com", "sip:user2@contoso.com"])
        #expect(try f.strings(#"(Get-CsPersistentChatEligiblePrincipal -Room atl-cs-001.litwareinc.com\Talk -Filter '*Ken*').Name"#) == ["Ken Myer"])
        #expect(try f.strings(#"Get-CsPersistentChatEligiblePrincipal -Room atl-cs-001.litwareinc.com\Talk -Presenters"#).isEmpty)
        #expect(try f.strings(#"(Get-CsPersistentChatEligiblePrincipal -Room atl-cs-001.litwareinc.com\Stage -Presenters -ResultSize 2).Count"#) == ["2"])
    }

    @Test("Remove-CsPersistentChatMessage: keywords with And, Or, Exact, case, dates and replacement")
    func messages() throws {
        let f = DeploymentFixture()
        try PersistentChatTestDeployment.deploy(f)
        try f.run(#"""
            New-CsPersistentChatCategory -Name IT -PersistentChatPoolFqdn atl-cs-001.litwareinc.com | Out-Null
            Set-CsPersistentChatCategory atl-cs-001.litwareinc.com\IT -AllowedMembers @{Add="sip:kenmyer@litwareinc.com","sip:pilar@litwareinc.com"}
            New-CsPersistentChatRoom -Name Talk -Category atl-cs-001.litwareinc.com\IT | Out-Null
            Set-CsPersistentChatRoom atl-cs-001.litwareinc.com\Talk -Members @{Add="sip:kenmyer@litwareinc.com","sip:pilar@litwareinc.com"}
            """#)
        let database = try PersistentChatTestDeployment.database(f, sqlStore: PersistentChatTestDeployment.atlCs)
        let texts = ["Secret budget plan", "budget lunch", "plan the party", "SECRET stuff", "hello"]
        for (index, text) in texts.enumerated() {
            try PersistentChatTestDeployment.post(database, room: "Talk", author: index == 4 ? "sip:pilar@litwareinc.com" : "sip:kenmyer@litwareinc.com",
                                                  text: text, at: PersistentChatTestDeployment.date("2015-0\(index + 1)-10"))
        }
        let room = "-Identity atl-cs-001.litwareinc.com\\Talk -Confirm:$false"
        try f.run("Remove-CsPersistentChatMessage \(room) -Filter 'budget plan' -MatchClause And -ReplaceMessage '[removed]'")
        #expect(try PersistentChatTestDeployment.messages(database) == ["[removed]", "budget lunch", "plan the party", "SECRET stuff", "hello"])
        try f.run("Remove-CsPersistentChatMessage \(room) -Filter 'secret' -CaseSensitive $true -Remove")
        #expect(try PersistentChatTestDeployment.messages(database).count == 5)
        try f.run("Remove-CsPersistentChatMessage \(room) -Filter 'SECRET' -CaseSensitive $true")
        #expect(try PersistentChatTestDeployment.messages(database) == ["[removed]", "budget lunch", "plan the party", "hello"])
        try f.run("Remove-CsPersistentChatMessage \(room) -Filter 'the party' -MatchClause Exact -StartDate 2015-03-01 -EndDate 2015-03-31")
        #expect(try PersistentChatTestDeployment.messages(database) == ["[removed]", "budget lunch", "hello"])
        try f.run("Remove-CsPersistentChatMessage \(room) -Filter 'lunch hello' -MatchClause Or -UserUri sip:pilar@litwareinc.com")
        #expect(try PersistentChatTestDeployment.messages(database) == ["[removed]", "budget lunch"])
        #expect(try PersistentChatTestDeployment.step(f, "Remove-CsPersistentChatMessage \(room) -MatchClause Maybe").errors.contains("And,Or,Exact"))
    }
}

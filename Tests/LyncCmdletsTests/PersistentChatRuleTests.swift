import Foundation
import Testing
import LyncDeployment
import PSRuntime

/// The documented Persistent Chat rules, each through the cmdlets, each with its error.
@Suite("Persistent Chat rules")
struct PersistentChatRuleTests {
    /// A deployment with category IT (Ken and Pilar allowed) holding ITChatRoom, on atl-cs-001.
    static func deployment() throws -> DeploymentFixture {
        let f = DeploymentFixture()
        try PersistentChatTestDeployment.deploy(f)
        let setup = try PersistentChatTestDeployment.step(f, #"""
            New-CsPersistentChatCategory -Name IT -PersistentChatPoolFqdn atl-cs-001.litwareinc.com | Out-Null
            Set-CsPersistentChatCategory -Identity atl-cs-001.litwareinc.com\IT -AllowedMembers @{Add="sip:kenmyer@litwareinc.com","sip:pilar@litwareinc.com"}
            New-CsPersistentChatRoom -Name ITChatRoom -Category atl-cs-001.litwareinc.com\IT | Out-Null
            """#)
        guard setup.errors.isEmpty else { throw PersistentChatTestDeployment.SetupFailure(message: setup.errors) }
        return f
    }

    static func errors(_ f: DeploymentFixture, _ script: String) throws -> String {
        try PersistentChatTestDeployment.step(f, script).errors
    }

    @Test("Category and room names are unique per pool, shared between the two, and at most 256 characters")
    func uniqueNames() throws {
        let f = try Self.deployment()
        #expect(try Self.errors(f, "New-CsPersistentChatCategory -Name it -PersistentChatPoolFqdn atl-cs-001.litwareinc.com")
                    .contains("already has a category named 'IT'"))
        #expect(try Self.errors(f, "New-CsPersistentChatRoom -Name IT -Category atl-cs-001.litwareinc.com\\IT")
                    .contains("already has a category named 'IT'"))
        #expect(try Self.errors(f, "New-CsPersistentChatCategory -Name ITChatRoom -PersistentChatPoolFqdn atl-cs-001.litwareinc.com")
                    .contains("already has a room named 'ITChatRoom'"))
        #expect(try Self.errors(f, "Set-CsPersistentChatCategory -Identity atl-cs-001.litwareinc.com\\IT -Name ITChatRoom")
                    .contains("already has a room named 'ITChatRoom'"))
        // Another pool is another name space.
        #expect(try Self.errors(f, "New-CsPersistentChatCategory -Name IT -PersistentChatPoolFqdn atl-gc-001.litwareinc.com | Out-Null").isEmpty)
        let long = String(repeating: "n", count: 257)
        #expect(try Self.errors(f, "New-CsPersistentChatCategory -Name \(long) -PersistentChatPoolFqdn atl-cs-001.litwareinc.com")
                    .contains("at most 256 are allowed"))
        #expect(try Self.errors(f, "New-CsPersistentChatRoom -Name \(long) -Category atl-cs-001.litwareinc.com\\IT").contains("at most 256 are allowed"))
        #expect(try Self.errors(f, "New-CsPersistentChatRoom -Name \(String(repeating: "n", count: 256)) -Category atl-cs-001.litwareinc.com\\IT | Out-Null").isEmpty)
    }

    @Test("A room needs an existing category; only empty categories can be removed")
    func categories() throws {
        let f = try Self.deployment()
        #expect(try Self.errors(f, "New-CsPersistentChatRoom -Name R2 -Category atl-cs-001.litwareinc.com\\Nope")
                    .contains("Cannot find the category 'atl-cs-001.litwareinc.com\\Nope'"))
        let refused = try Self.errors(f, "Remove-CsPersistentChatCategory -Identity atl-cs-001.litwareinc.com\\IT")
        #expect(refused.contains("still has 1 room(s) (ITChatRoom)"))
        #expect(try f.strings("(Get-CsPersistentChatCategory).Count") == ["1"])
        #expect(try Self.errors(f, "Remove-CsPersistentChatRoom atl-cs-001.litwareinc.com\\ITChatRoom; Remove-CsPersistentChatCategory atl-cs-001.litwareinc.com\\IT").isEmpty)
        #expect(try f.strings("Get-CsPersistentChatCategory").isEmpty)
    }

    @Test("Presenters only in auditoriums")
    func presenters() throws {
        let f = try Self.deployment()
        let room = "atl-cs-001.litwareinc.com\\ITChatRoom"
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom \(room) -Presenters @{Add='sip:kenmyer@litwareinc.com'}")
                    .contains("only an Auditorium room can have Presenters"))
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom \(room) -Type Auditorium -Presenters @{Add='sip:kenmyer@litwareinc.com'}").isEmpty)
        #expect(try f.strings("(Get-CsPersistentChatRoom \(room)).Presenters") == ["sip:kenmyer@litwareinc.com"])
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom \(room) -Type Normal").contains("only an Auditorium room can have Presenters"))
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom \(room) -Type Normal -Presenters $null").isEmpty)
        #expect(try f.strings("(Get-CsPersistentChatRoom \(room)).Type") == ["Normal"])
    }

    @Test("Members, managers and creators must be inside allowed − denied")
    func scope() throws {
        let f = try Self.deployment()
        let room = "atl-cs-001.litwareinc.com\\ITChatRoom"
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom \(room) -Members @{Add='sip:user1@contoso.com'}")
                    .contains("'sip:user1@contoso.com' is not in the AllowedMembers of the category 'atl-cs-001.litwareinc.com\\IT'"))
        #expect(try Self.errors(f, "Set-CsPersistentChatCategory atl-cs-001.litwareinc.com\\IT -DeniedMembers @{Add='sip:pilar@litwareinc.com'}").isEmpty)
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom \(room) -Managers @{Add='sip:pilar@litwareinc.com'}")
                    .contains("is in the DeniedMembers of the category"))
        #expect(try Self.errors(f, "Set-CsPersistentChatCategory atl-cs-001.litwareinc.com\\IT -Creators @{Add='sip:pilar@litwareinc.com'}")
                    .contains("is in the DeniedMembers of the category"))
        // Allowed through an OU and a group.
        #expect(try Self.errors(f, "Set-CsPersistentChatCategory atl-cs-001.litwareinc.com\\IT -AllowedMembers @{Add='CN=Finance,OU=ExternalUsers,DC=litwareinc,DC=com'}").isEmpty)
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom \(room) -Members @{Add='sip:ann@litwareinc.com','sip:kenmyer@litwareinc.com'}").isEmpty)
        #expect(try f.strings("(Get-CsPersistentChatRoom \(room)).Members") == ["sip:ann@litwareinc.com", "sip:kenmyer@litwareinc.com"])
        #expect(try f.strings("(Get-CsPersistentChatRoom \(room) -AsObject).Members") == ["Ann Beebe", "Ken Myer"])
        // Remove (by display name too), Replace, and $null: members come from the category again.
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom \(room) -Members @{Remove='Ann Beebe'}").isEmpty)
        #expect(try f.strings("(Get-CsPersistentChatRoom \(room)).Members") == ["sip:kenmyer@litwareinc.com"])
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom \(room) -Members @{Replace='sip:ann@litwareinc.com'}").isEmpty)
        #expect(try f.strings("(Get-CsPersistentChatRoom \(room)).Members") == ["sip:ann@litwareinc.com"])
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom \(room) -Members $null").isEmpty)
        #expect(try f.strings("(Get-CsPersistentChatRoom \(room)).Members").isEmpty)
    }

    @Test("A principal the directory does not know is 'principal not provisioned'; nothing changes")
    func notProvisioned() throws {
        let f = try Self.deployment()
        let errors = try Self.errors(f, "Set-CsPersistentChatCategory atl-cs-001.litwareinc.com\\IT -AllowedMembers @{Add='sip:user1@contoso.com','sip:ghost@litwareinc.com'}")
        #expect(errors.contains("principal not provisioned: 'sip:ghost@litwareinc.com'"))
        #expect(try f.strings("(Get-CsPersistentChatCategory atl-cs-001.litwareinc.com\\IT).AllowedMembers")
                == ["sip:kenmyer@litwareinc.com", "sip:pilar@litwareinc.com"])
        #expect(try Self.errors(f, "Set-CsPersistentChatCategory atl-cs-001.litwareinc.com\\IT -AllowedMembers @{Add='OU=Nowhere,DC=litwareinc,DC=com'}")
                    .contains("principal not provisioned"))
        #expect(try Self.errors(f, "Set-CsPersistentChatCategory atl-cs-001.litwareinc.com\\IT -AllowedMembers @{Add='DC=litwareinc,DC=com'}").isEmpty)
    }

    @Test("A room cannot turn on invitations its category has off")
    func invitations() throws {
        let f = try Self.deployment()
        let room = "atl-cs-001.litwareinc.com\\ITChatRoom"
        #expect(try f.strings("(Get-CsPersistentChatRoom \(room)).Invitations") == ["False"])
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom \(room) -Invitations Inherit").contains("has invitations off, so its rooms cannot turn them on"))
        #expect(try Self.errors(f, "New-CsPersistentChatRoom -Name R2 -Category atl-cs-001.litwareinc.com\\IT -Invitations Inherit")
                    .contains("has invitations off"))
        #expect(try Self.errors(f, "Set-CsPersistentChatCategory atl-cs-001.litwareinc.com\\IT -Invitations $true; New-CsPersistentChatRoom -Name R2 -Category atl-cs-001.litwareinc.com\\IT | Out-Null").isEmpty)
        #expect(try f.strings("(Get-CsPersistentChatRoom atl-cs-001.litwareinc.com\\R2).Invitations") == ["Inherit"])
        // Turning the category's invitations off turns its rooms' off.
        #expect(try Self.errors(f, "Set-CsPersistentChatCategory atl-cs-001.litwareinc.com\\IT -Invitations $false").isEmpty)
        #expect(try f.strings("(Get-CsPersistentChatRoom atl-cs-001.litwareinc.com\\R2).Invitations") == ["False"])
    }

    @Test("Add-in names at most 50 characters, URLs at most 255, unique names, web addresses")
    func addins() throws {
        let f = try Self.deployment()
        let pool = "-PersistentChatPoolFqdn atl-cs-001.litwareinc.com"
        #expect(try Self.errors(f, "New-CsPersistentChatAddin -Name \(String(repeating: "a", count: 51)) -Url https://x.litwareinc.com \(pool)")
                    .contains("at most 50 are allowed"))
        #expect(try Self.errors(f, "New-CsPersistentChatAddin -Name \(String(repeating: "a", count: 50)) -Url https://x.litwareinc.com \(pool) | Out-Null").isEmpty)
        let longUrl = "https://x.litwareinc.com/" + String(repeating: "p", count: 231)
        #expect(try Self.errors(f, "New-CsPersistentChatAddin -Name Long -Url \(longUrl) \(pool)").contains("at most 255 are allowed"))
        #expect(try Self.errors(f, "New-CsPersistentChatAddin -Name Long -Url \(longUrl.dropLast()) \(pool) | Out-Null").isEmpty)
        #expect(try Self.errors(f, "New-CsPersistentChatAddin -Name long -Url https://y.litwareinc.com \(pool)").contains("already has an add-in named 'Long'"))
        #expect(try Self.errors(f, "New-CsPersistentChatAddin -Name Ftp -Url ftp://y.litwareinc.com \(pool)").contains("is not a web address"))
        #expect(try Self.errors(f, "Set-CsPersistentChatAddin atl-cs-001.litwareinc.com\\Long -Name \(String(repeating: "b", count: 51))")
                    .contains("at most 50 are allowed"))
        // A room shows an add-in of its pool; removing the add-in detaches it.
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom atl-cs-001.litwareinc.com\\ITChatRoom -Addin Long").isEmpty)
        #expect(try f.strings("(Get-CsPersistentChatRoom -Addin Long).Name") == ["ITChatRoom"])
        #expect(try Self.errors(f, "Set-CsPersistentChatRoom atl-cs-001.litwareinc.com\\ITChatRoom -Addin Missing").contains("Cannot find the add-in"))
        #expect(try Self.errors(f, "Remove-CsPersistentChatAddin atl-cs-001.litwareinc.com\\Long -Force").isEmpty)
        #expect(try f.strings("(Get-CsPersistentChatRoom atl-cs-001.litwareinc.com\\ITChatRoom).Addin") == [""])
    }

    @Test("Bare identities: one pool's item is found; several pools need pool\\name")
    func bareIdentities() throws {
        let f = try Self.deployment()
        #expect(try f.strings("(Get-CsPersistentChatRoom ITChatRoom).Identity") == ["atl-cs-001.litwareinc.com\\ITChatRoom"])
        #expect(try Self.errors(f, "New-CsPersistentChatCategory -Name IT -PersistentChatPoolFqdn atl-gc-001.litwareinc.com | Out-Null").isEmpty)
        #expect(try Self.errors(f, "Get-CsPersistentChatCategory IT").contains("each have a category named 'IT'"))
        #expect(try Self.errors(f, "New-CsPersistentChatCategory -Name X").contains("8 Persistent Chat pools"))
        #expect(try Self.errors(f, "Get-CsPersistentChatCategory -PersistentChatPoolFqdn pool0.litwareinc.com").contains("Cannot find PersistentChat pool"))
    }
}

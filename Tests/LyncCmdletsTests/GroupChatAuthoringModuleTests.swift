import Foundation
import LyncDeployment
import PSRuntime
import Testing

@Suite("GroupChatAuthoring module")
struct GroupChatAuthoringModuleTests {
    /// The module manifest in the repository (Tests/LyncCmdletsTests/ -> repository root).
    static let manifest = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Modules/GroupChatAuthoring/GroupChatAuthoring.psd1").path

    @Test("New-CsGroupChatSample builds what its help promises")
    func sample() throws {
        let f = DeploymentFixture()
        let counts = try f.strings("Import-Module '\(Self.manifest)'; $s = New-CsGroupChatSample ./sample.db; \"$($s.Principals)/$($s.Categories)/$($s.Rooms)/$($s.Addins)/$($s.Messages)\"")
        #expect(counts == ["6/3/6/1/4"])
        let database = try LegacyGroupChatDatabase(path: f.root.appendingPathComponent("sample.db").path)
        let s = try database.snapshot()
        #expect(s.config.forestFqdn == "litwareinc.com" && s.config.lookupServerUri == "sip:ocschat@litwareinc.com")
        let ken = try #require(s.principal(uri: "sip:kenmyer@litwareinc.com"))
        let engineering = try #require(s.principals.first { $0.name == "Engineering" })
        let pilar = try #require(s.principal(uri: "sip:pilar@litwareinc.com"))
        #expect(engineering.type == .group && s.members(of: engineering.id) == [ken.id, pilar.id])
        #expect(s.principal(uri: "sip:partner@fabrikam.com")?.isFederated == true)
        #expect(s.principal(uri: "sip:former@litwareinc.com")?.isDisabled == true)
        let backend = try #require(s.category(named: "Backend"))
        #expect(s.path(of: backend.id) == "Root/Eng/Backend")
        #expect(s.roles(on: backend.parentID, .manager).map(\.principalID) == [ken.id])
        let finance = try #require(s.category(named: "Finance"))
        #expect(s.scope(on: finance.id).count == 2)
        let allHands = try #require(s.room(named: "all-hands"))
        #expect(allHands.isAuditorium && s.roles(on: allHands.id, .voiced).count == 2)
        #expect(s.room(named: "old-project")?.isDisabled == true)
        #expect(s.room(named: "lobby")?.parentID == LegacyNode.rootID)
        #expect(s.room(named: "general")?.addinID != nil && s.addins.map(\.name) == ["Dashboard"])
        let build = try #require(s.room(named: "build"))
        #expect(s.path(of: build.id) == "Root/Eng/Backend/build")
        #expect(s.effectiveSettings(of: build.id) == .init(invite: true, logged: false, filePost: false, visibility: 2))
        var messages: [LegacyMessage] = []
        try database.forEachMessage(room: build.id) { messages.append($0); return true }
        #expect(messages.count == 3 && messages.contains(where: \.hasFileLink) && messages.contains(where: \.isAlert))
        #expect(messages.contains { $0.rtf == Data([0x7B, 0x5C, 0x72, 0x74, 0x66, 0x31, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x7D]) })
    }

    @Test("Import-CsGroupChatFixture builds nested categories, rooms and messages from a hashtable")
    func fixture() throws {
        let f = DeploymentFixture()
        try f.run("""
            Import-Module '\(Self.manifest)'
            Import-CsGroupChatFixture -Path ./fx.db -Definition @{
                ForestFqdn = 'contoso.com'; RootName = 'Top'
                Principals = @(@{ Uri = 'sip:a@contoso.com'; Name = 'A' }, @{ Name = 'G'; Type = 'Group' })
                Addins = @(@{ Name = 'Ad'; Url = 'https://ad' })
                Categories = @(@{ Name = 'One'; Logged = $false; Categories = @(@{ Name = 'Two'; Scope = 'G'; Categories = @(@{ Name = 'Three'; Rooms = @(@{ Name = 'deep'; Addin = 'Ad'; Messages = @(@{ Author = 'A'; Content = 'x' }, @{ Author = 'A'; Content = 'y'; Alert = $true }) }) }) }) })
                Rooms = @(@{ Name = 'top-room'; Type = 'Auditorium'; Voiced = 'A' })
            } | Out-Null
            """)
        let database = try LegacyGroupChatDatabase(path: f.root.appendingPathComponent("fx.db").path)
        let s = try database.snapshot()
        let deep = try #require(s.room(named: "deep"))
        #expect(s.path(of: deep.id) == "Top/One/Two/Three/deep")
        #expect(!s.effectiveLogged(of: deep.id) && s.effectiveScope(of: deep.id).definedAt == s.category(named: "Two")?.id)
        #expect(s.room(named: "top-room")?.isAuditorium == true && s.config.forestFqdn == "contoso.com")
        #expect(try database.messageCount(room: deep.id) == 2)
        let failure = try f.strings("Import-Module '\(Self.manifest)'; try { Import-CsGroupChatFixture ./bad.db @{ Categories = @(@{ Name = 'C'; Managers = 'nobody' }) } } catch { $_.FullyQualifiedErrorId.Split(',')[0] }")
        #expect(failure == ["LegacyPrincipalNotFound"])
    }
}

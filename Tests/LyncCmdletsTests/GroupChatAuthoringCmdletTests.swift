import Foundation
import GRDB
import LyncCmdlets
import LyncDeployment
import PSRuntime
import Testing

@Suite("Group Chat authoring cmdlets")
struct GroupChatAuthoringCmdletTests {
    /// The first part of the error id a script's failure carries.
    func errorId(_ f: DeploymentFixture, _ script: String) throws -> String {
        try f.strings("try { \(script) -ErrorAction Stop | Out-Null; 'no error' } catch { $_.FullyQualifiedErrorId.Split(',')[0] }").joined()
    }

    @Test("New-CsGroupChatDatabase creates a file relative to the location and Get-CsGroupChatDatabase summarises it")
    func createAndSummarise() throws {
        let f = DeploymentFixture()
        let text = try f.formatted("New-CsGroupChatDatabase -Path ./legacy.db -ForestFqdn contoso.com -LookupServerUri sip:ocschat@contoso.com -FileStorePath /srv/chat -SchemaVersion GroupChat2007R2 -RootName Top")
        #expect(text.contains("SchemaVersion   : GroupChat2007R2") && text.contains("ForestFqdn      : contoso.com"))
        let file = f.root.appendingPathComponent("legacy.db").path
        #expect(FileManager.default.fileExists(atPath: file))
        let snapshot = try LegacyGroupChatDatabase(path: file).snapshot()
        #expect(snapshot.root.name == "Top" && snapshot.config.fileStorePath == "/srv/chat")
        #expect(try f.strings("$d = Get-CsGroupChatDatabase legacy.db; \"$($d.Principals)/$($d.Categories)/$($d.Rooms)/$($d.Addins)/$($d.Messages)/$($d.RootName)\"")
                == ["0/0/0/0/0/Top"])
        #expect(try errorId(f, "New-CsGroupChatDatabase -Path ./legacy.db") == "LegacyDatabaseExists")
        #expect(try errorId(f, "New-CsGroupChatDatabase -Path ./legacy.db -Force") == "no error")
        #expect(try LegacyGroupChatDatabase(path: file).snapshot().root.name == "Root")
        try f.run("New-CsGroupChatDatabase -Path ./whatif.db -WhatIf")
        #expect(!FileManager.default.fileExists(atPath: f.root.appendingPathComponent("whatif.db").path))
    }

    @Test("Get-CsGroupChatDatabase checks a foreign file and names what is missing")
    func validation() throws {
        let f = DeploymentFixture()
        let queue = try DatabaseQueue(path: f.root.appendingPathComponent("bad.db").path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE tblConfig (confKey TEXT, confValue TEXT)") }
        try queue.close()
        #expect(try errorId(f, "Get-CsGroupChatDatabase bad.db") == "LegacyDatabaseSchemaInvalid")
        let message = try f.strings("try { Get-CsGroupChatDatabase bad.db } catch { $_.Exception.Message }").joined()
        #expect(message.contains("table tblChat") && message.contains("table tblNode"))
        #expect(try errorId(f, "Get-CsGroupChatDatabase nothere.db") == "LegacyDatabaseNotFound")
    }

    @Test("Principals, categories, rooms, add-ins and messages land with every setting")
    func authoring() throws {
        let f = DeploymentFixture()
        try f.run("""
            New-CsGroupChatDatabase ./a.db | Out-Null
            Add-CsGroupChatPrincipal ./a.db -Name Engineering -Type Group
            Add-CsGroupChatPrincipal ./a.db sip:ken@litwareinc.com -Name 'Ken Myer' -MemberOf Engineering
            Add-CsGroupChatPrincipal ./a.db sip:partner@fabrikam.com -Type FederatedUser
            Add-CsGroupChatPrincipal ./a.db -Name Partners -Type FederatedGroup
            Add-CsGroupChatPrincipal ./a.db sip:old@litwareinc.com -Disabled
            Add-CsGroupChatPrincipal ./a.db -Name Sales -Type Folder
            New-CsGroupChatAddin ./a.db Dash https://dash | Out-Null
            New-CsGroupChatCategory ./a.db Eng -Invite $true -Managers 'Ken Myer' -Creators sip:ken@litwareinc.com | Out-Null
            New-CsGroupChatCategory ./a.db Backend -Parent Eng -Logged $false -FilePost $true -Visibility Private -Scope Engineering -Members Engineering -Voiced 'Ken Myer' -OverrideMember | Out-Null
            New-CsGroupChatRoom ./a.db build -Category Backend -Description d -Topic t -Invite $false -Logged $true -FilePost $false -Disabled -Type Auditorium -Visibility Scoped -OverrideMember -Addin Dash -Managers 'Ken Myer' -Members sip:partner@fabrikam.com -Voiced 'Ken Myer' | Out-Null
            New-CsGroupChatRoom ./a.db lobby -Category Root | Out-Null
            Add-CsGroupChatMessage ./a.db -Room build -Author 'Ken Myer' -Content 'ma-filelink:///b/x.txt' -Date '2011-03-01T09:00:00Z' -Alert -Rtf ([byte[]](123, 233, 125))
            Add-CsGroupChatMessage ./a.db -Room build -Author sip:partner@fabrikam.com -Content '' -Rtf 'e+l9'
            """)
        let database = try LegacyGroupChatDatabase(path: f.root.appendingPathComponent("a.db").path)
        let s = try database.snapshot()
        #expect(s.principals.map(\.typeID) == [9, 5, 7, 11, 5, 10])
        #expect(s.principal(uri: "sip:old@litwareinc.com")?.isDisabled == true)
        let ken = try #require(s.principal(uri: "sip:ken@litwareinc.com"))
        #expect(s.groups(of: ken.id) == [1])
        let backend = try #require(s.category(named: "Backend"))
        #expect(backend.logged == false && backend.filePost == true && backend.invite == nil && backend.visibility == 2 && backend.overrideMember)
        #expect(s.scope(on: backend.id) == [1] && s.roles(on: backend.id, .voiced).map(\.principalID) == [ken.id])
        #expect(s.roles(on: backend.parentID, .creator).map(\.principalID) == [ken.id])
        let build = try #require(s.room(named: "build"))
        #expect(s.path(of: build.id) == "Root/Eng/Backend/build")
        #expect(build.description == "d" && build.topic == "t" && build.invite == false && build.logged == true && build.filePost == false)
        #expect(build.isDisabled && build.isAuditorium && build.visibility == 3 && build.overrideMember && build.addinID != nil)
        #expect(s.roles(on: build.id).count == 3)
        #expect(s.path(of: try #require(s.room(named: "lobby")).id) == "Root/lobby")
        var messages: [LegacyMessage] = []
        try database.forEachMessage { messages.append($0); return true }
        #expect(messages.map(\.chatID) == [1, 2] && messages[0].isAlert && messages[0].hasFileLink)
        #expect(messages[0].rtf == Data([123, 233, 125]) && messages[1].rtf == Data([123, 233, 125]) && messages[1].content.isEmpty)
        #expect(messages[0].dateValue == ISO8601DateFormatter().date(from: "2011-03-01T09:00:00Z"))
        let room = try f.formatted("New-CsGroupChatRoom ./a.db review -Category Eng -Addin dash | Format-List")
        #expect(room.contains("Path           : Root/Eng/review") && room.contains("Addin          : Dash") && room.contains("Invite         : Inherit"))
        #expect(try f.strings("(Add-CsGroupChatMessage ./a.db -Room review -Author 'Ken Myer' -Content hi -PassThru).ChatId") == ["1"])
        #expect(try f.strings("(Add-CsGroupChatPrincipal ./a.db sip:x@litwareinc.com -PassThru).Type") == ["User"])
    }

    @Test("Errors are clear and leave the file alone")
    func errors() throws {
        let f = DeploymentFixture()
        try f.run("New-CsGroupChatDatabase ./a.db | Out-Null; Add-CsGroupChatPrincipal ./a.db sip:ken@litwareinc.com; New-CsGroupChatCategory ./a.db Eng | Out-Null; New-CsGroupChatRoom ./a.db build -Category Eng | Out-Null")
        #expect(try errorId(f, "Add-CsGroupChatPrincipal ./a.db SIP:KEN@litwareinc.com") == "LegacyPrincipalExists")
        #expect(try errorId(f, "Add-CsGroupChatPrincipal ./a.db ken@litwareinc.com") == "LegacyPrincipalUriInvalid")
        #expect(try errorId(f, "Add-CsGroupChatPrincipal ./a.db sip:a@b -MemberOf ken") == "LegacyPrincipalNotAGroup")
        #expect(try errorId(f, "New-CsGroupChatCategory ./a.db eng") == "LegacyNodeExists")
        #expect(try errorId(f, "New-CsGroupChatCategory ./a.db X -Parent build") == "LegacyParentNotACategory")
        #expect(try errorId(f, "New-CsGroupChatCategory ./a.db X -Managers sip:nobody@x") == "LegacyPrincipalNotFound")
        #expect(try errorId(f, "New-CsGroupChatRoom ./a.db r -Category Nowhere") == "LegacyCategoryNotFound")
        #expect(try errorId(f, "New-CsGroupChatRoom ./a.db r -Category Eng -Addin Nope") == "LegacyAddinNotFound")
        #expect(try errorId(f, "Add-CsGroupChatMessage ./a.db -Room nope -Author ken -Content x") == "LegacyRoomNotFound")
        #expect(try errorId(f, "Add-CsGroupChatMessage ./a.db -Room build -Author ken -Content x -Rtf '***'") == "InvalidRtfBytes")
        #expect(try errorId(f, "New-CsGroupChatAddin ./missing.db A http://a") == "LegacyDatabaseNotFound")
        let s = try LegacyGroupChatDatabase(path: f.root.appendingPathComponent("a.db").path).snapshot()
        #expect(s.nodes.count == 3 && s.principals.count == 1 && s.addins.isEmpty)
    }

    @Test("New-CsGroupChatTestData generates a deterministic database and reports the counts")
    func testData() throws {
        let f = DeploymentFixture()
        let summary = try f.strings("$r = New-CsGroupChatTestData ./t.db -Rooms 30 -Principals 200 -Messages 3000 -Seed 5; \"$($r.Rooms)/$($r.Principals)/$($r.Messages)\"; $r.Seconds -ge 0")
        #expect(summary == ["30/200/3000", "True"])
        try f.run("New-CsGroupChatTestData ./u.db -Rooms 30 -Principals 200 -Messages 3000 -Seed 5 | Out-Null")
        #expect(try f.strings("(Get-CsGroupChatDatabase ./t.db).Messages") == ["3000"])
        #expect(try errorId(f, "New-CsGroupChatTestData ./t.db -Rooms 1") == "LegacyDatabaseExists")
        #expect(try errorId(f, "New-CsGroupChatTestData ./t.db -Rooms 1 -Principals 1 -Messages 1 -Force") == "no error")
        let a = try LegacyGroupChatDatabase(path: f.root.appendingPathComponent("u.db").path).snapshot()
        #expect(a.rooms.count == 30 && a.principals.count == 200)
    }

    @Test("Every cmdlet has help examples, and they run as written, in order")
    func helpExamples() throws {
        let order = ["New-CsGroupChatDatabase", "Add-CsGroupChatPrincipal", "New-CsGroupChatAddin", "New-CsGroupChatCategory",
                     "New-CsGroupChatRoom", "Add-CsGroupChatMessage", "Get-CsGroupChatDatabase", "New-CsGroupChatTestData",
                     "Import-CsGroupChatBcpData"]
        let declarations = LyncCmdlets.all.filter { $0.moduleName == "GroupChatAuthoring" }
        #expect(Set(declarations.map(\.name)) == Set(order))
        let f = DeploymentFixture()
        for name in order {
            let declaration = try #require(declarations.first { $0.name == name })
            #expect(declaration.securityArea == SecurityArea.persistentChat.rawValue && !declaration.examples.isEmpty, "\(name)")
            #expect(try f.strings("(Get-Help \(name) -Examples | Out-String) -match 'EXAMPLE 1'") == ["True"], "\(name)")
            if name == "Import-CsGroupChatBcpData" {
                // The folders its examples load, as bcp would have exported the database built so far.
                let legacy = f.root.appendingPathComponent("legacy.db").path
                try LegacyBcpTestWriter(format: .unicode).write(from: legacy, to: f.root.appendingPathComponent("groupchat-bcp").path)
                try LegacyBcpTestWriter(format: .character, codePage: .windows1252).write(from: legacy, to: f.root.appendingPathComponent("bcp-latin1").path)
                try LegacyBcpTestWriter(format: .character, fieldTerminator: "|#|", rowTerminator: "|#|\n")
                    .write(from: legacy, to: f.root.appendingPathComponent("bcp-pipes").path)
            }
            // The million-message example is the benchmark's job (Scripts/bench-groupchat-generator.sh);
            // bcp runs on the SQL Server.
            for example in declaration.examples where !example.code.contains("1000000") && !example.code.hasPrefix("bcp ") {
                let host = try f.run(example.code).host
                #expect(host.text(of: .error).isEmpty, "\(example.code): \(host.text(of: .error))")
            }
        }
        let s = try LegacyGroupChatDatabase(path: f.root.appendingPathComponent("legacy.db").path).snapshot()
        #expect(s.room(named: "build") != nil && s.room(named: "townhall")?.isAuditorium == true && s.addins.count == 1)
    }
}

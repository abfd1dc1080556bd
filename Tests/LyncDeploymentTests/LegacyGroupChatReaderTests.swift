import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("Legacy Group Chat reader")
struct LegacyGroupChatReaderTests {
    @Test("Reads a converted SQL Server database written with raw SQL (upper-case GUIDs, extra tables and columns)")
    func readsForeignFile() throws {
        let folder = LegacyTestFolder()
        let file = try folder.rawDatabase("dump.db", sql: convertedDumpSQL)
        let database = try LegacyGroupChatDatabase(path: file)
        let snapshot = try database.snapshot()
        #expect(snapshot.config.schemaVersion == "GroupChat2007R2")
        #expect(snapshot.config.forestFqdn == "litwareinc.com")
        #expect(snapshot.config.lookupServerUri == "sip:ocschat@litwareinc.com")
        #expect(snapshot.config.fileStorePath == #"\\fs\chat"#)
        #expect(snapshot.principals.map(\.id) == [10, 11, 12, 13])
        let ken = try #require(snapshot.principal(uri: "SIP:ken@litwareinc.com"))
        #expect(ken.guid == "A1B2C3D4-0000-4000-8000-00000000000A")
        #expect(ken.type == .user && !ken.isFederated && ken.addedOn == 634000000000000000)
        #expect(snapshot.principal(id: 12)?.isFederated == true)
        #expect(snapshot.principal(id: 13)?.isDisabled == true)
        #expect(snapshot.members(of: 11) == [10, 13])
        #expect(snapshot.groups(of: 10) == [11])
        #expect(snapshot.affiliations.filter(\.isSelf).count == 4)
        #expect(snapshot.categories.map(\.name) == ["Root", "Eng", "Backend", "Sales"])
        #expect(snapshot.rooms.map(\.name) == ["build", "lobby", "general", "deals"])
        let build = try #require(snapshot.room(named: "BUILD"))
        #expect(build.isAuditorium && build.topic == "Builds" && build.filePost == false && build.invite == nil)
        #expect(build.addinID.flatMap { snapshot.addin(id: $0.lowercased()) }?.name == "Dashboard")
        #expect(snapshot.node(id: 5)?.isDisabled == true)
        #expect(snapshot.children(of: 2).map(\.name) == ["Backend", "general"])
        #expect(snapshot.roles(on: 1, .manager).map(\.principalID) == [10])
        #expect(snapshot.roles(on: 2).count == 2)
    }

    @Test("Inheritance: effective settings walk up to the root")
    func effectiveSettings() throws {
        let folder = LegacyTestFolder()
        let snapshot = try LegacyGroupChatDatabase(path: try folder.rawDatabase("dump.db", sql: convertedDumpSQL)).snapshot()
        // build: invite NULL -> Backend NULL -> Eng 1; logged NULL -> Backend 0; filePost own 0; visibility -> Backend 2.
        #expect(snapshot.effectiveSettings(of: 4) == .init(invite: true, logged: false, filePost: false, visibility: 2))
        #expect(snapshot.effectiveSettings(of: 5) == .init(invite: true, logged: true, filePost: true, visibility: 3))
        #expect(snapshot.effectiveSettings(of: 8) == .init(invite: false, logged: true, filePost: true, visibility: 3))
        #expect(snapshot.effectiveInvite(of: 3) && !snapshot.effectiveLogged(of: 3))
        #expect(snapshot.effectiveVisibility(of: 2) == 3)
    }

    @Test("Paths, category paths and ancestors")
    func paths() throws {
        let folder = LegacyTestFolder()
        let snapshot = try LegacyGroupChatDatabase(path: try folder.rawDatabase("dump.db", sql: convertedDumpSQL)).snapshot()
        #expect(snapshot.path(of: 3) == "Root/Eng/Backend")
        #expect(snapshot.path(of: 4) == "Root/Eng/Backend/build")
        #expect(snapshot.categoryPath(of: 4) == "Root/Eng/Backend")
        #expect(snapshot.categoryPath(of: 3) == "Root/Eng/Backend")
        #expect(snapshot.categoryPath(of: 5) == "Root")
        #expect(snapshot.path(of: 1) == "Root")
        #expect(snapshot.ancestors(of: 4).map(\.id) == [3, 2, 1])
        #expect(snapshot.ancestors(of: 1).isEmpty)
    }

    @Test("Effective scope is the nearest category with scope rows")
    func scopes() throws {
        let folder = LegacyTestFolder()
        let snapshot = try LegacyGroupChatDatabase(path: try folder.rawDatabase("dump.db", sql: convertedDumpSQL)).snapshot()
        #expect(snapshot.effectiveScope(of: 7) == .init(definedAt: 7, principalIDs: [10, 12]))
        #expect(snapshot.effectiveScope(of: 8) == .init(definedAt: 7, principalIDs: [10, 12]))
        #expect(snapshot.effectiveScope(of: 3) == .init(definedAt: 1, principalIDs: [11]))
        #expect(snapshot.effectiveScope(of: 4).definedAt == 1)
    }

    @Test("Inherited roles: managers from every category above, members stop at overrideMember")
    func inheritedRoles() throws {
        let folder = LegacyTestFolder()
        let snapshot = try LegacyGroupChatDatabase(path: try folder.rawDatabase("dump.db", sql: convertedDumpSQL)).snapshot()
        #expect(snapshot.inheritedRoleHolders(.manager, on: 4) == [10])
        #expect(snapshot.inheritedRoleHolders(.member, on: 4) == [12, 11])
        #expect(snapshot.inheritedRoleHolders(.member, on: 6) == [13])
        #expect(snapshot.inheritedRoleHolders(.voiced, on: 4) == [10])
        #expect(snapshot.inheritedRoleHolders(.creator, on: 3) == [10])
    }

    @Test("Messages stream in room and chatId order, one room or all, with a date floor")
    func messages() throws {
        let folder = LegacyTestFolder()
        let database = try LegacyGroupChatDatabase(path: try folder.rawDatabase("dump.db", sql: convertedDumpSQL))
        var all: [LegacyMessage] = []
        try database.forEachMessage { all.append($0); return true }
        #expect(all.map { "\($0.roomID)/\($0.chatID)" } == ["4/3", "4/7", "5/1"])
        #expect(all[0].rtf == Data([0x7B, 0xE9, 0x7D]) && all[0].hasFileLink && all[1].rtf == nil && all[1].isAlert)
        #expect(all[2].content.isEmpty)
        var build: [Int64] = []
        try database.forEachMessage(room: 4) { build.append($0.chatID); return true }
        #expect(build == [3, 7])
        var first: [Int64] = []
        try database.forEachMessage { first.append($0.chatID); return false }
        #expect(first == [3])
        #expect(try database.messageCount() == 3)
        let together = try database.read { db -> Int in
            let snapshot = try database.snapshot(in: db)
            var count = 0
            try database.forEachMessage(in: db, room: snapshot.room(named: "build")?.id) { _ in count += 1; return true }
            return count
        }
        #expect(together == 2)
        let plan = try database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT chatId FROM tblChat WHERE channelId = ? ORDER BY channelId, chatId", arguments: [4])
                .map { $0["detail"] as String? ?? "" }.joined(separator: " ")
        }
        #expect(plan.contains("USING") && !plan.contains("TEMP B-TREE"))
        #expect(try database.messageCount(room: 4, since: 634345668000000000) == 1)
        #expect(NetTicks.date(634345668000000000) == ISO8601DateFormatter().date(from: "2011-03-01T09:00:00Z"))
        #expect(NetTicks.from(NetTicks.date(634345668000000000)) == 634345668000000000)
    }

    @Test("The reader opens read-only: the file is not changed")
    func readOnly() throws {
        let folder = LegacyTestFolder()
        let file = try folder.rawDatabase("dump.db", sql: convertedDumpSQL)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let database = try LegacyGroupChatDatabase(path: file)
        _ = try database.snapshot()
        #expect(throws: (any Error).self) { try database.queue.write { db in try db.execute(sql: "DELETE FROM tblChat") } }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }
}

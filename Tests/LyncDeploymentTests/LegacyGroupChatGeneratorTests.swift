import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("Legacy Group Chat test data generator")
struct LegacyGroupChatGeneratorTests {
    /// A checksum of the first `count` messages (FNV-1a over every column).
    func checksum(_ database: LegacyGroupChatDatabase, first count: Int) throws -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) { for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 } }
        var seen = 0
        try database.forEachMessage { message in
            mix("\(message.roomID)|\(message.chatID)|\(message.date)|\(message.userID)|\(message.isAlert)|\(message.content)|".utf8)
            mix(message.rtf ?? Data())
            seen += 1
            return seen < count
        }
        return hash
    }

    @Test("The same seed gives the same data; another seed does not")
    func deterministic() throws {
        let folder = LegacyTestFolder()
        let generator = LegacyTestDataGenerator(rooms: 40, principals: 300, messages: 2_000, seed: 42)
        let first = try generator.generate(path: folder.path("a.db"))
        let second = try generator.generate(path: folder.path("b.db"))
        var other = generator
        other.seed = 43
        _ = try other.generate(path: folder.path("c.db"))
        #expect(first.principals == 300 && first.rooms == 40 && first.messages == 2_000)
        #expect(first.groups == second.groups && first.disabled == second.disabled && first.categories == second.categories)
        let a = try LegacyGroupChatDatabase(path: folder.path("a.db"))
        let b = try LegacyGroupChatDatabase(path: folder.path("b.db"))
        let c = try LegacyGroupChatDatabase(path: folder.path("c.db"))
        #expect(try checksum(a, first: 100) == checksum(b, first: 100))
        #expect(try checksum(a, first: 100) != checksum(c, first: 100))
        let (sa, sb) = (try a.snapshot(), try b.snapshot())
        #expect(sa.nodes == sb.nodes && sa.principals == sb.principals && sa.roles == sb.roles && sa.scopes == sb.scopes)
        #expect(sa.affiliations == sb.affiliations && sa.addins == sb.addins)
    }

    @Test("Generated data is varied and follows the contract")
    func varied() throws {
        let folder = LegacyTestFolder()
        let summary = try LegacyTestDataGenerator(rooms: 200, principals: 1_000, messages: 5_000, seed: 7).generate(path: folder.path("v.db"))
        let database = try LegacyGroupChatDatabase(path: folder.path("v.db"))
        let snapshot = try database.snapshot()
        #expect(snapshot.principals.count == 1_000 && snapshot.rooms.count == 200 && snapshot.categories.count == summary.categories + 1)
        #expect(snapshot.principals.contains { $0.typeID == 7 } && snapshot.principals.contains { $0.typeID == 11 })
        #expect(snapshot.principals.contains(where: \.isDisabled) && snapshot.principals.contains { $0.type == .group })
        #expect(snapshot.affiliations.contains { !$0.isSelf } && snapshot.affiliations.filter(\.isSelf).count == 1_000)
        #expect(snapshot.categories.contains { snapshot.ancestors(of: $0.id).count >= 2 })
        #expect(snapshot.rooms.contains(where: \.isAuditorium) && snapshot.rooms.contains(where: \.isDisabled))
        #expect(snapshot.rooms.contains { $0.addinID != nil } && !snapshot.scopes.isEmpty)
        #expect(snapshot.rooms.contains { $0.parentID == LegacyNode.rootID })
        for role in LegacyRole.allCases { #expect(snapshot.roles.contains { $0.role == role }, "role \(role)") }
        var lastRoom = -1, lastChat: Int64 = 0, lastDate: Int64 = 0, links = 0, rtfs = 0, count = 0
        var ordered = true
        try database.forEachMessage { message in
            if message.roomID != lastRoom { lastRoom = message.roomID; lastChat = 0; lastDate = 0 }
            ordered = ordered && message.chatID == lastChat + 1 && message.date > lastDate && snapshot.principal(id: message.userID) != nil
                && snapshot.node(id: message.roomID)?.isRoom == true
            lastChat = message.chatID
            lastDate = message.date
            if message.hasFileLink { links += 1 }
            if message.rtf != nil { rtfs += 1 }
            count += 1
            return true
        }
        #expect(ordered && count == 5_000 && links > 0 && rtfs > 0)
    }

    @Test("Scale: 50,000 messages over 500 rooms")
    func scale() throws {
        let folder = LegacyTestFolder()
        let summary = try LegacyTestDataGenerator(rooms: 500, principals: 5_000, messages: 50_000, seed: 1).generate(path: folder.path("s.db"))
        #expect(summary.messages == 50_000)
        let database = try LegacyGroupChatDatabase(path: folder.path("s.db"))
        #expect(try database.messageCount() == 50_000)
        let rooms = try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT channelId) FROM tblChat") }
        #expect((rooms ?? 0) > 450)
    }

    @Test("Refusals: negative counts, messages without rooms, an existing file")
    func refusals() throws {
        let folder = LegacyTestFolder()
        #expect(throws: DeploymentError.self) { _ = try LegacyTestDataGenerator(rooms: 0, principals: 5, messages: 1, seed: 1).generate(path: folder.path("x.db")) }
        #expect(throws: DeploymentError.self) { _ = try LegacyTestDataGenerator(rooms: -1, principals: 5, messages: 0, seed: 1).generate(path: folder.path("x.db")) }
        _ = try LegacyTestDataGenerator(rooms: 1, principals: 1, messages: 1, seed: 1).generate(path: folder.path("y.db"))
        #expect(throws: DeploymentError.self) { _ = try LegacyTestDataGenerator(rooms: 1, principals: 1, messages: 1, seed: 1).generate(path: folder.path("y.db")) }
        #expect(try LegacyTestDataGenerator(rooms: 1, principals: 1, messages: 3, seed: 1).generate(path: folder.path("y.db"), overwrite: true).messages == 3)
    }

    @Test("SplitMix64 gives the published sequence for seed 0")
    func splitMix() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.guid().count == 36)
    }
}

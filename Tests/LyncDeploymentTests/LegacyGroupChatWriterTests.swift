import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("Legacy Group Chat writer")
struct LegacyGroupChatWriterTests {
    /// A database with a user, a group, a federated user, categories Eng > Backend and a room.
    func populated(_ folder: LegacyTestFolder) throws -> (LegacyGroupChatWriter, String) {
        let file = folder.path("w.db")
        let writer = try LegacyGroupChatWriter.create(path: file)
        try writer.addPrincipal(.init(uri: nil, name: "Engineering", type: .group))
        try writer.addPrincipal(.init(uri: "sip:ken@litwareinc.com", name: "Ken Myer", memberOf: ["Engineering"]))
        try writer.addPrincipal(.init(uri: "sip:partner@fabrikam.com", type: .federatedUser))
        try writer.addPrincipal(.init(uri: "sip:former@litwareinc.com", disabled: true))
        try writer.addAddin(name: "Dash", url: "https://dash")
        try writer.addCategory(.init(name: "Eng", settings: .init(invite: true), roles: .init(managers: ["Ken Myer"], creators: ["sip:ken@litwareinc.com"])))
        try writer.addCategory(.init(name: "Backend", parent: "eng", settings: .init(logged: false, visibility: 2, overrideMember: true),
                                     scope: ["Engineering"], roles: .init(members: ["Engineering"])))
        try writer.addRoom(.init(name: "build", category: "Backend", description: "d", topic: "t",
                                 settings: .init(invite: false, filePost: false, visibility: 3, overrideMember: true),
                                 disabled: true, auditorium: true, addin: "DASH", roles: .init(managers: ["Ken Myer"], voiced: ["sip:partner@fabrikam.com"])))
        return (writer, file)
    }

    @Test("Everything written reads back through the validating reader")
    func roundTrip() throws {
        let folder = LegacyTestFolder()
        let (writer, file) = try populated(folder)
        let date = try #require(ISO8601DateFormatter().date(from: "2011-03-01T09:00:00Z"))
        try writer.addMessage(room: "build", author: "Ken Myer", content: "ma-filelink:///b/log.txt", date: date, isAlert: true, rtf: Data([0x7B, 0xE9, 0x7D]))
        let second = try writer.addMessage(room: "BUILD", author: "sip:partner@fabrikam.com", content: "")
        #expect(second.chatID == 2)
        let database = try LegacyGroupChatDatabase(path: file)
        let snapshot = try database.snapshot()
        let group = try #require(snapshot.principals.first { $0.name == "Engineering" })
        #expect(group.uri.hasPrefix("ma-grp:") && group.uri.hasSuffix("@u.g") && group.type == .group)
        let ken = try #require(snapshot.principal(uri: "sip:ken@litwareinc.com"))
        #expect(ken.adPath == "CN=Ken Myer,CN=Users,DC=litwareinc,DC=com" && ken.userPrincipalName == "ken@litwareinc.com")
        #expect(snapshot.groups(of: ken.id) == [group.id])
        #expect(snapshot.affiliations.filter(\.isSelf).count == 4 && snapshot.affiliations.filter(\.isSelf).allSatisfy { $0.index == -1 })
        #expect(snapshot.principal(uri: "sip:partner@fabrikam.com")?.isFederated == true)
        #expect(snapshot.principal(uri: "sip:partner@fabrikam.com")?.adPath == nil)
        #expect(snapshot.principal(uri: "sip:former@litwareinc.com")?.isDisabled == true)
        let room = try #require(snapshot.room(named: "build"))
        #expect(snapshot.path(of: room.id) == "Root/Eng/Backend/build")
        // The writer's one-query path and add-in lookups agree with the snapshot.
        for node in snapshot.categories + snapshot.rooms { #expect(try writer.path(of: node.id) == snapshot.path(of: node.id)) }
        #expect(try writer.path(of: 9999) == "")
        #expect(try room.addinID.flatMap { try writer.addinName(id: $0.uppercased()) } == "Dash")
        #expect(room.description == "d" && room.topic == "t" && room.invite == false && room.logged == nil && room.filePost == false)
        #expect(room.isDisabled && room.isAuditorium && room.visibility == 3 && room.overrideMember)
        #expect(room.addinID.flatMap(snapshot.addin(id:))?.name == "Dash")
        let backend = try #require(snapshot.category(named: "backend"))
        #expect(backend.logged == false && backend.invite == nil && backend.visibility == 2 && backend.overrideMember)
        #expect(snapshot.effectiveScope(of: room.id) == .init(definedAt: backend.id, principalIDs: [group.id]))
        #expect(snapshot.inheritedRoleHolders(.manager, on: room.id) == [ken.id])
        #expect(snapshot.roles(on: backend.parentID, .creator).map(\.principalID) == [ken.id])
        var messages: [LegacyMessage] = []
        try database.forEachMessage(room: room.id) { messages.append($0); return true }
        #expect(messages.map(\.chatID) == [1, 2])
        #expect(messages[0].dateValue == date && messages[0].isAlert && messages[0].rtf == Data([0x7B, 0xE9, 0x7D]))
        #expect(messages[1].content.isEmpty && messages[1].rtf == nil)
    }

    @Test("Names are unique per kind, case-insensitively; a category and a room may share a name")
    func uniqueNames() throws {
        let folder = LegacyTestFolder()
        let (writer, _) = try populated(folder)
        #expect((#expect(throws: DeploymentError.self) { try writer.addCategory(.init(name: "ENG")) })?.id == "LegacyNodeExists")
        #expect((#expect(throws: DeploymentError.self) { try writer.addRoom(.init(name: "Build", category: "Eng")) })?.id == "LegacyNodeExists")
        #expect((#expect(throws: DeploymentError.self) { try writer.addPrincipal(.init(uri: "SIP:KEN@litwareinc.com")) })?.id == "LegacyPrincipalExists")
        #expect((#expect(throws: DeploymentError.self) { try writer.addAddin(name: "dash", url: "x") })?.id == "LegacyAddinExists")
        try writer.addRoom(.init(name: "Eng", category: "Eng"))
        try writer.addCategory(.init(name: "Ünïcode"))
        #expect((#expect(throws: DeploymentError.self) { try writer.addCategory(.init(name: "üNÏCODE")) })?.id == "LegacyNodeExists")
    }

    @Test("References must exist and parents must be categories; a refused call changes nothing")
    func references() throws {
        let folder = LegacyTestFolder()
        let (writer, file) = try populated(folder)
        let before = try LegacyGroupChatDatabase(path: file).snapshot()
        #expect((#expect(throws: DeploymentError.self) { try writer.addRoom(.init(name: "x", category: "build")) })?.id == "LegacyParentNotACategory")
        #expect((#expect(throws: DeploymentError.self) { try writer.addCategory(.init(name: "x", parent: "Nope")) })?.id == "LegacyCategoryNotFound")
        #expect((#expect(throws: DeploymentError.self) { try writer.addRoom(.init(name: "x", category: "Eng", addin: "Nope")) })?.id == "LegacyAddinNotFound")
        #expect((#expect(throws: DeploymentError.self) {
            try writer.addCategory(.init(name: "x", roles: .init(managers: ["Ken Myer", "sip:nobody@x"])))
        })?.id == "LegacyPrincipalNotFound")
        #expect((#expect(throws: DeploymentError.self) { try writer.addPrincipal(.init(uri: "sip:a@b", memberOf: ["Ken Myer"])) })?.id == "LegacyPrincipalNotAGroup")
        #expect((#expect(throws: DeploymentError.self) { try writer.addPrincipal(.init(uri: "a@b")) })?.id == "LegacyPrincipalUriInvalid")
        #expect((#expect(throws: DeploymentError.self) { try writer.addMessage(room: "Eng", author: "Ken Myer", content: "x") })?.id == "LegacyRoomNotFound")
        #expect((#expect(throws: DeploymentError.self) { try writer.addMessage(room: "build", author: "nobody", content: "x") })?.id == "LegacyPrincipalNotFound")
        #expect((#expect(throws: DeploymentError.self) { try writer.addRoom(.init(name: "x", category: "Eng", settings: .init(visibility: 6))) })?.id == "LegacyVisibilityInvalid")
        let after = try LegacyGroupChatDatabase(path: file).snapshot()
        #expect(after.nodes == before.nodes && after.principals == before.principals && after.roles == before.roles)
        #expect(try LegacyGroupChatDatabase(path: file).messageCount() == 0)
    }

    @Test("An existing file is refused unless overwriting is asked for")
    func overwrite() throws {
        let folder = LegacyTestFolder()
        let (_, file) = try populated(folder)
        #expect((#expect(throws: DeploymentError.self) { _ = try LegacyGroupChatWriter.create(path: file) })?.id == "LegacyDatabaseExists")
        #expect(try LegacyGroupChatDatabase(path: file).snapshot().principals.count == 4)
        _ = try LegacyGroupChatWriter.create(path: file, overwrite: true)
        #expect(try LegacyGroupChatDatabase(path: file).snapshot().principals.isEmpty)
        #expect((#expect(throws: DeploymentError.self) { _ = try LegacyGroupChatWriter.create(path: folder.url.path, overwrite: true) })?.id == "LegacyDatabaseExists")
    }

    @Test("Opening an existing file for writing validates it first")
    func openValidates() throws {
        let folder = LegacyTestFolder()
        let other = try folder.rawDatabase("other.db", sql: "CREATE TABLE t (x)")
        #expect((#expect(throws: DeploymentError.self) { _ = try LegacyGroupChatWriter.open(path: other) })?.id == "LegacyDatabaseSchemaInvalid")
        let dump = try folder.rawDatabase("dump.db", sql: convertedDumpSQL)
        let writer = try LegacyGroupChatWriter.open(path: dump)
        let message = try writer.addMessage(room: "build", author: "Ken Myer", content: "next")
        #expect(message.chatID == 8)
        #expect(try writer.addCategory(.init(name: "Deep", parent: "Backend")).parentID == 3)
    }
}

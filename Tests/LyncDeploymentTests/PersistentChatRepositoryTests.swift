import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("Persistent Chat repository rules")
struct PersistentChatRepositoryTests {
    let repository = PersistentChatRepository(pool: "atl-pc.litwareinc.com")

    static func database() throws -> (PersistentChatDatabase, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcrepo-\(UUID().uuidString)")
        return (try PersistentChatDatabase.open(file: folder.appendingPathComponent("mgc.sqlite")), folder)
    }

    static let engineering = ChatPrincipal(kind: .group, uri: "ma-grp:eng@u.g", name: "Engineering",
                                           adPath: "CN=Engineering,CN=Users,DC=litwareinc,DC=com", guid: "g-eng")
    static let salesOU = ChatPrincipal(kind: .folder, uri: "ma-fold:sales", name: "Sales", adPath: "OU=Sales,DC=litwareinc,DC=com", guid: "ou-sales")
    static func user(_ name: String, in groups: [ChatPrincipal] = []) -> ChatPrincipal {
        ChatPrincipal(kind: .user, uri: "sip:\(name)@litwareinc.com", name: name, displayName: name.capitalized,
                      adPath: "CN=\(name),CN=Users,DC=litwareinc,DC=com", guid: "u-\(name)", affiliations: groups)
    }

    @Test("Categories and rooms share one case-insensitive name space; names are at most 256 UTF-16 units")
    func names() throws {
        let (database, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        try database.write { db in
            _ = try repository.createCategory(name: "IT", description: nil, invitations: true, fileUpload: true, chatHistory: true, in: db)
            _ = try repository.createRoom(.init(name: "Helpdesk", category: "it"), in: db)
        }
        for name in ["it", "HELPDESK"] {
            let error = try #require(throws: DeploymentError.self) {
                try database.write { db in _ = try repository.createCategory(name: name, description: nil, invitations: true, fileUpload: true, chatHistory: true, in: db) }
            }
            #expect(error.id == "NameAlreadyInUse")
        }
        let long = String(repeating: "é", count: 256)
        try database.write { db in _ = try repository.createCategory(name: long, description: nil, invitations: true, fileUpload: true, chatHistory: true, in: db) }
        let tooLong = String(repeating: "😀", count: 129)   // 258 UTF-16 units
        #expect(throws: DeploymentError.self) {
            try database.write { db in _ = try repository.createRoom(.init(name: tooLong, category: "IT"), in: db) }
        }
        #expect(throws: DeploymentError.self) {
            try database.write { db in _ = try repository.createRoom(.init(name: "x", category: "Missing"), in: db) }
        }
        #expect(throws: DeploymentError.self) {
            try database.write { db in _ = try repository.createRoom(.init(name: "a\\b", category: "IT"), in: db) }
        }
    }

    @Test("Only empty categories can be removed")
    func removeCategory() throws {
        let (database, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        try database.write { db in
            _ = try repository.createCategory(name: "IT", description: nil, invitations: true, fileUpload: true, chatHistory: true, in: db)
            _ = try repository.createRoom(.init(name: "Helpdesk", category: "IT"), in: db)
        }
        let error = try #require(throws: DeploymentError.self) { try database.write { try repository.removeCategory("IT", in: $0) } }
        #expect(error.id == "CategoryNotEmpty" && error.message.contains("Helpdesk"))
        try database.write { db in
            try repository.removeRoom("Helpdesk", in: db)
            try repository.removeCategory("it", in: db)
        }
        #expect(try database.read { try repository.categories(in: $0) }.isEmpty)
    }

    @Test("Room principals must be within the category's allowed − denied, through groups and OUs")
    func membersWithinScope() throws {
        let (database, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ann = Self.user("ann", in: [Self.engineering]), bob = Self.user("bob"), cy = Self.user("cy", in: [Self.salesOU])
        try database.write { db in
            _ = try repository.createCategory(name: "IT", description: nil, invitations: true, fileUpload: true, chatHistory: true, in: db)
            _ = try repository.createRoom(.init(name: "Helpdesk", category: "IT"), in: db)
        }
        var change = PersistentChatRepository.RoomChange()
        change.members = [ann]
        let empty = try #require(throws: DeploymentError.self) { try database.write { _ = try repository.updateRoom("Helpdesk", change, in: $0) } }
        #expect(empty.id == "PrincipalNotAllowed")
        var scope = PersistentChatRepository.CategoryChange()
        scope.allowedMembers = [Self.engineering, Self.salesOU, bob]
        scope.deniedMembers = [bob]
        _ = try database.write { try repository.updateCategory("IT", scope, in: $0) }
        change.members = [ann, cy]
        let room = try database.write { try repository.updateRoom("Helpdesk", change, in: $0) }
        #expect(room.members.map(\.uri) == ["sip:ann@litwareinc.com", "sip:cy@litwareinc.com"])
        change.members = [bob]
        let denied = try #require(throws: DeploymentError.self) { try database.write { _ = try repository.updateRoom("Helpdesk", change, in: $0) } }
        #expect(denied.id == "PrincipalDenied")
        var creators = PersistentChatRepository.CategoryChange()
        creators.creators = [bob]
        #expect(throws: DeploymentError.self) { try database.write { _ = try repository.updateCategory("IT", creators, in: $0) } }
        #expect(try database.read { try repository.requireRoom("Helpdesk", in: $0) }.members.count == 2)
    }

    @Test("Presenters only in auditoriums; a room cannot turn invitations on under a category that has them off")
    func presentersAndInvitations() throws {
        let (database, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ann = Self.user("ann")
        try database.write { db in
            _ = try repository.createCategory(name: "Quiet", description: nil, invitations: false, fileUpload: false, chatHistory: true, in: db)
            var scope = PersistentChatRepository.CategoryChange()
            scope.allowedMembers = [ann]
            _ = try repository.updateCategory("Quiet", scope, in: db)
            _ = try repository.createRoom(.init(name: "Town", category: "Quiet"), in: db)
        }
        #expect(try database.read { try repository.requireRoom("Town", in: $0) }.invitations == .false)
        var presenters = PersistentChatRepository.RoomChange()
        presenters.presenters = [ann]
        let normal = try #require(throws: DeploymentError.self) { try database.write { _ = try repository.updateRoom("Town", presenters, in: $0) } }
        #expect(normal.id == "PresentersNeedAuditorium")
        presenters.type = .auditorium
        let town = try database.write { try repository.updateRoom("Town", presenters, in: $0) }
        // Each role reads back into its own list.
        #expect(town.presenters.map(\.uri) == [ann.uri] && town.managers.isEmpty && town.members.isEmpty)
        var invite = PersistentChatRepository.RoomChange()
        invite.invitations = .inherit
        let off = try #require(throws: DeploymentError.self) { try database.write { _ = try repository.updateRoom("Town", invite, in: $0) } }
        #expect(off.id == "InvitationsOffInCategory")
        var settings = PersistentChatRepository.RoomSettings(name: "Other", category: "Quiet")
        settings.invitations = .inherit
        #expect(throws: DeploymentError.self) { try database.write { _ = try repository.createRoom(settings, in: $0) } }
    }

    @Test("Add-ins: names at most 50, URLs at most 255, web addresses, unique; removal detaches rooms")
    func addins() throws {
        let (database, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        try database.write { db in
            _ = try repository.createAddin(name: "Wiki", url: "https://wiki.litwareinc.com", in: db)
            _ = try repository.createCategory(name: "IT", description: nil, invitations: true, fileUpload: true, chatHistory: true, in: db)
            var settings = PersistentChatRepository.RoomSettings(name: "Helpdesk", category: "IT")
            settings.addin = "wiki"
            _ = try repository.createRoom(settings, in: db)
        }
        for (name, url, id) in [(String(repeating: "a", count: 51), "http://x.com", "AddinNameTooLong"),
                                ("Long", "http://" + String(repeating: "a", count: 249), "AddinUrlTooLong"),
                                ("Ftp", "ftp://x.com", "InvalidAddinUrl"), ("WIKI", "http://x.com", "NameAlreadyInUse")] {
            let error = try #require(throws: DeploymentError.self) { try database.write { _ = try repository.createAddin(name: name, url: url, in: $0) } }
            #expect(error.id == id)
        }
        #expect(try database.read { try repository.requireRoom("Helpdesk", in: $0) }.addinName == "Wiki")
        try database.write { try repository.removeAddin("Wiki", in: $0) }
        #expect(try database.read { try repository.requireRoom("Helpdesk", in: $0) }.addinName == nil)
    }

    @Test("Messages: cleared before a date; removed or replaced by author, words and dates")
    func messages() throws {
        let (database, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ann = Self.user("ann"), bob = Self.user("bob")
        let base = Date(timeIntervalSince1970: 1_400_000_000)
        try database.write { db in
            _ = try repository.createCategory(name: "IT", description: nil, invitations: true, fileUpload: true, chatHistory: true, in: db)
            let room = try repository.createRoom(.init(name: "Helpdesk", category: "IT"), in: db)
            let a = try ChatPrincipals.provision(ann, in: db), b = try ChatPrincipals.provision(bob, in: db)
            for (i, (author, text)) in [(a, "printer is down"), (b, "Printer fixed"), (a, "lunch?"), (b, "the PRINTER again")].enumerated() {
                try db.execute(sql: "INSERT INTO tblChat VALUES (?, ?, ?, ?, 0, ?, x'00')",
                               arguments: [room.nodeID, i + 1, NetTicks.from(base.addingTimeInterval(Double(i) * 3600)), author, text])
            }
        }
        var selection = PersistentChatRepository.MessageSelection()
        selection.keywords = "printer down"
        selection.match = .or
        #expect(try database.write { try repository.removeMessages(inRoom: "Helpdesk", selection, replacement: "[removed]", in: $0) } == 3)
        selection.caseSensitive = true
        selection.keywords = "printer"
        selection.match = .exact
        #expect(try database.read { db in try String.fetchAll(db, sql: "SELECT content FROM tblChat ORDER BY chatId") }
                == ["[removed]", "[removed]", "lunch?", "[removed]"])
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM tblChat WHERE rtf IS NULL") } == 3)
        var byAuthor = PersistentChatRepository.MessageSelection()
        byAuthor.userUri = "sip:ANN@litwareinc.com"
        byAuthor.end = base.addingTimeInterval(3600)
        #expect(try database.write { try repository.removeMessages(inRoom: "Helpdesk", byAuthor, replacement: nil, in: $0) } == 1)
        #expect(try database.write { try repository.clearRoom("Helpdesk", before: base.addingTimeInterval(3 * 3600), in: $0) } == 2)
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM tblChat") } == 1)
    }

    @Test("Moving a room drops the role holders its new category does not allow")
    func moveRoom() throws {
        let (database, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ann = Self.user("ann"), bob = Self.user("bob")
        try database.write { db in
            for (name, allowed) in [("A", [ann, bob]), ("B", [ann])] {
                _ = try repository.createCategory(name: name, description: nil, invitations: true, fileUpload: true, chatHistory: true, in: db)
                var scope = PersistentChatRepository.CategoryChange()
                scope.allowedMembers = allowed
                _ = try repository.updateCategory(name, scope, in: db)
            }
            _ = try repository.createRoom(.init(name: "R", category: "A"), in: db)
            var change = PersistentChatRepository.RoomChange()
            change.managers = [ann, bob]
            _ = try repository.updateRoom("R", change, in: db)
        }
        var move = PersistentChatRepository.RoomChange()
        move.category = "B"
        let moved = try database.write { try repository.updateRoom("R", move, in: $0) }
        #expect(moved.categoryName == "B" && moved.managers.map(\.name) == ["ann"])
    }
}

import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("Persistent Chat database (mgc)")
struct PersistentChatDatabaseTests {
    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("mgc-\(UUID().uuidString)/mgc.sqlite")
    }

    @Test("A new database has the documented tables, the static rows and root node 1")
    func created() throws {
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let database = try PersistentChatDatabase.open(file: file)
        let tables = try database.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        for table in ["tblNode", "tblPrincipal", "tblPrincipalAffiliations", "tblPrincipalRole", "tblScopePrincipal",
                      "tblSiopWhiteList", "tblChat", "tblRoleType", "tblPrincipalType", "tblEnumValue", "tblPrincipalInvites"] {
            #expect(tables.contains(table), "\(table)")
        }
        #expect(try database.read { try String.fetchAll($0, sql: "SELECT rtypeDesc FROM tblRoleType ORDER BY rtypeID") }
                == ["Member", "Manager", "Voiced", "Creator"])
        #expect(try database.read { try Int.fetchAll($0, sql: "SELECT ptypeID FROM tblPrincipalType ORDER BY ptypeID") }
                == [1, 2, 3, 4, 5, 8, 9, 10])
        let root = try #require(try database.read { try Row.fetchOne($0, sql: "SELECT * FROM tblNode WHERE nodeID = 1") })
        #expect(root["parentID"] == 1 && root["nodeType"] == 1)
        // Opening again is harmless, and an empty file (as Enable-CsTopology creates) is filled in.
        _ = try PersistentChatDatabase.open(file: file)
        let empty = Self.temporaryFile()
        try FileManager.default.createDirectory(at: empty.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: empty.path, contents: Data())
        defer { try? FileManager.default.removeItem(at: empty.deletingLastPathComponent()) }
        #expect(try PersistentChatDatabase.open(file: empty).read { try $0.tableExists("tblChat") })
    }

    @Test("Another database in the place of the pool's database is refused and left alone")
    func foreignDatabase() throws {
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try DatabaseQueue(path: file.path).write { try $0.execute(sql: "CREATE TABLE other (x)") }
        let before = try Data(contentsOf: file)
        let error = try #require(throws: DeploymentError.self) { try PersistentChatDatabase.open(file: file) }
        #expect(error.id == "NotAPersistentChatDatabase")
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("fnTicksToDate turns .NET ticks into UTC text")
    func ticks() throws {
        #expect(NetTicks.text(621_355_968_000_000_000) == "1970-01-01 00:00:00.000")
        #expect(NetTicks.text(634_294_368_000_000_000) == "2011-01-01 00:00:00.000")
        let date = Date(timeIntervalSince1970: 1_300_000_000.25)
        #expect(NetTicks.date(NetTicks.from(date)) == date)
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let database = try PersistentChatDatabase.open(file: file)
        #expect(try database.read { try String.fetchOne($0, sql: "SELECT fnTicksToDate(634294368123450000)") } == "2011-01-01 00:00:12.345")
    }

    @Test("The documented sample queries run (without the dbo. prefix) and answer correctly")
    func sampleQueries() throws {
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let database = try PersistentChatDatabase.open(file: file)
        let t2012 = NetTicks.from(Date(timeIntervalSince1970: 1_330_000_000))
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO tblPrincipal (prinID, prinGuid, prinUri, prinName, prinTypeID) VALUES
                    (5, 'g5', 'sip:jane@litwareinc.com', 'Jane Dow', 5), (6, 'g6', 'sip:ken@litwareinc.com', 'Ken Myer', 5),
                    (7, 'g7', 'sip:pat@litwareinc.com', 'Pat', 5), (9, 'g9', 'ma-grp:eng', 'Engineering', 9);
                INSERT INTO tblPrincipalAffiliations VALUES (7, 7, -1, 1), (7, 9, 0, 1);
                INSERT INTO tblNode (nodeID, nodeGuid, parentID, nodeType, nodeName, invite, logged, filePost) VALUES (2, 'c', 1, 1, 'Eng', 1, 1, 1);
                INSERT INTO tblNode (nodeID, nodeGuid, parentID, nodeType, nodeName, behavior, visibility) VALUES (3, 'r', 2, 0, 'Build', 4, 3);
                INSERT INTO tblPrincipalRole VALUES (3, 5, 1, 1);
                INSERT INTO tblPrincipalInvites VALUES (5, 1, 3, '2012-02-23');
                """)
            for (id, user, text) in [(1, 5, "Hello World"), (2, 6, "hi"), (3, 5, "again")] {
                try db.execute(sql: "INSERT INTO tblChat VALUES (3, ?, ?, ?, 0, ?, NULL)", arguments: [id, t2012 + Int64(id), user, text])
            }
        }
        func run(_ documented: String) throws -> [[String]] {
            let sql = documented.replacingOccurrences(of: "dbo.", with: "")
            return try database.read { db in
                try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { $0.description } }
            }
        }
        #expect(try run("""
            SELECT nodeName as ChatRoom, COUNT(*) as ChatMessages
            FROM tblChat, tblNode
            WHERE channelId = nodeID AND dbo.fnTicksToDate(chatDate) > '1/1/2011'
            GROUP BY nodeName
            ORDER BY ChatMessages DESC
            """) == [["\"Build\"", "3"]])
        #expect(try run("""
            SELECT prinName as Name, count(*) as ChatMessages
            FROM tblChat, tblPrincipal
            WHERE prinID = userId AND dbo.fnTicksToDate(chatDate) > '1/1/2011'
            GROUP BY prinName
            ORDER BY ChatMessages DESC
            """) == [["\"Jane Dow\"", "2"], ["\"Ken Myer\"", "1"]])
        #expect(try run("""
            SELECT nodeName as ChatRoom, prinName as Name, content as Message
            FROM tblChat, tblNode, tblPrincipal
            WHERE channelId = nodeID AND userId = prinID AND content like '%Hello World%'
            """) == [["\"Build\"", "\"Jane Dow\"", "\"Hello World\""]])
        #expect(try run("""
            SELECT prinName as Name
            FROM tblPrincipalAffiliations as pa, tblPrincipal
            where principalID = 7 and affiliationID = prinID
            """).map { $0[0] }.sorted() == ["\"Engineering\"", "\"Pat\""])
        #expect(try run("""
            SELECT DISTINCT nodeName as ChatRoom, prinName as Name
            FROM tblPrincipalRole, tblPrincipal, tblNode
            WHERE prinRoleNodeID = nodeID AND prinRolePrinID = prinID AND prinName = 'Jane Dow'
            """) == [["\"Build\"", "\"Jane Dow\""]])
        #expect(try run("""
            SELECT prinName
            ,nodeName
            ,invID
            ,createdOn
            FROM tblPrincipalInvites as inv, tblPrincipal as p, tblNode as n
            where inv.prinID = 5 AND inv.prinID = p.prinID and inv.nodeID = n.nodeID
            ORDER BY invID DESC
            """) == [["\"Jane Dow\"", "\"Build\"", "1", "\"2012-02-23\""]])
    }
}

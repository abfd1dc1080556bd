import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("Legacy Group Chat schema")
struct LegacyGroupChatSchemaTests {
    @Test("A new database has exactly the contract's tables, columns and keys")
    func tablesAndColumns() throws {
        let folder = LegacyTestFolder()
        let file = folder.path("new.db")
        _ = try LegacyGroupChatWriter.create(path: file)
        let queue = try DatabaseQueue(path: file)
        try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            #expect(tables == LegacyGroupChatSchema.requiredColumns.map(\.table).sorted())
            for (table, columns) in LegacyGroupChatSchema.requiredColumns {
                #expect(try db.columns(in: table).map(\.name) == columns, "columns of \(table)")
            }
            #expect(try db.primaryKey("tblPrincipalAffiliations").columns == ["principalID", "affiliationID"])
            #expect(try db.primaryKey("tblPrincipalRole").columns == ["prinRoleNodeID", "prinRolePrinID", "prinRoleTypeID"])
            #expect(try db.primaryKey("tblScopePrincipal").columns == ["scopeNodeID", "scopePrinID"])
            #expect(try db.primaryKey("tblChat").columns == ["channelId", "chatId"])
            #expect(try db.primaryKey("tblSiopWhiteList").columns == ["siopID"])
            let nullable = Dictionary(uniqueKeysWithValues: try db.columns(in: "tblNode").map { ($0.name, !$0.isNotNull) })
            #expect(nullable["invite"] == true && nullable["visibility"] == true && nullable["disabled"] == false)
            let defaults = Dictionary(uniqueKeysWithValues: try db.columns(in: "tblNode").map { ($0.name, $0.defaultValueSQL) })
            #expect(defaults["behavior"] == "4" && defaults["overrideMember"] == "0")
        }
    }

    @Test("Static rows: 11 principal types, 4 role types, the config and the root category")
    func staticRows() throws {
        let folder = LegacyTestFolder()
        let file = folder.path("new.db")
        _ = try LegacyGroupChatWriter.create(path: file, options: .init(schemaVersion: "GroupChat2007R2", forestFqdn: "contoso.com",
                                                                       lookupServerUri: "sip:ocschat@contoso.com", fileStorePath: "/srv/files", rootName: "Top"))
        let queue = try DatabaseQueue(path: file)
        try queue.read { db in
            let types = try Row.fetchAll(db, sql: "SELECT ptypeID, ptypeDesc, ptypeIsFederated FROM tblPrincipalType ORDER BY ptypeID")
            #expect(types.map { $0[1] as String } == ["Any", "AnyUser", "AnyGroup", "SystemUser", "User", "ExternalUser", "FederatedUser", "DC", "Group", "Folder", "FederatedGroup"])
            #expect(types.filter { $0[2] as Int == 1 }.map { $0[0] as Int } == [6, 7, 11])
            #expect(try String.fetchAll(db, sql: "SELECT rtypeDesc FROM tblRoleType ORDER BY rtypeID") == ["Member", "Manager", "Voiced", "Creator"])
        }
        let snapshot = try LegacyGroupChatDatabase(path: file).snapshot()
        #expect(snapshot.config.values == ["SchemaVersion": "GroupChat2007R2", "ForestFqdn": "contoso.com",
                                           "LookupServerUri": "sip:ocschat@contoso.com", "FileStorePath": "/srv/files"])
        let root = snapshot.root
        #expect(root.id == 1 && root.parentID == 1 && root.isCategory && root.name == "Top")
        #expect(root.invite == false && root.logged == true && root.filePost == true && root.visibility == 3)
        #expect(snapshot.nodes.count == 1 && snapshot.principals.isEmpty)
    }

    @Test("Bad options are refused before a file is written")
    func badOptions() throws {
        let folder = LegacyTestFolder()
        #expect(throws: DeploymentError.self) { _ = try LegacyGroupChatWriter.create(path: folder.path("x.db"), options: .init(schemaVersion: "Lync2013")) }
        #expect(throws: DeploymentError.self) { _ = try LegacyGroupChatWriter.create(path: folder.path("x.db"), options: .init(rootName: "a/b")) }
        #expect(!FileManager.default.fileExists(atPath: folder.path("x.db")))
    }
}

import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("Legacy Group Chat validation")
struct LegacyGroupChatValidationTests {
    func openError(_ file: String) -> DeploymentError? {
        #expect(throws: DeploymentError.self) { _ = try LegacyGroupChatDatabase(path: file).snapshot() }
    }

    @Test("A missing file, a non-database file and an empty database are clear errors")
    func notADatabase() throws {
        let folder = LegacyTestFolder()
        #expect(openError(folder.path("missing.db"))?.id == "LegacyDatabaseNotFound")
        try "hello".write(toFile: folder.path("text.db"), atomically: true, encoding: .utf8)
        #expect(openError(folder.path("text.db"))?.id == "LegacyDatabaseUnreadable")
        let empty = try folder.rawDatabase("empty.db", sql: "CREATE TABLE other (x)")
        let error = openError(empty)
        #expect(error?.id == "LegacyDatabaseSchemaInvalid")
        #expect(error?.message.contains("table tblConfig") == true && error?.message.contains("table tblChat") == true)
    }

    @Test("Missing columns are named with their table")
    func missingColumns() throws {
        let folder = LegacyTestFolder()
        let sql = convertedDumpSQL + "DROP TABLE tblChat; CREATE TABLE tblChat (channelId, chatId, chatDate, userId, content, extra);"
        let error = openError(try folder.rawDatabase("cols.db", sql: sql))
        #expect(error?.id == "LegacyDatabaseSchemaInvalid")
        #expect(error?.message.contains("tblChat columns isAlert, rtf") == true)
    }

    @Test("The schema version must be a legacy one")
    func version() throws {
        let folder = LegacyTestFolder()
        let wrong = try folder.rawDatabase("v.db", sql: convertedDumpSQL.replacingOccurrences(of: "'GroupChat2007R2'", with: "'PersistentChat2013'"))
        #expect(openError(wrong)?.message.contains("PersistentChat2013") == true)
        let none = try folder.rawDatabase("n.db", sql: convertedDumpSQL.replacingOccurrences(of: "('SchemaVersion', 'GroupChat2007R2'), ", with: ""))
        #expect(openError(none)?.id == "LegacySchemaVersionNotSupported")
    }

    @Test("A broken category tree is reported: no root, missing parent, a room as parent, a cycle")
    func brokenTree() throws {
        let folder = LegacyTestFolder()
        func broken(_ name: String, _ change: String) throws -> String? {
            let file = try folder.rawDatabase(name, sql: convertedDumpSQL + change)
            return openError(file)?.message
        }
        #expect(try broken("a.db", "DELETE FROM tblNode WHERE nodeID = 1;")?.contains("no root category") == true)
        #expect(try broken("b.db", "UPDATE tblNode SET parentID = 99 WHERE nodeID = 8;")?.contains("parent 99") == true)
        #expect(try broken("c.db", "UPDATE tblNode SET parentID = 4 WHERE nodeID = 8;")?.contains("room 'build'") == true)
        #expect(try broken("d.db", "UPDATE tblNode SET parentID = 3 WHERE nodeID = 2;")?.contains("cycle") == true)
        #expect(try broken("e.db", "UPDATE tblNode SET logged = NULL WHERE nodeID = 1;")?.contains("logged") == true)
    }
}

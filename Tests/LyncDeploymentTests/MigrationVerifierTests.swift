import Foundation
import GRDB
import Testing
@testable import LyncDeployment

/// MigrationVerifier: a legacy database exported, planned and written by the domain's own
/// exporter, planner and writer, then compared; then the target is damaged and compared again.
@Suite("Migration verifier")
struct MigrationVerifierTests {
    static let forest = "litwareinc.com"

    /// Exports `legacy` (from `startDate` on), imports it into a new Persistent Chat database and
    /// returns the source and the target.
    func migrate(_ legacy: String, folder: LegacyTestFolder, startDate: Date? = nil) throws -> (ChatExportSource, PersistentChatDatabase) {
        let source = try ChatExportSource(path: legacy)
        var options = ChatExporter.Options()
        options.startDate = startDate
        options.deploymentForest = Self.forest
        let zip = URL(fileURLWithPath: folder.path("export-\(UUID().uuidString).zip"))
        _ = try ChatExporter(source: source, options: options).export(to: zip)
        let archive = try ChatExportArchive(file: zip)
        let database = try PersistentChatDatabase.open(file: URL(fileURLWithPath: folder.path("mgc-\(UUID().uuidString).sqlite")))
        var target = MigrationTarget(forest: Self.forest, poolFqdn: nil, servicesRunning: false)
        try database.read { try target.load(from: $0) }
        let plan = MigrationPlanner.plan(try archive.data(), target: target)
        #expect(plan.errors.isEmpty, "\(plan.errors)")
        let outcome = try MigrationWriter(plan: plan, archive: archive).apply(to: database, backup: nil)
        #expect(outcome.findings.filter { $0.severity == .error }.isEmpty)
        return (source, database)
    }

    @Test("A converted legacy tree matches after the import: conversions are expected, disabled rooms left out")
    func conversionsAreNotMismatches() throws {
        let folder = LegacyTestFolder()
        let legacy = try folder.rawDatabase("converted.db", sql: convertedDumpSQL)
        let (source, database) = try migrate(legacy, folder: folder)
        let results = try MigrationVerifier.compare(legacy: source, target: database, forest: Self.forest, startDate: nil)
        // lobby (disabled) is left out; build, deals and general are compared.
        #expect(results.map(\.legacyPath) == ["Root/Eng/Backend/build", "Root/Eng/general", "Root/Sales/deals"])
        #expect(results.allSatisfy { $0.status == .match }, "\(results)")
        let build = results[0]
        #expect(build.targetRoom == "Eng_Backend_build" && build.category == "Eng_Backend")
        #expect(build.expectedMessages == 2 && build.targetMessages == 2)
        // Ken manages the root: the manager is pushed down to every room.
        #expect(results.allSatisfy { $0.legacyManagers == 1 && $0.targetManagers == 1 })
        // general overrides its members: what the rules leave it is what it has.
        #expect(results[1].legacyMembers == results[1].targetMembers)
    }

    @Test("-StartDate: only newer legacy messages are expected")
    func startDate() throws {
        let folder = LegacyTestFolder()
        let legacy = try folder.rawDatabase("converted.db", sql: convertedDumpSQL)
        // Messages of build: 634345600000000000 (2011-03-01 02:13:20) and 634345668000000000 (later); keep only the later one.
        let start = NetTicks.date(634_345_650_000_000_000)
        let (source, database) = try migrate(legacy, folder: folder, startDate: start)
        let results = try MigrationVerifier.compare(legacy: source, target: database, forest: Self.forest, startDate: start)
        #expect(results[0].expectedMessages == 1 && results[0].targetMessages == 1 && results[0].status == .match)
        // Without the date, the older message is expected too.
        let all = try MigrationVerifier.compare(legacy: source, target: database, forest: Self.forest, startDate: nil)
        #expect(all[0].status == .mismatch && all[0].detail == "Messages: 1 in the room, 2 expected")
    }

    @Test("Missing rooms, lost members and managers, extra principals and lost messages are reported")
    func damage() throws {
        let folder = LegacyTestFolder()
        let legacy = folder.path("generated.db")
        _ = try LegacyTestDataGenerator(rooms: 12, principals: 60, messages: 500, seed: 5).generate(path: legacy)
        let (source, database) = try migrate(legacy, folder: folder)
        let before = try MigrationVerifier.compare(legacy: source, target: database, forest: Self.forest, startDate: nil)
        #expect(!before.isEmpty && before.allSatisfy { $0.status == .match }, "\(before.filter { $0.status != .match })")
        #expect(before.reduce(0) { $0 + $1.expectedMessages } > 0)
        let withMembers = try #require(before.first { $0.targetMembers ?? 0 > 0 && $0.expectedMessages > 0 })
        let withManagers = try #require(before.first { $0.targetManagers ?? 0 > 0 && $0.legacyPath != withMembers.legacyPath })
        let gone = try #require(before.first { $0.legacyPath != withMembers.legacyPath && $0.legacyPath != withManagers.legacyPath })
        try database.write { db in
            func node(_ name: String?) throws -> Int64 {
                try #require(try Int64.fetchOne(db, sql: "SELECT nodeID FROM tblNode WHERE nodeName = ?", arguments: [name]))
            }
            let members = try node(withMembers.targetRoom)
            try db.execute(sql: "DELETE FROM tblPrincipalRole WHERE rowid = (SELECT min(rowid) FROM tblPrincipalRole WHERE prinRoleNodeID = ? AND prinRoleTypeID = 1)",
                           arguments: [members])
            try db.execute(sql: "DELETE FROM tblChat WHERE rowid = (SELECT min(rowid) FROM tblChat WHERE channelId = ?)", arguments: [members])
            let managers = try node(withManagers.targetRoom)
            try db.execute(sql: "DELETE FROM tblPrincipalRole WHERE prinRoleNodeID = ? AND prinRoleTypeID = 2", arguments: [managers])
            try db.execute(sql: "INSERT INTO tblPrincipal (prinID, prinTypeID, prinGuid, prinUri, prinName) VALUES (99999, 5, 'ffffffff-0000-4000-8000-000000000001', 'sip:intruder@litwareinc.com', 'Intruder')")
            try db.execute(sql: "INSERT INTO tblPrincipalRole (prinRoleNodeID, prinRolePrinID, prinRoleTypeID) VALUES (?, 99999, 2)", arguments: [managers])
            let removed = try node(gone.targetRoom)
            try db.execute(sql: "DELETE FROM tblChat WHERE channelId = ?", arguments: [removed])
            try db.execute(sql: "DELETE FROM tblPrincipalRole WHERE prinRoleNodeID = ?", arguments: [removed])
            try db.execute(sql: "DELETE FROM tblNode WHERE nodeID = ?", arguments: [removed])
        }
        let after = try MigrationVerifier.compare(legacy: source, target: database, forest: Self.forest, startDate: nil)
        let byPath = Dictionary(uniqueKeysWithValues: after.map { ($0.legacyPath, $0) })
        let lostMember = try #require(byPath[withMembers.legacyPath])
        #expect(lostMember.status == .mismatch)
        #expect(lostMember.targetMembers == (withMembers.targetMembers ?? 0) - 1)
        #expect(lostMember.detail?.contains("Members missing: sip:") == true, "\(lostMember.detail ?? "")")
        #expect(lostMember.detail?.contains("Messages: \(withMembers.expectedMessages - 1) in the room, \(withMembers.expectedMessages) expected") == true)
        let lostManagers = try #require(byPath[withManagers.legacyPath])
        #expect(lostManagers.status == .mismatch && lostManagers.targetManagers == 1)
        #expect(lostManagers.detail?.contains("Managers missing:") == true && lostManagers.detail?.contains("Managers not expected: sip:intruder@litwareinc.com") == true)
        let missing = try #require(byPath[gone.legacyPath])
        #expect(missing.status == .missing && missing.targetMessages == nil && missing.detail?.contains(gone.targetRoom ?? "?") == true)
        #expect(after.filter { $0.status == .match }.count == before.count - 3)
        // No target database at all: every room is missing.
        let none = try MigrationVerifier.compare(legacy: source, target: nil, forest: Self.forest, startDate: nil)
        #expect(none.count == before.count && none.allSatisfy { $0.status == .missing })
    }
}

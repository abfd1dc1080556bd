import Foundation
import GRDB
import Testing
@testable import LyncDeployment

/// The migration stage record in the Central Management Store, and the Persistent Chat backup.
@Suite("Migration stages and backups")
struct MigrationStageRepositoryTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("stages-\(UUID().uuidString)")

    @Test("Started, then Completed: the start is kept, the end set; names are case-insensitive; order is first recorded")
    func lifecycle() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CentralManagementStore.open(home: DeploymentHome(root: root), creator: "labadmin")
        let t0 = Date(timeIntervalSince1970: 1_700_000_000), t1 = t0.addingTimeInterval(90)
        try store.write { db in
            try MigrationStageRepository.record("Export", status: .started, detail: nil, user: "labadmin", at: t0, in: db)
            try MigrationStageRepository.record("Backup", status: .skipped, detail: "no target data yet", user: "ken", at: t0, in: db)
            try MigrationStageRepository.record("export", status: .completed, detail: "2000 messages", user: "ken", at: t1, in: db)
        }
        let stages = try store.read { try MigrationStageRepository.stages(in: $0) }
        #expect(stages.map(\.name) == ["Export", "Backup"])
        #expect(stages[0] == MigrationStage(name: "Export", status: .completed, startedAt: t0, finishedAt: t1, user: "ken", detail: "2000 messages"))
        #expect(stages[1].startedAt == t0 && stages[1].finishedAt == t0 && stages[1].status == .skipped)
        // Starting again clears the end.
        _ = try store.write { db in try MigrationStageRepository.record("EXPORT", status: .started, detail: nil, user: "labadmin", at: t1, in: db) }
        let again = try #require(try store.read { try MigrationStageRepository.stage(named: "Export", in: $0) })
        #expect(again.status == .started && again.startedAt == t1 && again.finishedAt == nil && again.detail == nil)
    }

    @Test("Bad names are refused; reset forgets one stage (an unknown one is an error) or all")
    func validationAndReset() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try CentralManagementStore.open(home: DeploymentHome(root: root), creator: "labadmin")
        #expect(throws: DeploymentError.self) {
            try store.write { db in try MigrationStageRepository.record("  ", status: .started, detail: nil, user: "u", in: db) }
        }
        #expect(throws: DeploymentError.self) {
            try store.write { db in try MigrationStageRepository.record(String(repeating: "x", count: 129), status: .started, detail: nil, user: "u", in: db) }
        }
        try store.write { db in
            for name in ["A", "B", "C"] { try MigrationStageRepository.record(name, status: .completed, detail: nil, user: "u", in: db) }
        }
        #expect(try store.write { try MigrationStageRepository.reset("b", in: $0) } == 1)
        do {
            try store.write { db in _ = try MigrationStageRepository.reset("B", in: db) }
            Issue.record("resetting an unknown stage should fail")
        } catch let error as DeploymentError {
            #expect(error.id == "MigrationStageNotFound")
        }
        #expect(try store.write { try MigrationStageRepository.reset(nil, in: $0) } == 2)
        #expect(try store.read { try MigrationStageRepository.stages(in: $0) }.isEmpty)
    }

    @Test("A backup is a complete, consistent copy; an existing file is kept unless replacing; no partial file is left")
    func backup() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let database = try PersistentChatDatabase.open(file: root.appendingPathComponent("mgc.sqlite"))
        try database.write { db in
            try db.execute(sql: "INSERT INTO tblNode (nodeID, nodeGuid, parentID, nodeType, nodeName) VALUES (2, 'g2', 1, 1, 'Eng')")
        }
        let file = root.appendingPathComponent("backups/copy.sqlite")
        let backup = try database.backUp(to: file)
        #expect(backup.file == file && backup.size > 0)
        #expect(backup.size == (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.int64Value)
        let copy = try DatabaseQueue(path: file.path)
        #expect(try copy.read { try String.fetchOne($0, sql: "SELECT nodeName FROM tblNode WHERE nodeID = 2") } == "Eng")
        try copy.close()
        do {
            try database.backUp(to: file)
            Issue.record("an existing backup file should not be replaced")
        } catch let error as DeploymentError {
            #expect(error.id == "BackupExists")
        }
        try database.write { db in try db.execute(sql: "UPDATE tblNode SET nodeName = 'Engineering' WHERE nodeID = 2") }
        try database.backUp(to: file, replacing: true)
        #expect(try DatabaseQueue(path: file.path).read { try String.fetchOne($0, sql: "SELECT nodeName FROM tblNode WHERE nodeID = 2") } == "Engineering")
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).filter { $0.contains("partial") }.isEmpty)
    }
}

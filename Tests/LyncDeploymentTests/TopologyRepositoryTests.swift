import Foundation
import GRDB
import Testing
@testable import LyncDeployment

/// Publishing and enabling topologies, and the look-ups other parts of the deployment use.
@Suite("Topology repository")
struct TopologyRepositoryTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("topology-\(UUID().uuidString)")
    var home: DeploymentHome { DeploymentHome(root: root) }

    func makeStore() throws -> CentralManagementStore {
        try CentralManagementStore.open(home: home, creator: "labadmin")
    }

    func document(_ text: String = TopologyDocumentTests.valid) throws -> TopologyDocument {
        try TopologyDocument.load(Data(text.utf8), file: "t.json", home: home)
    }

    func publish(_ store: CentralManagementStore, _ text: String = TopologyDocumentTests.valid) throws {
        let parsed = try document(text)
        _ = try store.write { try TopologyRepository.publish(parsed, content: text, sourceFile: "t.json", by: "labadmin", in: $0) }
    }

    @Test("Publishing stores the document, the rows and the settings")
    func publishes() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try makeStore()
        try publish(store)
        let current = try #require(try store.read { try TopologyRepository.current(in: $0) })
        #expect(current.version == 1 && current.publishedBy == "labadmin" && current.enabledAt == nil)
        #expect(current.content == TopologyDocumentTests.valid)
        let counts = try store.read { db in
            try [ "site", "pool", "computer"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1 }
        }
        #expect(counts == [1, 3, 4])
        let role = try store.read { try String.fetchOne($0, sql: "SELECT role FROM pool WHERE fqdn = 'ATL-PCPOOL-001.litwareinc.com'") }
        #expect(role == "PersistentChat")
        #expect(try store.setting("ForestFqdn") == "litwareinc.com")
        #expect(try store.setting("LocalComputer") == "atl-pc-001.litwareinc.com")
    }

    @Test("Look-ups: pools, roles, stores, service identities")
    func lookups() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try makeStore()
        #expect(try store.read { try TopologyRepository.pools(in: $0) }.isEmpty)
        try publish(store)
        try store.read { db in
            let chat = try #require(try TopologyRepository.pool(fqdn: "atl-pcpool-001.LITWAREINC.com", in: db))
            #expect(chat.role == .persistentChat && chat.siteName == "Redmond" && chat.siteId == 1)
            #expect(chat.sqlStore == "atl-sql-001.litwareinc.com\\rtc" && chat.databaseName == "mgc")
            #expect(chat.fileStore == "\\\\atl-fs-001.litwareinc.com\\pchat" && chat.homePool == "atl-cs-001.litwareinc.com")
            #expect(chat.services.map(\.identity) == ["PersistentChatServer:atl-pcpool-001.litwareinc.com",
                                                       "PersistentChatStore:atl-sql-001.litwareinc.com\\rtc"])
            #expect(try TopologyRepository.persistentChatPools(in: db).map(\.fqdn) == ["atl-pcpool-001.litwareinc.com"])
            #expect(try TopologyRepository.groupChatPools(in: db).map(\.fqdn) == ["atl-gc-001.litwareinc.com"])
            #expect(try TopologyRepository.frontEndPools(in: db).map(\.fqdn) == ["atl-cs-001.litwareinc.com"])
            #expect(try TopologyRepository.service(identity: "registrar:atl-cs-001.litwareinc.com", in: db)?.poolFqdn
                    == "atl-cs-001.litwareinc.com")
            #expect(try TopologyRepository.localComputer(override: nil, in: db) == "atl-pc-001.litwareinc.com")
            #expect(try TopologyRepository.localComputer(override: "x.y", in: db) == "x.y")
            let error = #expect(throws: DeploymentError.self) {
                try TopologyRepository.requirePool(fqdn: "atl-cs-001.litwareinc.com", role: .persistentChat, in: db)
            }
            #expect(error?.kind == .objectNotFound)
            #expect(error?.message.contains("Known PersistentChat pools: atl-pcpool-001.litwareinc.com") == true)
        }
    }

    @Test("Enabling installs running services, empty databases and file-store folders")
    func enables() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try makeStore()
        try publish(store)
        let result = try store.write { try TopologyRepository.enable(home: home, in: $0) }
        #expect(result.installedServices.contains("RTCCHAT on atl-pc-002.litwareinc.com"))
        #expect(result.installedServices.contains("RTCSRV on atl-cs-001.litwareinc.com"))
        #expect(result.installedServices.contains("Lookup on atl-gc-001.litwareinc.com"))
        let database = try home.databaseFile(instance: "atl-sql-001.litwareinc.com\\rtc", database: "mgc")
        #expect(result.createdDatabases == [database])
        #expect(FileManager.default.fileExists(atPath: database.path))
        #expect(FileManager.default.fileExists(atPath: try home.fileStoreFolder("\\\\atl-fs-001.litwareinc.com\\pchat").path))
        let groupChatFiles = try home.fileStoreFolder("\\\\atl-fs-001.litwareinc.com\\gc")
        #expect(result.createdFolders.contains(groupChatFiles) && FileManager.default.fileExists(atPath: groupChatFiles.path))
        let services = try store.read { try ServiceRepository.services(computer: nil, in: $0) }
        #expect(services.allSatisfy { $0.status == .running })
        #expect(services.filter { $0.computer == "atl-cs-001.litwareinc.com" }.map(\.name).sorted()
                == ["LYNCBACKUP", "RTCASMCU", "RTCCAA", "RTCCLSAGT", "RTCCPS", "RTCRGS", "RTCSRV", "W3SVC"])
        #expect(try store.read { try TopologyRepository.current(in: $0) }?.enabledAt != nil)
    }

    @Test("Enabling twice changes nothing and never overwrites a database")
    func enableIsIdempotent() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try makeStore()
        try publish(store)
        _ = try store.write { try TopologyRepository.enable(home: home, in: $0) }
        let database = try home.databaseFile(instance: "atl-sql-001.litwareinc.com\\rtc", database: "mgc")
        _ = try store.write { try ServiceRepository.setStatus(.stopped, service: "RTCCHAT", computer: "atl-pc-001.litwareinc.com", in: $0) }
        let again = try store.write { try TopologyRepository.enable(home: home, in: $0) }
        #expect(again.installedServices.isEmpty && again.createdDatabases.isEmpty && again.createdFolders.isEmpty)
        let chat = try store.read { try ServiceRepository.requireService("rtcchat", computer: "atl-pc-001.litwareinc.com", in: $0) }
        #expect(chat.status == .stopped)
        // Something else in the database's place is reported, never overwritten.
        try Data("keep me".utf8).write(to: database)
        #expect(throws: DeploymentError.self) { try store.write { _ = try TopologyRepository.enable(home: home, in: $0) } }
        #expect(try String(contentsOf: database, encoding: .utf8) == "keep me")
    }

    @Test("A failed enable removes the databases and folders it had created")
    func failedEnableUndoesFiles() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try makeStore()
        try publish(store)
        // A file where the file server's folder must go: the file stores cannot be created.
        let server = home.root.appendingPathComponent("shares/atl-fs-001.litwareinc.com")
        try FileManager.default.createDirectory(at: server.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("blocker".utf8).write(to: server)
        #expect(throws: DeploymentError.self) { try store.write { _ = try TopologyRepository.enable(home: home, in: $0) } }
        let database = try home.databaseFile(instance: "atl-sql-001.litwareinc.com\\rtc", database: "mgc")
        #expect(!FileManager.default.fileExists(atPath: database.path))
        #expect(!FileManager.default.fileExists(atPath: home.root.appendingPathComponent("sql").path))
        #expect(FileManager.default.fileExists(atPath: server.path))
        #expect(!FileManager.default.fileExists(atPath: TopologyEnableJournal.file(in: home).path))
        #expect(try store.read { try TopologyRepository.current(in: $0) }?.enabledAt == nil)
    }

    @Test("The files of an enable whose process died go at the next open; a live one's stay")
    func abandonedEnableIsUndone() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try makeStore()
        let folder = home.root.appendingPathComponent("sql/atl-sql-001.litwareinc.com")
        let database = folder.appendingPathComponent("rtc/mgc.sqlite")
        let share = home.root.appendingPathComponent("shares/fs/gc")
        try FileManager.default.createDirectory(at: database.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try Data().write(to: database)
        try Data().write(to: URL(fileURLWithPath: database.path + "-journal"))
        try Data("copied since".utf8).write(to: share.appendingPathComponent("kept.txt"))
        func journal(process: String) throws {
            let object: [String: Any] = ["process": process, "files": [database.path],
                                         "folders": [folder.path, folder.appendingPathComponent("rtc").path, share.path]]
            try JSONSerialization.data(withJSONObject: object).write(to: TopologyEnableJournal.file(in: home))
        }
        // A journal of a running process (this one) is left alone.
        try journal(process: "\(getpid()):\(try #require(ProcessIdentity.describe(getpid())).split(separator: ":")[1])")
        _ = try makeStore()
        #expect(FileManager.default.fileExists(atPath: database.path))
        // Pid 1 with another start time: a process that is gone.
        try journal(process: "1:0")
        _ = try makeStore()
        #expect(!FileManager.default.fileExists(atPath: database.path))
        #expect(!FileManager.default.fileExists(atPath: database.path + "-journal"))
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(FileManager.default.fileExists(atPath: share.appendingPathComponent("kept.txt").path))
        #expect(!FileManager.default.fileExists(atPath: TopologyEnableJournal.file(in: home).path))
    }

    @Test("Enabling before publishing is an error")
    func enableNeedsTopology() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try makeStore()
        let error = #expect(throws: DeploymentError.self) { try store.write { try TopologyRepository.enable(home: home, in: $0) } }
        #expect(error?.id == "TopologyNotPublished")
    }

    @Test("Republishing replaces the rows and keeps the services of computers that stay")
    func republishReplacesRows() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try makeStore()
        try publish(store)
        _ = try store.write { try TopologyRepository.enable(home: home, in: $0) }
        _ = try store.write { try ServiceRepository.setStatus(.stopped, service: "RTCSRV", computer: "atl-cs-001.litwareinc.com", in: $0) }
        // The second version drops atl-pc-002 and the Group Chat pool and renames the site.
        let smaller = TopologyDocumentTests.valid
            .replacingOccurrences(of: ", \"atl-pc-002.litwareinc.com\"", with: "")
            .replacingOccurrences(of: "\"Redmond\", \"SiteId\": 1", with: "\"Atlanta\", \"SiteId\": 2")
            .replacingOccurrences(of: ",\n      { \"Fqdn\": \"atl-gc-001.litwareinc.com\", \"Role\": \"GroupChat\",\n        \"SqlStore\": \"atl-sql-002.litwareinc.com\\\\gc\", \"FileStore\": \"\\\\\\\\atl-fs-001.litwareinc.com\\\\gc\" }", with: "")
        try publish(store, smaller)
        try store.read { db in
            #expect(try TopologyRepository.current(in: db)?.version == 2)
            #expect(try String.fetchAll(db, sql: "SELECT name FROM site") == ["Atlanta"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM pool") == 2)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM service WHERE computer = 'atl-pc-002.litwareinc.com'") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM service WHERE computer = 'atl-gc-001.litwareinc.com'") == 0)
            let frontEnd = try ServiceRepository.requireService("RTCSRV", computer: "atl-cs-001.litwareinc.com", in: db)
            #expect(frontEnd.status == .stopped)
        }
    }

    @Test("A failed publish leaves the store untouched")
    func failedPublishIsAtomic() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try makeStore()
        try publish(store)
        var broken = try document()
        broken.sites[0].pools.append(broken.sites[0].pools[0])   // same pool twice: violates the primary key
        #expect(throws: DeploymentError.self) {
            try store.write { try TopologyRepository.publish(broken, content: "x", sourceFile: nil, by: "labadmin", in: $0) }
        }
        let (version, pools) = try store.read { db in
            (try TopologyRepository.current(in: db)?.version, try Int.fetchOne(db, sql: "SELECT count(*) FROM pool"))
        }
        #expect(version == 1)
        #expect(pools == 3)
    }
}

import Foundation
import Testing
@testable import LyncDeployment

@Suite("Deployment home and store")
struct DeploymentHomeTests {
    let home = DeploymentHome(path: "/srv/pcsh")

    @Test("A SQL instance is a lower-case folder under sql/")
    func sqlInstanceFolder() throws {
        #expect(try home.sqlInstanceFolder("Atl-SQL-001.litwareinc.com\\PChat").path == "/srv/pcsh/sql/atl-sql-001.litwareinc.com/pchat")
        #expect(try home.sqlInstanceFolder("sql01").path == "/srv/pcsh/sql/sql01/mssqlserver")
        #expect(try home.databaseFile(instance: "sql01\\rtc", database: "MGC").path == "/srv/pcsh/sql/sql01/rtc/mgc.sqlite")
    }

    @Test("Malformed instance names are refused with a clear error", arguments: ["", "a\\b\\c", "..\\x", "a\\.."])
    func badInstance(_ name: String) {
        #expect(throws: DeploymentError.self) { try home.sqlInstanceFolder(name) }
    }

    @Test("sqlite: URIs and file paths name the database file directly")
    func directDatabaseFiles() throws {
        #expect(try home.databaseFile(instance: "sqlite:///tmp/x.db", database: "mgc").path == "/tmp/x.db")
        #expect(try home.databaseFile(instance: "sqlite:/tmp/y.db", database: "mgc").path == "/tmp/y.db")
    }

    @Test("File shares map under shares/, absolute paths stay")
    func fileShares() throws {
        #expect(try home.fileStoreFolder("\\\\ATL-FS-001\\PChat\\Files").path == "/srv/pcsh/shares/atl-fs-001/PChat/Files")
        #expect(try home.fileStoreFolder("/data/files").path == "/data/files")
        #expect(throws: DeploymentError.self) { try home.fileStoreFolder("relative\\path") }
    }

    @Test("Windows drive and UNC paths map into the home and never leave their folder", arguments: [
        ("C:\\Logs\\x.zip", "/srv/pcsh/drives/c/Logs/x.zip"),
        ("d:/Exports/a b.zip", "/srv/pcsh/drives/d/Exports/a b.zip"),
        ("C:", "/srv/pcsh/drives/c"),
        ("C:\\..\\..\\cms.sqlite", "/srv/pcsh/drives/c/cms.sqlite"),
        ("C:\\Logs\\.\\..\\Other\\f.txt", "/srv/pcsh/drives/c/Other/f.txt"),
        ("\\\\ATL-FS-001\\GroupChat\\posted\\f.doc", "/srv/pcsh/shares/atl-fs-001/GroupChat/posted/f.doc"),
        ("\\\\fs\\share", "/srv/pcsh/shares/fs/share"),
        ("\\\\fs\\share/posted/a.txt", "/srv/pcsh/shares/fs/share/posted/a.txt"),
        ("\\\\fs\\share\\..\\..\\..\\cms.sqlite", "/srv/pcsh/shares/fs/share/cms.sqlite"),
    ])
    func windowsPaths(_ path: String, _ expected: String) {
        #expect(home.localPath(forWindowsPath: path)?.path == expected)
    }

    @Test("Other paths are not Windows paths", arguments: ["/tmp/x", "relative/x", "x:y", "\\\\server", "\\\\..\\share", "\\\\fs\\..", "1:\\x"])
    func notWindowsPaths(_ path: String) {
        #expect(home.localPath(forWindowsPath: path) == nil)
    }

    @Test("Creating the store makes its creator a member of RTCUniversalServerAdmins, once")
    func creatorBecomesAdministrator() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cms-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let home = DeploymentHome(root: root)
        let store = try CentralManagementStore.open(home: home, creator: "alice")
        _ = try CentralManagementStore.open(home: home, creator: "bob")
        let members = try store.read { db in
            try String.fetchAll(db, sql: "SELECT memberName FROM groupMember WHERE groupName = 'rtcuniversalserveradmins'")
        }
        #expect(members == ["alice"])
        #expect(try store.setting("CreatedBy") == "alice")
        let roles = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM adminRole WHERE isStandardRole = 1") }
        #expect(roles == 11)
    }
}

import Foundation
import GRDB
import Testing

/// Several processes making their first call at once — on an empty home, or on a pool whose
/// Persistent Chat database does not exist yet — all succeed, and nothing they write is lost.
@Suite("First use under concurrency", .serialized)
struct FirstUseRaceTests {
    static let topology = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/topology/litwareinc.json")

    /// Starts `count` pcsh processes at once on `home` and waits for all; returns their results.
    func race(_ count: Int, home: URL, script: (Int) -> String) throws -> [(code: Int32, output: String)] {
        let executable = try #require(PcshProcess.locateExecutable())
        var processes: [(Process, Pipe)] = []
        for index in 0..<count {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["-NoProfile", "-NonInteractive", "-Command", script(index)]
            process.currentDirectoryURL = home.deletingLastPathComponent()
            var environment = ProcessInfo.processInfo.environment
            environment["PCSH_HOME"] = home.path
            environment["PCSH_USER"] = "labadmin"
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            processes.append((process, pipe))
        }
        for (process, _) in processes { try process.run() }
        return processes.map { process, pipe in
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, output)
        }
    }

    @Test("16 processes open an empty home at once: every one succeeds")
    func emptyHome() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = try race(16, home: folder.appendingPathComponent("home")) { _ in "Get-CsAdminRole | Out-Null; 'ok'" }
        for result in results {
            #expect(result.code == 0 && result.output == "ok\n", "\(result.output)")
        }
    }

    @Test("16 processes create categories on a pool's first use: all 16 are there")
    func firstPoolUse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = folder.appendingPathComponent("home")
        let setup = try race(1, home: home) { _ in "Publish-CsTopology -FileName '\(Self.topology.path)' | Out-Null; Enable-CsTopology | Out-Null" }
        #expect(setup.first?.code == 0, "\(setup.first?.output ?? "")")
        // Enable-CsTopology made the pool's database; remove it so the race is its first use.
        let instance = home.appendingPathComponent("sql/atl-sql-001.litwareinc.com/rtc")
        for name in try FileManager.default.contentsOfDirectory(atPath: instance.path) where name.hasPrefix("mgc.") || name.hasPrefix(".mgc.") {
            try FileManager.default.removeItem(at: instance.appendingPathComponent(name))
        }
        #expect(!FileManager.default.fileExists(atPath: instance.appendingPathComponent("mgc.sqlite").path))
        let results = try race(16, home: home) { index in
            "New-CsPersistentChatCategory -Name Race\(index) -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com | Out-Null; 'ok'"
        }
        for result in results {
            #expect(result.code == 0 && result.output == "ok\n", "\(result.output)")
        }
        let count = try race(1, home: home) { _ in "@(Get-CsPersistentChatCategory -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com).Count" }
        #expect(count.first?.output == "16\n")
    }
}

/// A store another process is writing: reads go on, a change waits `PCSH_BUSY_TIMEOUT` and then
/// fails with an ordinary ResourceBusy error that the script catches, and the script goes on.
@Suite("A busy store")
struct BusyStoreTests {
    @Test("Reads do not wait for a writer; a blocked change is a catchable ResourceBusy error")
    func busyStore() throws {
        let executable = try #require(PcshProcess.locateExecutable())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-busy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeded = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", "Get-CsAdminRole | Out-Null"],
                                         in: folder, captureFolder: folder, timeout: 60)
        #expect(seeded.exitCode == 0, "\(seeded.stderr)")
        let store = try DatabaseQueue(path: folder.appendingPathComponent("home/cms.sqlite").path)
        var result: PcshRunResult?
        let started = Date()
        try store.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            result = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", """
                (Get-CsAdminRole | Measure-Object).Count -gt 0
                try { New-ADUser -Name Busy -SamAccountName busy -ErrorAction Stop } catch { "caught $($_.CategoryInfo.Category) $($_.FullyQualifiedErrorId)" }
                'went on'
                New-ADUser -Name Busy -SamAccountName busy
                'still on'
                """], in: folder, captureFolder: folder, timeout: 60, environment: ["PCSH_BUSY_TIMEOUT": "1"])
            try db.execute(sql: "ROLLBACK")
        }
        let run = try #require(result)
        #expect(run.stdout == "True\ncaught ResourceBusy CentralManagementStoreBusy\nwent on\nstill on\n", "\(run.stdout)\n\(run.stderr)")
        // Uncaught, it is an ordinary non-fatal error that names its command.
        #expect(run.stderr.hasPrefix("New-ADUser:"), "\(run.stderr)")
        #expect(run.stderr.contains("is busy"))
        #expect(Date().timeIntervalSince(started) < 20)
    }
}

/// Another program's SQLite file where the store belongs is refused and left as it is.
@Suite("A foreign store")
struct ForeignStoreTests {
    @Test("A foreign database in the place of the store is refused, unchanged, and no one becomes administrator")
    func foreignStore() throws {
        let executable = try #require(PcshProcess.locateExecutable())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-foreign-\(UUID().uuidString)")
        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = home.appendingPathComponent("cms.sqlite")
        let foreign = try DatabaseQueue(path: file.path)
        try foreign.write { db in try db.execute(sql: "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts VALUES (1, 'x')") }
        try foreign.close()
        let before = try Data(contentsOf: file)
        let result = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", "Get-CsAdminRole | Out-Null"],
                                         in: folder, captureFolder: folder, timeout: 60)
        #expect(result.stderr.contains("is not a pcsh Central Management Store"), "\(result.stderr)")
        #expect(try Data(contentsOf: file) == before)
    }
}

/// A command killed mid-way leaves its audit entry at Started; the next open records it as
/// Interrupted, while the entries of processes still running stay Started.
@Suite("Interrupted commands in the audit log")
struct InterruptedAuditTests {
    @Test("Started entries of dead processes become Interrupted at the next open")
    func staleStartedEntries() throws {
        let executable = try #require(PcshProcess.locateExecutable())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A finished command, then two entries as commands leave them while they run: one of a
        // process that is gone (killed), one of a process that still runs (this test).
        let seeded = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", "New-ADUser -Name First -SamAccountName first"],
                                         in: folder, captureFolder: folder, timeout: 60)
        #expect(seeded.exitCode == 0, "\(seeded.stderr)")
        let store = try DatabaseQueue(path: folder.appendingPathComponent("home/cms.sqlite").path)
        let alive = try String(contentsOfFile: "/proc/self/stat", encoding: .utf8)
        let fields = alive[alive.index(after: alive.lastIndex(of: ")")!)...].split(separator: " ")
        let me = "\(getpid()):\(fields[19])"
        try store.write { db in
            for (command, process) in [("Remove-CsTrustedApplication", "999999:12345"), ("New-CsTrustedApplication", me)] {
                try db.execute(sql: """
                    INSERT INTO auditEntry (time, user, roles, command, parameters, whatIf, outcome, process)
                    VALUES (?, 'labadmin', '', ?, '{}', 0, 'Started', ?)
                    """, arguments: [Date().timeIntervalSince1970, command, process])
            }
        }
        let result = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", "Get-CsAdminRole | Out-Null"],
                                         in: folder, captureFolder: folder, timeout: 60)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let outcomes = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT command, outcome FROM auditEntry WHERE command LIKE '%TrustedApplication' ORDER BY id")
                .map { "\($0["command"] as String)=\($0["outcome"] as String)" }
        }
        #expect(outcomes == ["Remove-CsTrustedApplication=Interrupted", "New-CsTrustedApplication=Started"])
        // The finished command of the first run is unaffected.
        #expect(try store.read { try String.fetchOne($0, sql: "SELECT outcome FROM auditEntry WHERE command = 'New-ADUser'") } == "Succeeded")
    }
}

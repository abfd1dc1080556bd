import Foundation
import GRDB
import Testing

/// A real import is one transaction: the pcsh executable importing a generated legacy export is
/// killed with SIGKILL at random moments, and each time the pool database must be either untouched
/// (as before the import) or complete (as after an uninterrupted import), and sound.
/// `PCSH_KILL_ITERATIONS` sets how many kills (default 12).
@Suite("Migration: kill -9 at random points")
struct MigrationKillTests {
    static let topology = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/topology/litwareinc.json")

    /// The counts that tell the two allowed states apart, plus SQLite's own check.
    struct PoolState: Equatable {
        var nodes: Int
        var principals: Int
        var messages: Int
        var integrity: String

        init(_ file: URL) throws {
            var configuration = Configuration()
            configuration.readonly = false  // a hot journal must be rolled back, as any next opener does
            let queue = try DatabaseQueue(path: file.path, configuration: configuration)
            (nodes, principals, messages, integrity) = try queue.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM tblNode") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM tblPrincipal") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM tblChat") ?? -1,
                 try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?")
            }
        }
    }

    @Test("SIGKILL during Import-CsPersistentChatData leaves the pool untouched or complete")
    func killDuringImport() throws {
        let executable = try #require(PcshProcess.locateExecutable(), "pcsh executable not found; run `swift build` first")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-kill-\(UUID().uuidString)")
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let target = "atl-sql-001.litwareinc.com\\rtc"

        // The deployment, its pool database created empty, and the export of a generated legacy database.
        let setup = try PcshProcess.run(executable, arguments: ["-NoProfile", "-NonInteractive", "-Command", """
            Publish-CsTopology -FileName '\(Self.topology.path)' | Out-Null
            Enable-CsTopology | Out-Null
            'atl-pc-001.litwareinc.com','atl-pc-002.litwareinc.com' | % { Stop-CsWindowsService -ComputerName $_ }
            Import-Module GroupChatAuthoring
            New-CsGroupChatTestData -Path ./legacy.db -Rooms 300 -Principals 2000 -Messages 60000 -Seed 5 | Out-Null
            Export-CsPersistentChatData -DBInstance ./legacy.db -FileName ./export.zip -WarningAction SilentlyContinue
            Get-CsPersistentChatRoom -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com | Out-Null
            """], in: work, captureFolder: root, timeout: 300)
        #expect(setup.exitCode == 0 && setup.stderr.isEmpty, "\(setup.stderr)")
        let home = root.appendingPathComponent("home")
        let pool = try #require(FileManager.default.enumerator(at: home, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.first { $0.lastPathComponent == "mgc.sqlite" || $0.lastPathComponent == "mgc" })
        let pristine = try Data(contentsOf: pool)
        let untouched = try PoolState(pool)
        #expect(untouched.messages == 0)

        func restore() throws {
            for suffix in ["-journal", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: pool.path + suffix)
            }
            try pristine.write(to: pool)
        }
        let importArguments = ["-NoProfile", "-NonInteractive", "-Command",
                               "Import-CsPersistentChatData -DBInstance '\(target)' -FileName ./export.zip -BackupPath ./backup.sqlite -WarningAction SilentlyContinue"]

        // One uninterrupted import: the complete state and how long an import takes.
        let started = Date()
        let full = try PcshProcess.run(executable, arguments: importArguments, in: work, captureFolder: root, timeout: 300)
        let duration = Date().timeIntervalSince(started)
        #expect(full.exitCode == 0 && full.stderr.isEmpty, "\(full.stderr)")
        let complete = try PoolState(pool)
        #expect(complete.messages > 50_000)
        #expect(complete.integrity == "ok")

        let iterations = Int(ProcessInfo.processInfo.environment["PCSH_KILL_ITERATIONS"] ?? "") ?? 12
        var outcomes = (untouched: 0, complete: 0)
        var generator = SystemRandomNumberGenerator()
        for iteration in 0..<iterations {
            try restore()
            try? FileManager.default.removeItem(at: work.appendingPathComponent("backup.sqlite"))
            // Spread the kills over the whole run: start-up, reading, backup, writing, commit.
            let delay = Double(iteration) / Double(max(1, iterations - 1)) * duration * 1.1
                + Double.random(in: 0...0.05, using: &generator)
            try PcshProcess.runAndKill(executable, arguments: importArguments, in: work, home: home, after: delay)

            let state = try PoolState(pool)
            #expect(state.integrity == "ok", "kill \(iteration) after \(delay) s")
            if state == untouched { outcomes.untouched += 1 } else if state == complete { outcomes.complete += 1 } else {
                Issue.record("kill \(iteration) after \(String(format: "%.2f", delay)) s left a partial pool: \(state)")
            }
        }
        print("kill -9 during import: \(iterations) kills over \(String(format: "%.2f", duration)) s, \(outcomes.untouched) untouched, \(outcomes.complete) complete")
        // Kills landed on both sides of the commit.
        #expect(outcomes.untouched > 0, "\(outcomes)")
        #expect(outcomes.untouched + outcomes.complete == iterations)
    }
}

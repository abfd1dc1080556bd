import Foundation
import GRDB
import Testing

/// Enable-CsTopology creates database files and folders beside its store transaction. Killed at
/// random moments, it must leave either an enabled topology with all of them, or (after the next
/// start) a topology not enabled and none of them.
@Suite("Enable-CsTopology: kill -9 at random points")
struct EnableKillTests {
    @Test("SIGKILL during Enable-CsTopology leaves everything enabled or nothing created")
    func killDuringEnable() throws {
        let executable = try #require(PcshProcess.locateExecutable(), "pcsh executable not found; run `swift build` first")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-enable-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let published = try PcshProcess.run(executable, arguments: ["-NoProfile", "-NonInteractive", "-Command",
                                                                    "Publish-CsTopology -FileName '\(MigrationKillTests.topology.path)'"],
                                             in: root, captureFolder: root, timeout: 60)
        #expect(published.exitCode == 0, "\(published.stderr)")
        let home = root.appendingPathComponent("home")
        let pristine = try Data(contentsOf: home.appendingPathComponent("cms.sqlite"))

        func reset() throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: home.path) {
                try FileManager.default.removeItem(at: home.appendingPathComponent(name))
            }
            try pristine.write(to: home.appendingPathComponent("cms.sqlite"))
        }
        func made() -> [String] {
            ["sql", "shares"].filter { FileManager.default.fileExists(atPath: home.appendingPathComponent($0).path) }
        }
        func enabled() throws -> Bool {
            let store = try DatabaseQueue(path: home.appendingPathComponent("cms.sqlite").path)
            defer { try? store.close() }
            return try store.read { try Double.fetchOne($0, sql: "SELECT enabledAt FROM topologyDocument ORDER BY version DESC LIMIT 1") } != nil
        }
        let enable = ["-NoProfile", "-NonInteractive", "-Command", "Enable-CsTopology"]
        let started = Date()
        let full = try PcshProcess.run(executable, arguments: enable, in: root, captureFolder: root, timeout: 60)
        let duration = Date().timeIntervalSince(started)
        #expect(full.exitCode == 0, "\(full.stderr)")
        #expect(try enabled() && made() == ["sql", "shares"])

        let iterations = max(2, Int(ProcessInfo.processInfo.environment["PCSH_KILL_ITERATIONS"] ?? "") ?? 12)
        var outcomes = (none: 0, enabled: 0)
        for iteration in 0..<iterations {
            try reset()
            let delay = Double(iteration) / Double(iterations - 1) * duration * 1.1
            try PcshProcess.runAndKill(executable, arguments: enable, in: root, home: home, after: delay)
            // The next start (any command) cleans up.
            let next = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", "Get-CsSite | Out-Null"],
                                           in: root, captureFolder: root, timeout: 60)
            #expect(next.exitCode == 0, "\(next.stderr)")
            if try enabled() {
                outcomes.enabled += 1
                #expect(made() == ["sql", "shares"], "kill \(iteration) after \(delay) s")
            } else {
                outcomes.none += 1
                let left = (FileManager.default.enumerator(atPath: home.path)?.allObjects as? [String] ?? []).sorted()
                #expect(made().isEmpty, "kill \(iteration) after \(delay) s left \(made()); the home holds \(left); next run: \(next.stdout) \(next.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent(".enable-journal.json").path))
        }
        print("kill -9 during Enable-CsTopology: \(outcomes.none) not enabled, \(outcomes.enabled) enabled, over \(String(format: "%.2f", duration)) s")
        #expect(outcomes.none > 0)
    }
}

import Foundation
import Testing

/// The owner of a deployment home it may read but not write (a read-only mount, a folder made
/// read-only) can run every read command; changes are a clear error. (Other accounts never
/// open the store: they are sent to the management endpoint.)
@Suite("A read-only home")
struct ReadOnlyHomeTests {
    @Test("Its owner reads the store and a pool's database from a read-only home; a change is refused and changes nothing")
    func readsWithoutWriteAccess() throws {
        let executable = try #require(PcshProcess.locateExecutable())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-readonly-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let setup = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", """
            Publish-CsTopology -FileName '\(MigrationKillTests.topology.path)'
            Enable-CsTopology
            New-CsPersistentChatCategory -Name Sales -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com | Out-Null
            """], in: folder, captureFolder: folder, timeout: 60)
        #expect(setup.exitCode == 0, "\(setup.stderr)")
        let home = folder.appendingPathComponent("home")
        let script = """
            (Get-CsPersistentChatCategory).Name
            (Get-CsSite).Identity
            try { New-CsPersistentChatCategory -Name Other -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com -ErrorAction Stop }
            catch { 'refused: ' + $_.FullyQualifiedErrorId }
            """
        let run: PcshRunResult
        if getuid() == 0 {
            // As root every file is writable: give the home to the unprivileged `nobody`, make
            // it read-only, and read as nobody.
            var program = executable
            if !Self.nobodyCanRun(executable) {
                program = folder.appendingPathComponent("pcsh")
                try FileManager.default.copyItem(at: executable, to: program)
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            ManagementEndpointTests.Fixture.system("/bin/chown", ["-R", "nobody", home.path])
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: home.path)
            defer {
                try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: home.path)
                ManagementEndpointTests.Fixture.system("/bin/chown", ["-R", "root", home.path])
            }
            let scriptFile = folder.appendingPathComponent("read.ps1")
            try Data(script.utf8).write(to: scriptFile)
            run = try PcshProcess.run(URL(fileURLWithPath: "/usr/sbin/runuser"),
                                      arguments: ["-u", "nobody", "--", "env", "PCSH_HOME=\(home.path)", "PCSH_USER=labadmin",
                                                  program.path, "-NoProfile", "-File", scriptFile.path],
                                      in: folder, captureFolder: folder, timeout: 60)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: home.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: home.path) }
            run = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", script], in: folder, captureFolder: folder,
                                      timeout: 60, environment: ["PCSH_HOME": home.path])
        }
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("Sales"))
        #expect(lines.contains { $0.hasPrefix("Site:") })
        #expect(lines.contains { $0.hasPrefix("refused: CentralManagementStoreReadOnly") }, "\(lines)")
        let after = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", "(Get-CsPersistentChatCategory).Name -join ','"],
                                        in: folder, captureFolder: folder, timeout: 60)
        #expect(after.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "Sales")
    }

    static func nobodyCanRun(_ executable: URL) -> Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        probe.arguments = ["-u", "nobody", "--", "test", "-x", executable.path]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }
}

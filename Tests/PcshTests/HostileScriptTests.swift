import Foundation
import Testing

/// Hostile or generated scripts fail fast and briefly: deeply nested or unclosed constructs and
/// very long chains give a handful of clear parse errors with bounded excerpts, in bounded time,
/// instead of gigabytes of stderr, quadratic time or a crashed shell.
@Suite("Hostile scripts")
struct HostileScriptTests {
    static let topology = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/topology/litwareinc.json")
    static let cases: [(name: String, script: String, exitCode: Int32)] = [
        ("10,000 '& {'", String(repeating: "& {", count: 10_000), 1),
        ("5,000 '@{a='", String(repeating: "@{a=", count: 5_000), 1),
        ("100,000 -not", String(repeating: "-not ", count: 100_000) + "$true", 1),
        ("100,000 '1+'", String(repeating: "1+", count: 100_000) + "1", 1),
        ("100,000 [int]", String(repeating: "[int]", count: 100_000) + "1", 1),
        ("9,000 -not (accepted)", String(repeating: "-not ", count: 9_000) + "$true", 0),
        ("9,000 '1+' (accepted)", String(repeating: "1+", count: 9_000) + "1", 0),
    ]

    @Test("Each flood ends quickly with bounded output", arguments: 0..<cases.count)
    func flood(_ index: Int) throws {
        let executable = try #require(PcshProcess.locateExecutable())
        let (name, script, exitCode) = Self.cases[index]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-flood-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("flood.ps1")
        try Data((script + "\n").utf8).write(to: file)
        let started = Date()
        let result = try PcshProcess.run(executable, arguments: ["-NoProfile", "-NonInteractive", "-File", file.path],
                                         in: folder, captureFolder: folder, timeout: 60)
        #expect(!result.timedOut, "\(name)")
        #expect(Date().timeIntervalSince(started) < 30, "\(name)")
        #expect(result.exitCode == exitCode, "\(name): \(result.stderr.prefix(500))")
        #expect(result.stderr.utf8.count < 16_384, "\(name): \(result.stderr.utf8.count) bytes of errors")
        if exitCode != 0 {
            #expect(result.stderr.hasPrefix("ParserError:"), "\(name)")
            #expect(result.stderr.split(separator: "\n").allSatisfy { $0.count < 400 }, "\(name): an error line is too long")
        }
    }
}

/// Text files are read as pwsh reads them: invalid UTF-8 becomes U+FFFD (the script still runs),
/// and a byte order mark chooses UTF-16 or UTF-32, for scripts and for topology files alike.
@Suite("Text encodings")
struct TextEncodingTests {
    @Test("Invalid UTF-8 in a script, a UTF-16 script, a UTF-16 topology file")
    func encodings() throws {
        let executable = try #require(PcshProcess.locateExecutable())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-enc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A] + Array("'bad bytes ok'\n".utf8)).write(to: folder.appendingPathComponent("bad.ps1"))
        let utf16: (String) -> Data = { text in Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)! }
        try utf16("'utf-16 ok é'\n").write(to: folder.appendingPathComponent("wide.ps1"))
        let topology = try String(contentsOf: HostileScriptTests.topology, encoding: .utf8)
        try utf16(topology).write(to: folder.appendingPathComponent("topology.json"))
        let result = try PcshProcess.run(executable, arguments: ["-NoProfile", "-NonInteractive", "-Command", """
            & ./bad.ps1
            & ./wide.ps1
            Publish-CsTopology -FileName ./topology.json
            Enable-CsTopology
            (Get-CsPool).Count
            """], in: folder, captureFolder: folder, timeout: 60)
        #expect(result.stdout == "bad bytes ok\nutf-16 ok é\n3\n", "\(result.stdout)\n\(result.stderr)")
        #expect(result.exitCode == 0)
    }
}

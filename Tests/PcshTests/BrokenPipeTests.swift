import Foundation
import Testing

/// A reader that goes away never kills the shell: not a native program that stops reading its
/// input, not a consumer of pcsh's own output. The script goes on (pwsh's behaviour).
@Suite("Broken pipes")
struct BrokenPipeTests {
    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("A native program that stops reading ends its input, not the script (20 runs)")
    func nativeReaderStops() throws {
        let executable = try #require(PcshProcess.locateExecutable())
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<20 {
            let result = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", "1..100000 | head -1; 1..50000 | grep -q 7; \"grep $LASTEXITCODE\"; 'after'"],
                                             in: folder, captureFolder: folder, timeout: 60)
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout == "1\ngrep 0\nafter\n")
        }
    }

    @Test("Programs the shell starts get SIGPIPE's default back")
    func childrenKeepTheDefault() throws {
        let executable = try #require(PcshProcess.locateExecutable())
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", "bash -c 'yes | head -1; echo ${PIPESTATUS[0]}'"],
                                         in: folder, captureFolder: folder, timeout: 60)
        #expect(result.stdout == "y\n141\n")
    }

    @Test("When pcsh's own reader goes away, the script still runs to its end")
    func ownReaderStops() throws {
        let executable = try #require(PcshProcess.locateExecutable())
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-NoProfile", "-Command", "1..300000; Set-Content -Path ./done.txt -Value finished"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PCSH_HOME"] = folder.appendingPathComponent("home").path
        environment["PCSH_USER"] = "labadmin"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Read a little, then hang up, as `| head -1` does.
        _ = output.fileHandleForReading.readData(ofLength: 16)
        try output.fileHandleForReading.close()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "pcsh died of a signal (\(process.terminationStatus))")
        #expect(process.terminationStatus == 0)
        #expect((try? String(contentsOf: folder.appendingPathComponent("done.txt"), encoding: .utf8)) == "finished\n")
    }
}

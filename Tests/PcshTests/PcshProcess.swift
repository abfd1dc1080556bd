import Foundation

/// What one run of the pcsh executable produced.
struct PcshRunResult {
    var stdout: String
    var stderr: String
    var exitCode: Int32
    var timedOut: Bool
}

/// Finds and runs the built `pcsh` executable.
enum PcshProcess {
    /// The built executable: `$PCSH_EXECUTABLE`, else next to this test bundle in the build products
    /// directory, else `.build/debug/pcsh` (or release) under the package root.
    static func locateExecutable() -> URL? {
        let fileManager = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["PCSH_EXECUTABLE"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        var candidates: [URL] = [
            Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("pcsh"),
        ]
        if let testBinary = Bundle.main.executableURL {
            candidates.append(testBinary.deletingLastPathComponent().appendingPathComponent("pcsh"))
        }
        if let root = packageRoot() {
            for configuration in ["debug", "release"] {
                candidates.append(root.appendingPathComponent(".build/\(configuration)/pcsh"))
            }
        }
        return candidates.first { fileManager.isExecutableFile(atPath: $0.path) }
    }

    /// The package root: the first folder above this source file holding Package.swift.
    static func packageRoot() -> URL? {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// Runs `executable arguments` in `directory` with stdin closed; output goes to files so a chatty
    /// script cannot fill a pipe and block. Kills the process after `timeout` seconds.
    /// The captured streams are kept in `captureFolder`, outside the script's working directory.
    /// With `mergingStandardError`, stderr goes into stdout's file, interleaved as a console shows it.
    static func run(_ executable: URL, arguments: [String], in directory: URL, captureFolder: URL,
                    timeout: Double, standardInput: String? = nil, environment extra: [String: String] = [:],
                    mergingStandardError: Bool = false) throws -> PcshRunResult {
        let stdoutURL = captureFolder.appendingPathComponent("stdout.txt")
        let stderrURL = captureFolder.appendingPathComponent("stderr.txt")
        guard FileManager.default.createFile(atPath: stdoutURL.path, contents: nil),
              FileManager.default.createFile(atPath: stderrURL.path, contents: nil) else {
            throw GoldenFormatError("cannot create capture files in \(captureFolder.path)")
        }
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let standardInput {
            let inputURL = captureFolder.appendingPathComponent("stdin.txt")
            try Data(standardInput.utf8).write(to: inputURL)
            process.standardInput = try FileHandle(forReadingFrom: inputURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        process.standardOutput = stdoutHandle
        process.standardError = mergingStandardError ? stdoutHandle : stderrHandle
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "120"
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "dumb"
        // A fresh deployment home per run (in the capture folder), created by a fixed user, and
        // this pcsh first on PATH so scripts can start it as another user.
        environment["PCSH_HOME"] = captureFolder.appendingPathComponent("home").path
        environment["PCSH_USER"] = "labadmin"
        // The user's own profile, history and modules: kept in the capture folder too.
        environment["XDG_CONFIG_HOME"] = captureFolder.appendingPathComponent("config").path
        environment["XDG_STATE_HOME"] = captureFolder.appendingPathComponent("state").path
        environment["XDG_DATA_HOME"] = captureFolder.appendingPathComponent("data").path
        environment["PATH"] = executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        try process.run()

        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                // SIGKILL, not terminate(): the child inherits the test thread's signal mask, in
                // which SIGTERM may be blocked.
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        try stdoutHandle.close()
        try stderrHandle.close()
        let stdout = String(decoding: (try? Data(contentsOf: stdoutURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
        return PcshRunResult(stdout: stdout, stderr: stderr, exitCode: process.terminationStatus, timedOut: timedOut)
    }

    /// Starts `executable arguments` on the deployment home `home` (as labadmin, output
    /// discarded) and kills it with SIGKILL after `delay` seconds: the kill tests' one move.
    static func runAndKill(_ executable: URL, arguments: [String], in directory: URL, home: URL, after delay: Double) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["PCSH_HOME"] = home.path
        environment["PCSH_USER"] = "labadmin"
        process.environment = environment
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// Results written from concurrent threads (DispatchQueue.concurrentPerform), one slot each.
final class ConcurrentSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value?) { lock.withLock { slots[index] = value } }
    var values: [Value?] { lock.withLock { slots } }
}

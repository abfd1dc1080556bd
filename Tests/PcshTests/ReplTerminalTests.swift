import Foundation
import Testing

/// The interactive shell driven through a pseudo-terminal, as a person at a terminal would.
@Suite(.serialized) struct ReplTerminalTests {
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("home"), withIntermediateDirectories: true)
        return folder
    }

    static func start(in folder: URL) throws -> PseudoTerminalSession {
        guard let executable = PcshProcess.locateExecutable() else { throw PseudoTerminalError("pcsh executable not found") }
        var environment = ProcessInfo.processInfo.environment
        environment["PCSH_HOME"] = folder.appendingPathComponent("home").path
        environment["XDG_STATE_HOME"] = folder.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = "1"
        return try PseudoTerminalSession(executable: executable.path, arguments: ["-NoLogo", "-NoProfile"],
                                         directory: folder.path, environment: environment)
    }

    /// A shell on a pseudo-terminal in a scratch folder, at its first prompt; `body` gets the
    /// session, the prompt text and the folder, which are cleaned up afterwards.
    static func withShell(_ body: (PseudoTerminalSession, String, URL) throws -> Void) throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try start(in: folder)
        defer { session.kill() }
        let prompt = "PS \(folder.path)> "
        #expect(session.waitFor(prompt))
        try body(session, prompt, folder)
    }

    @Test func promptContinuationErrorsAndExitCode() throws {
        try Self.withShell { session, prompt, folder in

            session.send("if ($true) {\r")
            #expect(session.waitFor(">> "))
            session.send("'in' + 'side'\r")
            #expect(session.waitFor(">> "))
            session.send("}\r")
            #expect(session.waitFor("inside"))
            #expect(session.waitFor(prompt))

            session.send("Get-Item ./no-such-item\r")
            #expect(session.waitFor("Cannot find path"))
            #expect(session.waitFor(prompt))

            session.send("6 * 7\r")
            #expect(session.waitFor("42"))
            #expect(session.waitFor(prompt))

            session.send("exit 3\r")
            #expect(session.waitForExit() == 3)
            // The history was saved in the user's own state folder, not the deployment home.
            let history = try String(contentsOf: folder.appendingPathComponent("state/pcsh/history"), encoding: .utf8)
            // libedit stores entries vis(3)-encoded: a space is \\040.
            #expect(history.contains("6\\040*\\0407") || history.contains("6 * 7"))

            // The next run starts with that history: Up twice recalls `6 * 7` (before `exit 3`).
            let next = try Self.start(in: folder)
            defer { next.kill() }
            #expect(next.waitFor(prompt))
            Thread.sleep(forTimeInterval: 0.3)
            next.send("\u{1B}[A")
            Thread.sleep(forTimeInterval: 0.2)
            next.send("\u{1B}[A")
            Thread.sleep(forTimeInterval: 0.2)
            next.send("\r")
            #expect(next.waitFor("42"))
            #expect(next.waitFor(prompt))
            next.send("exit\r")
            #expect(next.waitForExit() == 0)
        }
    }

    @Test func ctrlCStopsTheRunningPipelineAndClearsTheLine() throws {
        try Self.withShell { session, prompt, folder in

            session.send("while ($true) { }\r")
            Thread.sleep(forTimeInterval: 0.5)
            session.send("\u{03}")
            #expect(session.waitFor(prompt))
            session.send("'after' + 'stop'\r")
            #expect(session.waitFor("afterstop"))
            #expect(session.waitFor(prompt))

            // At the prompt Ctrl-C drops the half-typed line.
            session.send("'dropped' + 'line'")
            Thread.sleep(forTimeInterval: 0.2)
            session.send("\u{03}")
            #expect(session.waitFor(prompt))
            session.send("'ok' + 'ay'\r")
            #expect(session.waitFor("okay"))
            #expect(!session.output.contains("droppedline"))

            // Ctrl-D on an empty line leaves.
            #expect(session.waitFor(prompt))
            // Let libedit switch the terminal to raw mode first: a ^D typed before that is the line
            // discipline's end-of-file, which the mode switch discards.
            Thread.sleep(forTimeInterval: 0.3)
            session.send("\u{04}")
            #expect(session.waitForExit() == 0)
        }
    }

    @Test func tabCompletesACommandName() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try Self.start(in: folder)
        defer { session.kill() }
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("zz-marker").path, contents: Data())
        #expect(session.waitFor("PS \(folder.path)> "))
        // Only the completed tail is echoed, so check the command that ran: Get-ChildItem -Name.
        session.send("Get-ChildIt\t")
        Thread.sleep(forTimeInterval: 0.3)
        session.send("-Na\t")
        Thread.sleep(forTimeInterval: 0.3)
        session.send("\r")
        #expect(session.waitFor("zz-marker"))
        #expect(session.waitFor("PS \(folder.path)> "))
        session.send("exit\r")
        #expect(session.waitForExit() == 0)
    }

    @Test func tabCompletesAVariableWithoutASpaceSoAMemberCanFollow() throws {
        try Self.withShell { session, prompt, folder in
            session.send("$zzPools = @([pscustomobject]@{ Fqdn = 'pool01.lab' })\r")
            #expect(session.waitFor(prompt))
            // `$zzPo<Tab>` gives `$zzPools` with no space, so `[0].` goes on; `Fq<Tab>` gives the
            // property (again no space) and `ToUpperI<Tab>` the method with its `(`.
            session.send("$zzPo\t")
            Thread.sleep(forTimeInterval: 0.3)
            session.send("[0].Fq\t")
            Thread.sleep(forTimeInterval: 0.3)
            session.send(".ToUpperI\t")
            Thread.sleep(forTimeInterval: 0.3)
            session.send(")\r")
            #expect(session.waitFor("POOL01.LAB", timeout: 5))
            #expect(session.waitFor(prompt))
            session.send("exit\r")
            #expect(session.waitForExit() == 0)
        }
    }

    @Test func tabListsCandidatesAsTheyWouldBeInserted() throws {
        try Self.withShell { session, prompt, folder in
            session.send("$zzAlpha = 1; $zzBeta = 2; $zzObj = [pscustomobject]@{ Site = 'a'; Size = 2 }\r")
            #expect(session.waitFor(prompt))
            // The second Tab lists the variables with their `$`.
            session.send("$zz\t")
            Thread.sleep(forTimeInterval: 0.3)
            session.send("\t")
            #expect(session.waitFor("$zzAlpha", timeout: 5))
            #expect(session.waitFor("$zzBeta", timeout: 5))
            #expect(session.waitFor("$zzObj", timeout: 5))
            // Clear the line, then list members: the names alone, not the whole `$zzObj.…` word.
            session.send("\u{15}")
            Thread.sleep(forTimeInterval: 0.3)
            session.send("$zzObj.S\t")
            Thread.sleep(forTimeInterval: 0.3)
            session.send("\t")
            #expect(session.waitFor("\nSite", timeout: 5))
            #expect(!session.output.contains("$zzObj.Site"))
            session.send("\u{15}")
            Thread.sleep(forTimeInterval: 0.3)
            session.send("exit\r")
            #expect(session.waitForExit() == 0)
        }
    }

    @Test func outputAppearsAsItIsWrittenNotWhenTheLineEnds() throws {
        try Self.withShell { session, prompt, folder in
            session.send("Write-Host ('first' + 'line'); 'second' + 'line'; Start-Sleep -Seconds 3; 'third' + 'line'\r")
            let started = Date()
            #expect(session.waitFor("firstline", timeout: 2))
            #expect(session.waitFor("secondline", timeout: 2))
            #expect(Date().timeIntervalSince(started) < 2.5, "the first records waited for the sleep")
            #expect(!session.output.contains("thirdline"))
            #expect(session.waitFor("thirdline"))
            #expect(session.waitFor(prompt))
            session.send("exit\r")
            #expect(session.waitForExit() == 0)
        }
    }

    @Test func ctrlCAtAConfirmationOrReadHostStopsAndChangesNothing() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try Self.start(in: folder)
        defer { session.kill() }
        let prompt = "PS \(folder.path)> "
        let file = folder.appendingPathComponent("keep.txt")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8))
        #expect(session.waitFor(prompt))

        session.send("Remove-Item ./keep.txt -Confirm; 'went' + 'on'\r")
        #expect(session.waitFor("(default is \"Y\"): "))
        Thread.sleep(forTimeInterval: 0.3)
        session.send("\u{03}")
        #expect(session.waitFor(prompt))
        // The next line is a new command, not the answer; Enter takes no default afterwards.
        session.send("'still' + 'here'\r")
        #expect(session.waitFor("stillhere"))
        #expect(session.waitFor(prompt))
        session.send("\r")
        #expect(session.waitFor(prompt))
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(!session.output.contains("wenton"))

        session.send("$name = Read-Host 'Name'; 'got ' + $name\r")
        #expect(session.waitFor("Name: "))
        Thread.sleep(forTimeInterval: 0.3)
        session.send("\u{03}")
        #expect(session.waitFor(prompt))
        #expect(!session.output.contains("\ngot"))
        session.send("exit\r")
        #expect(session.waitForExit() == 0)
    }

    @Test func aPastedBlockKeepsItsBlankLines() throws {
        try Self.withShell { session, prompt, folder in
            session.send("function Show-Pasted {\r")
            #expect(session.waitFor(">> "))
            for line in ["", "    $a = 'pas'", "", "    $a + 'ted'", "", "}"] {
                session.send(line + "\r")
                Thread.sleep(forTimeInterval: 0.1)
            }
            #expect(session.waitFor(prompt))
            session.send("Show-Pasted\r")
            #expect(session.waitFor("pasted"))
            #expect(!session.output.contains("Missing closing"))
            #expect(session.waitFor(prompt))
            session.send("exit\r")
            #expect(session.waitForExit() == 0)
        }
    }

    @Test func historyIsKeptAtOnceWithoutRepeatsAndCanBeRunAgain() throws {
        try Self.withShell { session, prompt, folder in
            for line in ["'al' + 'pha'", "'al' + 'pha'", "'be' + 'ta'"] {
                session.send(line + "\r")
                #expect(session.waitFor(prompt))
            }
            // Saved after every command: the file has both lines (once each) before the shell ends.
            let saved = (try? String(contentsOf: folder.appendingPathComponent("state/pcsh/history"), encoding: .utf8)) ?? ""
            #expect(saved.components(separatedBy: "pha").count - 1 == 1, "\(saved)")
            #expect(saved.contains("ta"))
            session.send("(Get-History | ForEach-Object CommandLine) -join '|'\r")
            #expect(session.waitFor("'al' + 'pha'|'be' + 'ta'"))
            #expect(session.waitFor(prompt))
            session.send("r 1\r")
            #expect(session.waitFor("alpha"))
            #expect(session.waitFor(prompt))
            session.send("Clear-History; 'count=' + @(Get-History).Count\r")
            #expect(session.waitFor("count=0"))
            #expect(session.waitFor(prompt))
            session.send("exit\r")
            #expect(session.waitForExit() == 0)
        }
    }

    @Test func writeHostColoursOnATerminalOnly() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let executable = PcshProcess.locateExecutable() else { throw PseudoTerminalError("pcsh executable not found") }
        var environment = ProcessInfo.processInfo.environment
        environment["PCSH_HOME"] = folder.appendingPathComponent("home").path
        environment["XDG_STATE_HOME"] = folder.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
        environment["TERM"] = "xterm"
        environment.removeValue(forKey: "NO_COLOR")
        let session = try PseudoTerminalSession(executable: executable.path, arguments: ["-NoLogo", "-NoProfile"],
                                                directory: folder.path, environment: environment)
        defer { session.kill() }
        #expect(session.waitFor("> "))
        session.send("Write-Host ('gr' + 'een') -ForegroundColor Green -BackgroundColor DarkRed\r")
        #expect(session.waitFor("\u{1B}[92;41mgreen\u{1B}[0m"))
        session.send("exit\r")
        #expect(session.waitForExit() == 0)
        // Redirected, the text stays plain.
        let plain = try PcshProcess.run(executable, arguments: ["-NoProfile", "-Command", "Write-Host green -ForegroundColor Green"],
                                        in: folder, captureFolder: folder, timeout: 30)
        #expect(plain.stdout == "green\n")
    }

    @Test func pipedStandardInputRunsPlainly() throws {
        guard let executable = PcshProcess.locateExecutable() else { throw PseudoTerminalError("pcsh executable not found") }
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PcshProcess.run(executable, arguments: ["-NoProfile"], in: folder, captureFolder: folder,
                                         timeout: 30, standardInput: "if ($true) {\n  1 + 1\n}\n'plain'\n")
        #expect(result.stdout == "2\nplain\n")
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.contains("PS "))
        #expect(result.exitCode == 0)
    }
}

struct PseudoTerminalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// glibc functions Swift's Glibc module leaves out (they sit behind _XOPEN_SOURCE/_GNU_SOURCE).
private enum LibC {
    /// Looks `name` up in the process (a nil handle is RTLD_DEFAULT on glibc).
    private static func symbol<T>(_ name: String, as type: T.Type) -> T {
        guard let pointer = dlsym(nil, name) else { fatalError("glibc lacks \(name)") }
        return unsafeBitCast(pointer, to: type)
    }

    static let grantpt = symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname = symbol("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
    static let addChdir = symbol("posix_spawn_file_actions_addchdir_np",
                                 as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
}

/// A child process whose controlling terminal is a pseudo-terminal we hold the master side of.
final class PseudoTerminalSession {
    private let master: Int32
    private let pid: pid_t
    private var bytes: [UInt8] = []
    /// Where the next `waitFor` starts looking, so each expectation needs fresh output.
    private var mark = 0
    private var exitStatus: Int32?

    var output: String { String(decoding: bytes, as: UTF8.self) }

    init(executable: String, arguments: [String], directory: String, environment: [String: String]) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0, LibC.grantpt(master) == 0, LibC.unlockpt(master) == 0, let name = LibC.ptsname(master) else {
            throw PseudoTerminalError("cannot open a pseudo-terminal")
        }
        let slavePath = String(cString: name)
        // A known size, so line editing does not wrap unexpectedly.
        var size = winsize(ws_row: 40, ws_col: 200, ws_xpixel: 0, ws_ypixel: 0)
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        if slave >= 0 {
            _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
            close(slave)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, opening the terminal makes it the child's controlling terminal, so 0x03
        // typed on it becomes SIGINT for the child.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        _ = LibC.addChdir(&actions, directory)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let setSession: Int32 = 0x80  // POSIX_SPAWN_SETSID
        posix_spawnattr_setflags(&attributes, Int16(setSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            throw PseudoTerminalError("posix_spawn failed: \(status)")
        }
        pid = child
    }

    deinit { close(master) }

    func send(_ text: String) {
        let data = Array(text.utf8)
        _ = data.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until `needle` appears after the mark (then moves the mark past it) or time runs out.
    func waitFor(_ needle: String, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        let pattern = Array(needle.utf8)
        while true {
            if let range = Self.find(pattern, in: bytes, from: mark) {
                mark = range
                return true
            }
            if Date() > deadline || !readSome(waitMilliseconds: 100) && exitStatus != nil { return false }
        }
    }

    /// Waits for the child to exit and returns its exit code (nil on timeout or a signal).
    func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            _ = readSome(waitMilliseconds: 50)
            if let exitStatus { return exitStatus & 0x7F == 0 ? (exitStatus >> 8) & 0xFF : nil }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { exitStatus = status }
        }
        return nil
    }

    func kill() {
        if exitStatus == nil {
            _ = Foundation.kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
            exitStatus = status
        }
    }

    /// Appends whatever the child wrote; false when nothing came.
    private func readSome(waitMilliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitMilliseconds) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBufferPointer { read(master, $0.baseAddress, $0.count) }
        guard count > 0 else {
            // EIO: the child closed the terminal (it exited).
            var status: Int32 = 0
            if waitpid(pid, &status, 0) == pid { exitStatus = status }
            return false
        }
        bytes += chunk[0..<count]
        return true
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty, bytes.count - start >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], Array(bytes[index..<index + pattern.count]) == pattern { return index + pattern.count }
            index += 1
        }
        return nil
    }
}

import Foundation
import PSRuntime

/// The console: output on stdout, errors and warnings on stderr, prompts on the terminal.
/// Output is buffered for throughput and flushed before any diagnostic text, so the two streams
/// stay in order, and at most `flushInterval` after it was written, so a script that prints and
/// then waits (or a file someone is tailing) shows each record as it comes, as pwsh does.
public final class ConsoleHostUI: HostUI, @unchecked Sendable {
    // @unchecked: `buffer` is touched only with `lock` held (the flusher thread shares it).
    public var isInteractive: Bool
    /// Called before diagnostics or host text are written, so pending formatted output goes first.
    var beforeWrite: (() -> Void)?
    private var buffer: [UInt8] = []
    private let lock = NSLock()
    private var flusherStarted = false
    /// How long written output may wait in the buffer.
    static let flushInterval: useconds_t = 40_000
    private let colorErrors: Bool
    /// True when standard output is a terminal and `NO_COLOR` is unset: formatted output may
    /// then use styles such as coloured table headers.
    public let stylesOutput: Bool

    public init(interactive: Bool) {
        self.isInteractive = interactive
        self.colorErrors = isatty(STDERR_FILENO) == 1 && EnvironmentVariable.value("NO_COLOR") == nil
        self.stylesOutput = isatty(STDOUT_FILENO) == 1 && EnvironmentVariable.value("NO_COLOR") == nil
        buffer.reserveCapacity(64 * 1024)
    }

    public var terminalWidth: Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = EnvironmentVariable.value("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
        return 120
    }

    public func writeOutput(_ text: String) {
        lock.lock()
        buffer.append(contentsOf: text.utf8)
        let full = buffer.count >= 60 * 1024
        if !flusherStarted { startFlusher() }
        lock.unlock()
        if full { flush() }
    }

    /// A thread that writes out whatever has waited in the buffer for a moment. Started with the
    /// first output; it lives as long as the process.
    private func startFlusher() {
        flusherStarted = true
        let thread = Thread { [weak self] in
            while true {
                usleep(ConsoleHostUI.flushInterval)
                guard let host = self else { return }
                host.flush()
            }
        }
        thread.stackSize = 64 << 10
        thread.start()
    }

    public func writeDiagnostic(_ text: String, stream: HostStream) {
        beforeWrite?()
        flush()
        var out = text
        if colorErrors {
            switch stream {
            case .error: out = "\u{1B}[31;1m" + text.replacingOccurrences(of: "\n", with: "\u{1B}[0m\n\u{1B}[31;1m") + "\u{1B}[0m"
            case .warning: out = "\u{1B}[33;1m" + text + "\u{1B}[0m"
            // The project asks for verbose in cyan (pwsh uses yellow); debug stays yellow as in pwsh.
            case .verbose: out = "\u{1B}[36m" + text + "\u{1B}[0m"
            case .debug: out = "\u{1B}[33;1m" + text + "\u{1B}[0m"
            case .information: break
            }
            out = out.replacingOccurrences(of: "\u{1B}[31;1m\u{1B}[0m", with: "")
        }
        // A closed stderr (EPIPE) loses the text, never the shell.
        try? FileHandle.standardError.write(contentsOf: Data(out.utf8))
    }

    public func writeHost(_ text: String, newline: Bool, foreground: String?, background: String?) {
        beforeWrite?()
        // Colours (Write-Host -ForegroundColor/-BackgroundColor) only on a terminal, as pwsh.
        let codes = [foreground.flatMap { Self.colorCode($0) }, background.flatMap { Self.colorCode($0).map { $0 + 10 } }].compactMap { $0 }
        if stylesOutput && !codes.isEmpty && !text.isEmpty {
            writeOutput("\u{1B}[\(codes.map(String.init).joined(separator: ";"))m" + text + "\u{1B}[0m" + (newline ? "\n" : ""))
        } else {
            writeOutput(text + (newline ? "\n" : ""))
        }
    }

    /// The ANSI foreground code of a .NET ConsoleColor name (add 10 for the background).
    static func colorCode(_ name: String) -> Int? {
        let codes: [String: Int] = [
            "black": 30, "darkred": 31, "darkgreen": 32, "darkyellow": 33, "darkblue": 34, "darkmagenta": 35, "darkcyan": 36,
            "gray": 37, "darkgray": 90, "red": 91, "green": 92, "yellow": 93, "blue": 94, "magenta": 95, "cyan": 96, "white": 97,
        ]
        return codes[name.lowercased()]
    }

    /// A line from standard input; nil at end of input, or when Ctrl-C is pressed while waiting
    /// (the pipeline's stop request is then set, so the caller stops instead of taking an answer).
    public func readLine(prompt: String) -> String? {
        beforeWrite?()
        writeOutput(prompt)
        flush()
        var bytes: [UInt8] = []
        while true {
            guard let byte = Self.readByte() else {
                if InterruptSignal.wasRaised {
                    writeOutput("\n")
                    flush()
                    return nil
                }
                return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
            }
            if byte == 0x0A { break }
            bytes.append(byte)
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func readMaskedLine(prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return readLine(prompt: prompt) }
        // Echo off and byte-at-a-time while the secret is typed (before the prompt shows, so
        // nothing typed at once is echoed); Ctrl-C still raises SIGINT. TCSANOW keeps type-ahead.
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO | ICANON)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        beforeWrite?()
        writeOutput(prompt)
        flush()
        var bytes: [UInt8] = []
        while true {
            guard let byte = Self.readByte() else {
                writeOutput("\n")
                flush()
                return InterruptSignal.wasRaised || bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
            }
            switch byte {
            case 0x0A, 0x0D:
                writeOutput("\n")
                flush()
                return String(decoding: bytes, as: UTF8.self)
            case 0x7F, 0x08:
                // Drop the last character (its UTF-8 continuation bytes too) and its star.
                guard !bytes.isEmpty else { continue }
                while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
                writeOutput("\u{8} \u{8}")
            default:
                bytes.append(byte)
                if byte & 0xC0 != 0x80 { writeOutput("*") }
            }
            flush()
        }
    }

    /// One byte from standard input; nil at its end, on an error, or once Ctrl-C was pressed. A
    /// short poll rather than a blocking read: a read that SIGINT cut short may be restarted, so
    /// the interrupt flag is what ends the wait.
    static func readByte() -> UInt8? {
        while !InterruptSignal.wasRaised {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            if ready < 0 && errno != EINTR { return nil }
            guard ready > 0 else { continue }
            var byte: UInt8 = 0
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
        return nil
    }

    /// Writes buffered output to stdout.
    public func flush() {
        lock.lock()
        defer { lock.unlock() }
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { p in
            var offset = 0
            while offset < p.count {
                let n = Foundation.write(STDOUT_FILENO, p.baseAddress! + offset, p.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

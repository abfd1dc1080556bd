import Foundation
import PSRuntime

/// The console: output on stdout, errors and warnings on stderr, prompts on the terminal.
/// Output is buffered and flushed before any diagnostic text so the two streams stay in order.
public final class ConsoleHostUI: HostUI {
    public var isInteractive: Bool
    /// Called before diagnostics or host text are written, so pending formatted output goes first.
    var beforeWrite: (() -> Void)?
    private var buffer: [UInt8] = []
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
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 60 * 1024 { flush() }
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
        FileHandle.standardError.write(Data(out.utf8))
    }

    public func writeHost(_ text: String, newline: Bool, foreground: String?, background: String?) {
        beforeWrite?()
        writeOutput(text + (newline ? "\n" : ""))
    }

    public func readLine(prompt: String) -> String? {
        beforeWrite?()
        writeOutput(prompt)
        flush()
        return Swift.readLine(strippingNewline: true)
    }

    /// Writes buffered output to stdout.
    public func flush() {
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

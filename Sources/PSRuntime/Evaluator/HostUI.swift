/// The host's side of the engine: where text goes and where answers come from.
/// The console host writes to stdout/stderr; tests record everything.
public protocol HostUI: AnyObject {
    /// Formatted output text (already ends with a newline where one is wanted).
    func writeOutput(_ text: String)
    /// Error, warning, verbose and debug text (stderr on the console).
    func writeDiagnostic(_ text: String, stream: HostStream)
    /// `Write-Host` text: stdout, with optional console colours.
    func writeHost(_ text: String, newline: Bool, foreground: String?, background: String?)
    /// Reads a line of input (Read-Host, confirmation prompts); nil at end of input.
    func readLine(prompt: String) -> String?
    /// Reads a line without showing it (Read-Host -AsSecureString/-MaskInput): each character
    /// shows as `*`; nil at end of input or after Ctrl-C.
    func readMaskedLine(prompt: String) -> String?
    /// False under `-NonInteractive` or when no one can answer a prompt.
    var isInteractive: Bool { get }
    /// The width formatting may use.
    var terminalWidth: Int { get }
}

/// The non-output streams a host shows.
public enum HostStream: Sendable {
    case error, warning, verbose, debug, information
}

/// A host that keeps everything in memory: for tests and for capturing (`Out-String`).
public final class RecordingHostUI: HostUI {
    public private(set) var output = ""
    public private(set) var diagnostics: [(HostStream, String)] = []
    public var inputLines: [String]
    public var isInteractive: Bool
    public var terminalWidth: Int

    public init(inputLines: [String] = [], isInteractive: Bool = false, terminalWidth: Int = 120) {
        self.inputLines = inputLines
        self.isInteractive = isInteractive
        self.terminalWidth = terminalWidth
    }

    public func writeOutput(_ text: String) { output += text }
    public func writeDiagnostic(_ text: String, stream: HostStream) { diagnostics.append((stream, text)) }
    public func writeHost(_ text: String, newline: Bool, foreground: String?, background: String?) {
        output += text + (newline ? "\n" : "")
    }
    public func readLine(prompt: String) -> String? {
        output += prompt
        return inputLines.isEmpty ? nil : inputLines.removeFirst()
    }
    public func readMaskedLine(prompt: String) -> String? {
        output += prompt
        guard !inputLines.isEmpty else { return nil }
        let line = inputLines.removeFirst()
        output += String(repeating: "*", count: line.count) + "\n"
        return line
    }

    /// All diagnostic text of one stream, joined.
    public func text(of stream: HostStream) -> String {
        diagnostics.filter { $0.0 == stream }.map(\.1).joined()
    }
}

import Foundation
import PSRuntime

/// A host that passes everything to the real host and also appends it to a transcript file
/// (Start-Transcript swaps it in as the session's host; Stop-Transcript puts the inner one back).
public final class TranscriptingHostUI: HostUIWrapper {
    public var inner: HostUI
    public let path: String
    private let file: FileHandle

    /// Opens (or creates) the transcript file; `append` keeps what it holds.
    init(inner: HostUI, path: String, append: Bool) throws {
        self.inner = inner
        self.path = path
        let fm = FileManager.default
        if !append || !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil) else {
                throw TranscriptFileError(path: path)
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw TranscriptFileError(path: path) }
        handle.seekToEndOfFile()
        self.file = handle
    }

    /// Appends text to the transcript only.
    func record(_ text: String) {
        file.write(Data(text.utf8))
    }

    func close() {
        try? file.close()
    }

    public func writeOutput(_ text: String) {
        inner.writeOutput(text)
        record(text)
    }

    public func writeDiagnostic(_ text: String, stream: HostStream) {
        inner.writeDiagnostic(text, stream: stream)
        record(text)
    }

    public func writeHost(_ text: String, newline: Bool, foreground: String?, background: String?) {
        inner.writeHost(text, newline: newline, foreground: foreground, background: background)
        record(text + (newline ? "\n" : ""))
    }

    public func readLine(prompt: String) -> String? {
        let answer = inner.readLine(prompt: prompt)
        record(prompt + (answer ?? "") + "\n")
        return answer
    }

    /// The secret stays out of the transcript: only the prompt is recorded.
    public func readMaskedLine(prompt: String) -> String? {
        let answer = inner.readMaskedLine(prompt: prompt)
        record(prompt + "\n")
        return answer
    }

    public var isInteractive: Bool { inner.isInteractive }
    public var terminalWidth: Int { inner.terminalWidth }
}

/// The transcript file could not be opened.
struct TranscriptFileError: Error {
    let path: String
}

/// The header and footer lines of a transcript, in pwsh's layout.
enum TranscriptText {
    static let rule = "**********************"

    static func timestamp(_ date: Date = Date()) -> String { DotNetFormat.formatDate(date, "yyyyMMddHHmmss") }

    static func header() -> String {
        let user = EnvironmentVariable.value("USER") ?? NSUserName()
        let info = ProcessInfo.processInfo
        return [
            rule,
            "PowerShell transcript start",
            "Start time: \(timestamp())",
            "Username: \(user)",
            "RunAs User: \(user)",
            "Configuration Name: ",
            "Machine: \(info.hostName) (Unix \(info.operatingSystemVersionString))",
            "Host Application: \(CommandLine.arguments.joined(separator: " "))",
            "Process ID: \(info.processIdentifier)",
            "PSVersion: 7.4.0",
            "PSEdition: Core",
            rule,
        ].joined(separator: "\n") + "\n"
    }

    static func footer() -> String {
        [rule, "PowerShell transcript end", "End time: \(timestamp())", rule].joined(separator: "\n") + "\n"
    }
}

extension CommandContext {
    /// A terminating error whose id ends in `Microsoft.PowerShell.Commands.<Noun>Command`, as pwsh
    /// names the transcript cmdlets (their module, Microsoft.PowerShell.Host, would give another suffix).
    func transcriptError(_ message: String, id: String, category: ErrorCategory, target: PSValue? = nil,
                         exceptionType: String) -> RuntimeError {
        let typeName = "Microsoft.PowerShell.Commands." + commandName.replacingOccurrences(of: "-", with: "") + "Command"
        let record = ErrorRecord(exception: PSException(typeName: exceptionType, message: message), errorId: id,
                                 category: category, targetObject: target, fullyQualifiedErrorId: "\(id),\(typeName)")
        return RuntimeError(record.attributed(to: commandName, commandTypeName: nil, extent: extent))
    }
}

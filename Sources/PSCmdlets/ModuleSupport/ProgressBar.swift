import Foundation
import PSRuntime

/// One activity reported by Write-Progress.
struct ProgressRecord: Equatable {
    var id: Int
    var parentId: Int
    var activity: String
    var status: String
    var percentComplete: Int
    var secondsRemaining: Int
    var currentOperation: String
}

/// Turns progress records into the one-line bar drawn on a terminal.
enum ProgressBar {
    /// Cells of the `[ooo   ]` bar.
    static let barWidth = 20

    /// `Activity: Status [oooooo        ] 30% 1m 05s left current-operation`, cut to `width` columns.
    static func render(_ record: ProgressRecord, width: Int) -> String {
        var parts: [String] = []
        parts.append(record.status.isEmpty ? record.activity : "\(record.activity): \(record.status)")
        if record.percentComplete >= 0 {
            let percent = min(record.percentComplete, 100)
            let filled = percent * barWidth / 100
            parts.append("[" + String(repeating: "o", count: filled) + String(repeating: " ", count: barWidth - filled) + "]")
            parts.append("\(percent)%")
        }
        if record.secondsRemaining >= 0 { parts.append(timeLeft(record.secondsRemaining) + " left") }
        if !record.currentOperation.isEmpty { parts.append(record.currentOperation) }
        let line = parts.joined(separator: " ")
        let limit = max(width - 1, 10)
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }

    /// `45s`, `2m 05s`, `1h 02m 03s`.
    static func timeLeft(_ seconds: Int) -> String {
        let hours = seconds / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60
        if hours > 0 { return String(format: "%dh %02dm %02ds", hours, minutes, rest) }
        if minutes > 0 { return String(format: "%dm %02ds", minutes, rest) }
        return "\(rest)s"
    }
}

/// The activities in progress in a session and the line drawn for them on stderr. While a bar is
/// shown the session's host is wrapped so that other text first erases the bar.
final class ProgressDisplay {
    private var records: [ProgressRecord] = []
    private(set) var drawnWidth = 0
    private var wrapper: ProgressAwareHostUI?

    static func of(_ context: ExecutionContext) -> ProgressDisplay {
        if let display = context.service(ProgressDisplay.self) { return display }
        let display = ProgressDisplay()
        context.register(service: display)
        return display
    }

    /// Whether a bar may be drawn: stderr is a terminal.
    static var canDraw: Bool { isatty(STDERR_FILENO) == 1 }

    func update(_ record: ProgressRecord, context: ExecutionContext) {
        records.removeAll { $0.id == record.id }
        records.append(record)
        let host = wrapper ?? install(in: context)
        draw(ProgressBar.render(record, width: host.terminalWidth), through: host.inner)
    }

    func complete(id: Int, context: ExecutionContext) {
        records.removeAll { $0.id == id || $0.parentId == id }
        guard let host = wrapper else { return }
        if let last = records.last {
            draw(ProgressBar.render(last, width: host.terminalWidth), through: host.inner)
            return
        }
        erase()
        context.removeHostWrapper(host)
        wrapper = nil
    }

    private func install(in context: ExecutionContext) -> ProgressAwareHostUI {
        let host = ProgressAwareHostUI(inner: context.host, display: self)
        context.host = host
        wrapper = host
        return host
    }

    /// Writes the bar as host text on stderr, so output still buffered for stdout goes out first.
    /// Transcripts are skipped: the bar is not part of the session's text.
    private func draw(_ line: String, through host: HostUI) {
        var target = host
        while let transcript = target as? TranscriptingHostUI { target = transcript.inner }
        let padding = max(0, drawnWidth - line.count)
        target.writeDiagnostic("\r" + line + String(repeating: " ", count: padding), stream: .information)
        drawnWidth = line.count
    }

    /// Blanks the bar's line and puts the cursor at its start.
    func erase() {
        guard drawnWidth > 0 else { return }
        try? FileHandle.standardError.write(contentsOf: Data(("\r" + String(repeating: " ", count: drawnWidth) + "\r").utf8))
        drawnWidth = 0
    }
}

import Foundation
import PSLanguage

/// Renders an error the way pwsh's default ConciseView does: `Reason: message` on one line, or,
/// for errors in script files and multi-line input, the offending line with `~` under the
/// failing part.
public enum ErrorView {
    public static func render(_ record: ErrorRecord, context: ExecutionContext?) -> String {
        let reason = self.reason(for: record)
        var message = record.exception.message
        // A parse error quoting a huge token of a hostile script keeps its start and end.
        if record.category == .ParserError && message.count > 400 {
            message = String(message.prefix(300)) + "…" + String(message.suffix(40))
        }
        guard let extent = record.invocationInfo.extent, let file = extent.file,
              file.path != nil || extent.startLine > 1 else {
            return "\(reason): \(message)"
        }
        let lineNumber = String(extent.startLine)
        var lineText = file.lineText(extent.startLine)
        let header = file.path.map { "\($0):\(extent.startLine)" } ?? ""
        let numberPad = String(repeating: " ", count: max(0, 4 - lineNumber.count))
        let headerPad = String(repeating: " ", count: max(0, lineNumber.count - 4))
        var startColumn = max(1, extent.startColumn)
        var length: Int
        if extent.endLine == extent.startLine {
            length = max(1, extent.endColumn - extent.startColumn)
        } else {
            length = max(1, lineText.count - startColumn + 1)
        }
        // A very long line (a generated or hostile one-line script) shows only an excerpt
        // around the error, so one error is never megabytes of text.
        if lineText.count > maxExcerpt {
            let characters = Array(lineText)
            let from = max(0, min(startColumn - 1 - maxExcerpt / 2, characters.count - maxExcerpt))
            let to = min(characters.count, from + maxExcerpt)
            lineText = (from > 0 ? "…" : "") + String(characters[from..<to]) + (to < characters.count ? "…" : "")
            startColumn = startColumn - from + (from > 0 ? 1 : 0)
            length = max(1, min(length, lineText.count - (startColumn - 1)))
        }
        let underline = String(repeating: " ", count: startColumn - 1) + String(repeating: "~", count: length)
        let bar = "\(headerPad)     | "
        var text = "\(reason): \(header)\n"
        text += "\(headerPad)Line |\n"
        text += "\(numberPad)\(lineNumber) |  \(lineText)\n"
        text += "\(bar) \(underline)\n"
        text += "\(bar)\(message.replacingOccurrences(of: "\n", with: " "))"
        return text
    }

    /// The most characters of a source line an error shows.
    static let maxExcerpt = 160

    /// The word before the colon: `Exception` for `throw`, else the command, else the exception type.
    static func reason(for record: ErrorRecord) -> String {
        if record.exception.wasThrownFromThrowStatement { return "Exception" }
        if let command = record.invocationInfo.commandName, !command.isEmpty { return command }
        if record.category == .ParserError { return "ParserError" }
        return record.exception.typeName.split(separator: ".").last.map(String.init) ?? "Error"
    }
}

import Foundation
import PSLanguage

/// Renders an error the way pwsh's default ConciseView does: `Reason: message` on one line, or,
/// for errors in script files and multi-line input, the offending line with `~` under the
/// failing part.
public enum ErrorView {
    public static func render(_ record: ErrorRecord, context: ExecutionContext?) -> String {
        let reason = self.reason(for: record)
        let message = record.exception.message
        guard let extent = record.invocationInfo.extent, let file = extent.file,
              file.path != nil || extent.startLine > 1 else {
            return "\(reason): \(message)"
        }
        let lineNumber = String(extent.startLine)
        let lineText = file.lineText(extent.startLine)
        let header = file.path.map { "\($0):\(extent.startLine)" } ?? ""
        let numberPad = String(repeating: " ", count: max(0, 4 - lineNumber.count))
        let headerPad = String(repeating: " ", count: max(0, lineNumber.count - 4))
        let startColumn = max(1, extent.startColumn)
        let length: Int
        if extent.endLine == extent.startLine {
            length = max(1, extent.endColumn - extent.startColumn)
        } else {
            length = max(1, lineText.count - startColumn + 1)
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

    /// The word before the colon: `Exception` for `throw`, else the command, else the exception type.
    static func reason(for record: ErrorRecord) -> String {
        if record.exception.wasThrownFromThrowStatement { return "Exception" }
        if let command = record.invocationInfo.commandName, !command.isEmpty { return command }
        if record.category == .ParserError { return "ParserError" }
        return record.exception.typeName.split(separator: ".").last.map(String.init) ?? "Error"
    }
}

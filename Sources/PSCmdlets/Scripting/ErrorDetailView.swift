import PSLanguage
import PSRuntime

/// Get-Error's detailed view of an error record: every property with a value, nested objects
/// (the exception, the invocation) indented under their name, labels aligned per level.
enum ErrorDetailView {
    static let typeName = "System.Management.Automation.ErrorRecord#PSExtendedError"

    /// A property's value: text (possibly several lines) or a nested list of properties.
    indirect enum Entry {
        case text(String)
        case nested([(String, Entry)])
    }

    static var view: ViewDefinition {
        ViewDefinition(name: "GetErrorInstance", typeNames: [typeName], control: .custom { value, context in
            guard case .object(let o) = value.baseValue, let record = o as? ErrorRecord else { return [] }
            return render(entries(record, context: context), indent: 0) + [""]
        })
    }

    static func entries(_ record: ErrorRecord, context: ExecutionContext?) -> [(String, Entry)] {
        var list: [(String, Entry)] = [("Exception", .nested(exceptionEntries(record.exception)))]
        if let target = record.targetObject, !target.isNull {
            list.append(("TargetObject", .text(LanguagePrimitives.toString(target, context: context))))
        }
        list.append(("CategoryInfo", .text(categoryText(record, context: context))))
        list.append(("FullyQualifiedErrorId", .text(record.fullyQualifiedErrorId)))
        if let details = record.recommendedAction, !details.isEmpty { list.append(("ErrorDetails", .text(details))) }
        let invocation = invocationEntries(record.invocationInfo)
        if !invocation.isEmpty { list.append(("InvocationInfo", .nested(invocation))) }
        if !record.scriptStackTrace.isEmpty { list.append(("ScriptStackTrace", .text(record.scriptStackTrace))) }
        return list
    }

    private static func exceptionEntries(_ exception: PSException) -> [(String, Entry)] {
        var list: [(String, Entry)] = [("Type", .text(exception.typeName))]
        list.append(("Message", .text(exception.message)))
        if let inner = exception.innerException { list.append(("InnerException", .nested(exceptionEntries(inner)))) }
        list.append(("HResult", .text("-2146233087")))
        return list
    }

    /// `Category: (target:Type) [Command], Reason`, the target part filled in when there is one.
    static func categoryText(_ record: ErrorRecord, context: ExecutionContext?) -> String {
        let reason = record.exception.typeName.split(separator: ".").last.map(String.init) ?? record.exception.typeName
        var target = ":"
        if let value = record.targetObject, !value.isNull {
            target = "\(LanguagePrimitives.toString(value, context: context)):\(PSTypeInfo.of(value).name)"
        }
        return "\(record.category.rawValue): (\(target)) [\(record.invocationInfo.commandName ?? "")], \(reason)"
    }

    private static func invocationEntries(_ info: InvocationInfo) -> [(String, Entry)] {
        var list: [(String, Entry)] = []
        if let command = info.commandName, !command.isEmpty { list.append(("MyCommand", .text(command))) }
        guard let extent = info.extent, extent.startLine > 0 else { return list }
        if let script = info.scriptName { list.append(("ScriptName", .text(script))) }
        list.append(("ScriptLineNumber", .text(String(extent.startLine))))
        list.append(("OffsetInLine", .text(String(extent.startColumn))))
        let line = info.line ?? ""
        list.append(("Line", .text(line)))
        list.append(("PositionMessage", .text(positionMessage(info))))
        if let command = info.commandName, !command.isEmpty { list.append(("InvocationName", .text(command))) }
        list.append(("CommandOrigin", .text("Internal")))
        return list
    }

    /// `At file:line char:column`, the line, and `~` under the failing part.
    static func positionMessage(_ info: InvocationInfo) -> String {
        guard let extent = info.extent, extent.startLine > 0 else { return "" }
        let line = info.line ?? ""
        let start = max(1, extent.startColumn)
        let length = extent.endLine == extent.startLine ? max(1, extent.endColumn - extent.startColumn)
                                                        : max(1, line.count - start + 1)
        return "At \(info.scriptName ?? "line"):\(extent.startLine) char:\(start)\n+ \(line)\n+ "
            + String(repeating: " ", count: start - 1) + String(repeating: "~", count: length)
    }

    /// The lines of a property list at an indentation.
    static func render(_ entries: [(String, Entry)], indent: Int) -> [String] {
        let width = entries.map(\.0.count).max() ?? 0
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for (name, entry) in entries {
            let label = pad + name + String(repeating: " ", count: width - name.count) + " : "
            switch entry {
            case .text(let text):
                let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
                lines.append(label + (parts.first.map(String.init) ?? ""))
                let continuation = String(repeating: " ", count: label.count)
                for part in parts.dropFirst() { lines.append(continuation + part) }
            case .nested(let inner):
                lines.append(pad + name + String(repeating: " ", count: width - name.count) + " :")
                lines.append(contentsOf: render(inner, indent: indent + 4))
            }
        }
        return lines
    }
}

import Foundation
import PSRuntime

/// Select-String's result (PowerShell's MatchInfo): one line that matched, where it came from,
/// and optionally the lines around it.
struct MatchInfo {
    static let typeName = "Microsoft.PowerShell.Commands.MatchInfo"
    /// The Path and Filename of lines that came from the pipeline rather than a file.
    static let inputStream = "InputStream"

    var line: String
    var lineNumber: Int
    var path: String
    var pattern: String
    var ignoreCase: Bool
    var matches: [MatchValue]
    var preContext: [String] = []
    var postContext: [String] = []
    var hasContext: Bool

    var isFromFile: Bool { path != Self.inputStream }
    var filename: String { isFromFile ? (path as NSString).lastPathComponent : Self.inputStream }

    /// The lines the console shows: `path:line:text` (just the text for pipeline input), with
    /// `> ` before the match and two spaces before context lines when there is context.
    func displayLines(relativeTo directory: String?) -> [String] {
        let shownPath = isFromFile ? Self.relative(path, to: directory) : nil
        func format(_ text: String, _ number: Int, marker: String) -> String {
            let body = shownPath.map { "\($0):\(number):\(text)" } ?? text
            return hasContext ? marker + body : body
        }
        var lines: [String] = []
        for (i, text) in preContext.enumerated() {
            lines.append(format(text, lineNumber - preContext.count + i, marker: "  "))
        }
        lines.append(format(line, lineNumber, marker: "> "))
        for (i, text) in postContext.enumerated() {
            lines.append(format(text, lineNumber + 1 + i, marker: "  "))
        }
        return lines
    }

    /// A path below `directory` relative to it; any other path as it is.
    static func relative(_ path: String, to directory: String?) -> String {
        guard let directory else { return path }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    var value: PSValue {
        let object = PSObject(typeNames: [Self.typeName, "System.Object"])
        object["IgnoreCase"] = .bool(ignoreCase)
        object["LineNumber"] = .int(Int32(clamping: lineNumber))
        object["Line"] = .string(line)
        object["Filename"] = .string(filename)
        object["Path"] = .string(path)
        object["Pattern"] = .string(pattern)
        object["Context"] = hasContext ? contextValue : .null
        object["Matches"] = .array(matches.map { .object($0) })
        object.customText = displayLines(relativeTo: nil).joined(separator: "\n")
        return .object(object)
    }

    private var contextValue: PSValue {
        let context = PSObject(typeNames: ["Microsoft.PowerShell.Commands.MatchInfoContext", "System.Object"])
        let pre = PSValue.array(preContext.map { .string($0) }), post = PSValue.array(postContext.map { .string($0) })
        context["PreContext"] = pre
        context["PostContext"] = post
        context["DisplayPreContext"] = pre
        context["DisplayPostContext"] = post
        return .object(context)
    }

    /// The console view: the display lines of each result, relative to the current location.
    static var view: ViewDefinition {
        ViewDefinition(name: "MatchInfo", typeNames: [typeName], control: .custom { value, context in
            guard let object = value.asPSObject else { return [LanguagePrimitives.toString(value, context: context)] }
            func text(_ name: String) -> String { object[name].map { LanguagePrimitives.toString($0, context: context) } ?? "" }
            let line = text("Line"), path = text("Path")
            let number = Int(text("LineNumber")) ?? 0
            var pre: [String] = [], post: [String] = []
            let contextObject = object["Context"]?.asPSObject
            if let contextObject {
                pre = contextObject["DisplayPreContext"]?.enumerated?.map { LanguagePrimitives.toString($0, context: context) } ?? []
                post = contextObject["DisplayPostContext"]?.enumerated?.map { LanguagePrimitives.toString($0, context: context) } ?? []
            }
            let info = MatchInfo(line: line, lineNumber: number, path: path, pattern: text("Pattern"), ignoreCase: true,
                                 matches: [], preContext: pre, postContext: post, hasContext: contextObject != nil)
            return info.displayLines(relativeTo: context.location)
        })
    }
}

/// Collects context lines around matches as lines go by: up to `before` lines are kept for the
/// next match, and each match waits for up to `after` lines before it is written.
struct MatchContextTracker {
    let before: Int
    let after: Int
    private var recent: [String] = []
    private var waiting: [MatchInfo] = []

    init(before: Int, after: Int) {
        self.before = before
        self.after = after
    }

    /// A line that matched: earlier waiting results are complete; this one waits for its
    /// following lines. Returns the results now complete.
    mutating func matched(_ info: MatchInfo) -> [MatchInfo] {
        var info = info
        info.preContext = recent
        recent = []
        let done = waiting
        waiting = after > 0 ? [info] : []
        return after > 0 ? done : done + [info]
    }

    /// A line that did not match: context for the waiting results and the next match.
    mutating func other(_ line: String) -> [MatchInfo] {
        var done: [MatchInfo] = []
        for i in waiting.indices { waiting[i].postContext.append(line) }
        while let first = waiting.first, first.postContext.count >= after {
            done.append(first)
            waiting.removeFirst()
        }
        if before > 0 {
            recent.append(line)
            if recent.count > before { recent.removeFirst() }
        }
        return done
    }

    /// The end of a source: what still waits is complete.
    mutating func finish() -> [MatchInfo] {
        defer { waiting = []; recent = [] }
        return waiting
    }
}

import Foundation

/// Comment-based help: the `.SYNOPSIS`, `.DESCRIPTION`, `.PARAMETER`, `.EXAMPLE`, `.NOTES` … sections
/// of a `<# … #>` block (or a run of `#` line comments) before a function, at the start of its body,
/// or at the top of a script.
struct CommentHelp {
    var synopsis = ""
    var description = ""
    var parameters: [(name: String, text: String)] = []
    var examples: [String] = []
    var notes = ""
    var inputs = ""
    var outputs = ""
    var links: [String] = []

    /// Parses the comment text (with or without its `<#`/`#>` or `#` markers); nil when the
    /// comment has no help keyword, as PowerShell ignores such comments.
    static func parse(_ comment: String) -> CommentHelp? {
        var body = comment
        if body.hasPrefix("<#") { body.removeFirst(2) }
        if body.hasSuffix("#>") { body.removeLast(2) }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = String(line)
            if l.hasSuffix("\r") { l.removeLast() }
            let trimmed = l.drop { $0 == " " || $0 == "\t" }
            return trimmed.hasPrefix("#") && !comment.hasPrefix("<#") ? String(trimmed.dropFirst()) : l
        }
        var help = CommentHelp()
        var found = false
        var section: (keyword: String, argument: String)?
        var buffer: [String] = []

        func flush() {
            guard let current = section else { return }
            let text = dedent(buffer)
            switch current.keyword {
            case "SYNOPSIS": help.synopsis = text
            case "DESCRIPTION": help.description = text
            case "PARAMETER": help.parameters.append((current.argument, text))
            case "EXAMPLE": help.examples.append(text)
            case "NOTES": help.notes = text
            case "INPUTS": help.inputs = text
            case "OUTPUTS": help.outputs = text
            case "LINK": help.links.append(text)
            default: break
            }
        }

        for line in lines {
            let trimmed = line.helpTrimmed
            if trimmed.hasPrefix("."), let keyword = keyword(in: trimmed) {
                flush()
                found = true
                section = keyword
                buffer = []
            } else if section != nil {
                buffer.append(line)
            }
        }
        flush()
        return found ? help : nil
    }

    private static let keywords = ["SYNOPSIS", "DESCRIPTION", "PARAMETER", "EXAMPLE", "INPUTS", "OUTPUTS", "NOTES",
                                   "LINK", "COMPONENT", "ROLE", "FUNCTIONALITY", "FORWARDHELPTARGETNAME",
                                   "FORWARDHELPCATEGORY", "REMOTEHELPRUNSPACE", "EXTERNALHELP"]

    private static func keyword(in line: String) -> (keyword: String, argument: String)? {
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let first = parts.first else { return nil }
        let word = first.uppercased()
        guard keywords.contains(word) else { return nil }
        return (word, parts.count > 1 ? String(parts[1]).helpTrimmed : "")
    }

    /// Removes the indentation common to the non-blank lines and blank lines at both ends.
    private static func dedent(_ lines: [String]) -> String {
        var list = lines
        while let first = list.first, first.helpTrimmed.isEmpty { list.removeFirst() }
        while let last = list.last, last.helpTrimmed.isEmpty { list.removeLast() }
        let indent = list.filter { !$0.helpTrimmed.isEmpty }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        return list.map { $0.helpTrimmed.isEmpty ? "" : String($0.dropFirst(indent)).helpTrimmedTrailing }
            .joined(separator: "\n")
    }

    // MARK: Finding the comment

    /// The help comment that ends just before `offset` (UTF-8) in `text`, skipping whitespace and,
    /// when `header` is set, a `function Name` header in between.
    static func commentBefore(offset: Int, in text: String, stripping header: Bool) -> String? {
        let utf8 = Array(text.utf8)
        guard offset >= 0, offset <= utf8.count else { return nil }
        var prefix = String(decoding: utf8[0..<offset], as: UTF8.self).helpTrimmedEnd
        if header {
            // Drop `function Name` / `filter Name` (and an inline parameter list is not expected here).
            guard let range = prefix.range(of: #"(?i)(function|filter|workflow)\s+[^\s{(]+\s*(\([^)]*\))?\s*$"#,
                                           options: .regularExpression) else { return nil }
            let between = prefix[..<range.lowerBound]
            // More than one blank line between the comment and `function` detaches it, as in pwsh.
            let gap = between.reversed().prefix { $0.isWhitespace }.filter { $0 == "\n" }.count
            if gap > 2 { return nil }
            prefix = String(between).helpTrimmedEnd
        }
        if prefix.hasSuffix("#>"), let start = prefix.range(of: "<#", options: .backwards) {
            return String(prefix[start.lowerBound...])
        }
        // A run of single-line comments.
        var lines: [String] = []
        for line in prefix.split(separator: "\n", omittingEmptySubsequences: false).reversed() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("#") else { break }
            lines.insert(trimmed, at: 0)
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// The help comment at the start of `text` (a function body after `{`, or a script).
    static func commentAtStart(of text: String) -> String? {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            // `#Requires` lines and other single-line comments before a block comment at the top of a
            // script are skipped; a `<#` block or a run of `#` lines is the candidate.
            if rest.hasPrefix("<#") {
                guard let end = rest.range(of: "#>") else { return nil }
                return String(rest[rest.startIndex..<end.upperBound])
            }
            if rest.hasPrefix("#") {
                let lines = rest.split(separator: "\n", omittingEmptySubsequences: false)
                let commentLines = lines.prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
                let joined = commentLines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
                if parse(joined) != nil { return joined }
                rest = rest.dropFirst(commentLines.map { $0.count + 1 }.reduce(0, +))
                if commentLines.isEmpty { return nil }
                continue
            }
            return nil
        }
    }
}

extension String {
    var helpTrimmed: String { trimmingCharacters(in: .whitespaces) }
    var helpTrimmedTrailing: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return String(s)
    }
    var helpTrimmedEnd: String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}

import Foundation

/// The expectations written inside a golden script as comments, fish-style:
///
///     # CHECK: <line>        an expected stdout line (exact after trimming trailing spaces; `{{regex}}` holes)
///     # CHECK-EMPTY:         an expected blank stdout line
///     # CHECKERR: <text>     an expected stderr line, matched as a substring, in order
///     # EXIT: <n>            the expected exit code (default 0)
///     # ARGS: a b c          extra arguments passed after the script path (split on spaces)
///     # TIMEOUT: <seconds>   how long the script may run (default 60)
///
/// Stdout must match the CHECK lines completely (trailing blank lines aside). Stderr lines not named by a
/// CHECKERR are allowed, but a script without any CHECKERR must leave stderr empty.
struct GoldenExpectations {
    var stdout: [LinePattern] = []
    var stderr: [String] = []
    var exitCode: Int32 = 0
    var arguments: [String] = []
    var timeoutSeconds: Double = 60

    init(scriptText: String) throws {
        for rawLine in scriptText.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\r", with: "")
            guard line.hasPrefix("#") else { continue }
            let comment = line.dropFirst().drop(while: { $0 == " " })
            if let rest = Self.value(of: "CHECK-EMPTY:", in: comment) {
                guard rest.isEmpty else { throw GoldenFormatError("CHECK-EMPTY takes no text: \(line)") }
                stdout.append(try LinePattern(""))
            } else if let rest = Self.value(of: "CHECKERR:", in: comment) {
                stderr.append(rest)
            } else if let rest = Self.value(of: "CHECK:", in: comment) {
                stdout.append(try LinePattern(rest))
            } else if let rest = Self.value(of: "EXIT:", in: comment) {
                guard let code = Int32(rest) else { throw GoldenFormatError("EXIT needs a number: \(line)") }
                exitCode = code
            } else if let rest = Self.value(of: "ARGS:", in: comment) {
                arguments = rest.split(separator: " ").map(String.init)
            } else if let rest = Self.value(of: "TIMEOUT:", in: comment) {
                guard let seconds = Double(rest) else { throw GoldenFormatError("TIMEOUT needs a number: \(line)") }
                timeoutSeconds = seconds
            }
        }
    }

    /// The text after `directive` (one separating space removed, trailing spaces trimmed), or nil.
    private static func value(of directive: String, in comment: Substring) -> String? {
        guard comment.hasPrefix(directive) else { return nil }
        var rest = comment.dropFirst(directive.count)
        if rest.first == " " { rest = rest.dropFirst() }
        return String(rest).trimmingTrailingSpaces()
    }
}

/// One expected stdout line: literal text with optional `{{regex}}` holes.
struct LinePattern: CustomStringConvertible {
    let description: String
    private let regex: NSRegularExpression?

    init(_ text: String) throws {
        description = text
        guard text.contains("{{") else {
            regex = nil
            return
        }
        var pattern = "^"
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open.lowerBound]))
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw GoldenFormatError("unclosed {{ in CHECK line: \(text)")
            }
            pattern += "(?:" + rest[open.upperBound..<close.lowerBound] + ")"
            rest = rest[close.upperBound...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        do {
            regex = try NSRegularExpression(pattern: pattern)
        } catch {
            throw GoldenFormatError("bad regex in CHECK line: \(text)")
        }
    }

    func matches(_ line: String) -> Bool {
        guard let regex else { return line == description }
        return regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }
}

struct GoldenFormatError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" || last == "\r" {
            end = index(before: end)
        }
        return String(self[..<end])
    }

    /// The text split into lines with trailing spaces trimmed and trailing blank lines dropped.
    func normalizedLines() -> [String] {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingSpaces() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}

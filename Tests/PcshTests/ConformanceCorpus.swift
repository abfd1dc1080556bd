import Foundation

/// One documented snippet and the output its documentation shows.
struct ConformanceCase: Sendable {
    var file: String
    var source: String
    var name: String
    var line: Int
    var code: String
    var expected: [String]
}

/// The corpus format, one case per block:
///
///     # SOURCE: about_Join (MicrosoftDocs/PowerShell-Docs reference/7.4)
///     # CASE: joins with a delimiter
///     "a", "b" -join " "
///     # EXPECT:
///     # a b
///
/// `# SOURCE:` holds until the next one; every line after `# EXPECT:` up to the next case is
/// expected output with its leading `# ` (or a lone `#`) removed.
enum ConformanceCorpus {
    static func parse(_ text: String, file: String) throws -> [ConformanceCase] {
        var cases: [ConformanceCase] = []
        var source = ""
        var current: ConformanceCase?
        var inExpect = false
        func finish() {
            guard var done = current else { return }
            while done.code.hasSuffix("\n") { done.code.removeLast() }
            cases.append(done)
            current = nil
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(line)
            if line.hasPrefix("# SOURCE:") {
                finish()
                source = line.dropFirst("# SOURCE:".count).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("# CASE:") {
                finish()
                let name = line.dropFirst("# CASE:".count).trimmingCharacters(in: .whitespaces)
                current = ConformanceCase(file: file, source: source, name: name, line: index + 1, code: "", expected: [])
                inExpect = false
            } else if line == "# EXPECT:" {
                guard current != nil else { throw GoldenFormatError("\(file):\(index + 1): EXPECT outside a case") }
                inExpect = true
            } else if current != nil {
                if inExpect {
                    // A blank line ends the expected block; uncommented text there is a mistake.
                    if line.isEmpty { continue }
                    guard line.hasPrefix("#") else {
                        throw GoldenFormatError("\(file):\(index + 1): expected output lines start with '#'")
                    }
                    current?.expected.append(line.hasPrefix("# ") ? String(line.dropFirst(2)) : String(line.dropFirst()))
                } else {
                    current?.code += line + "\n"
                }
            }
        }
        finish()
        return cases
    }

    /// Lines compared: trailing whitespace trimmed, blank lines dropped (the docs keep or drop the
    /// blank lines around formatted tables inconsistently), and output is compared line by line.
    static func normalize(_ lines: [String]) -> [String] {
        lines.map { line in
            var line = Substring(line)
            while let last = line.last, last.isWhitespace { line.removeLast() }
            return String(line)
        }.filter { !$0.isEmpty }
    }

    static func normalize(output: String) -> [String] {
        normalize(output.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n"))
    }
}

/// What one case produced, and whether it matched.
struct ConformanceOutcome: Sendable {
    var testCase: ConformanceCase
    var actual: [String]
    var timedOut: Bool
    var passed: Bool { !timedOut && ConformanceCorpus.normalize(testCase.expected) == actual }
}

/// The human-readable measurement: pass rate per file and overall, then every failing case.
enum ConformanceReport {
    static func render(_ outcomes: [ConformanceOutcome]) -> String {
        var report = "Conformance corpus: documented snippets run through pcsh\n\n"
        let files = Dictionary(grouping: outcomes, by: { $0.testCase.file })
        for file in files.keys.sorted() {
            let group = files[file]!
            let passed = group.filter(\.passed).count
            report += line(file, passed, group.count) + "\n"
        }
        let passed = outcomes.filter(\.passed).count
        report += "\n" + line("TOTAL", passed, outcomes.count) + "\n"
        for outcome in outcomes where !outcome.passed {
            let testCase = outcome.testCase
            report += "\n--- FAIL \(testCase.file):\(testCase.line) \(testCase.name)\n"
            report += testCase.code.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
            report += "  expected:\n" + ConformanceCorpus.normalize(testCase.expected).map { "    " + $0 }.joined(separator: "\n") + "\n"
            report += "  actual\(outcome.timedOut ? " (timed out)" : ""):\n" + outcome.actual.map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        return report
    }

    static func rate(_ outcomes: [ConformanceOutcome]) -> Double {
        outcomes.isEmpty ? 0 : Double(outcomes.filter(\.passed).count) / Double(outcomes.count)
    }

    private static func line(_ label: String, _ passed: Int, _ total: Int) -> String {
        let percent = total == 0 ? 0 : Double(passed) * 100 / Double(total)
        let padded = label.padding(toLength: max(label.count, 40), withPad: " ", startingAt: 0)
        return "\(padded) \(passed)/\(total)  \(String(format: "%.1f", percent))%"
    }
}

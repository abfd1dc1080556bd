import Foundation
import Testing

/// Runs every `Golden/*.ps1` through the built pcsh executable and compares stdout, stderr and the
/// exit code with the expectations written in the script (see `GoldenExpectations`).
@Suite("Golden scripts")
struct GoldenScriptTests {
    /// The golden script file names, sorted, so each one is its own test case.
    static let scriptNames: [String] = {
        guard let folder = goldenFolder,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".ps1") }.sorted()
    }()

    static var goldenFolder: URL? {
        Bundle.module.url(forResource: "Golden", withExtension: nil)
    }

    @Test("The golden folder is bundled and not empty")
    func goldenScriptsArePresent() {
        #expect(Self.scriptNames.count >= 30, "found \(Self.scriptNames.count) golden scripts")
    }

    @Test("Golden script", arguments: scriptNames)
    func goldenScript(_ name: String) throws {
        let executable = try #require(PcshProcess.locateExecutable(),
                                      "pcsh executable not found next to the test bundle; run `swift build` first")
        let source = try #require(Self.goldenFolder).appendingPathComponent(name)
        let text = try String(contentsOf: source, encoding: .utf8)
        let expected = try GoldenExpectations(scriptText: text)

        // Each script runs from its own empty folder, where it may create files freely.
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("pcsh-golden-\(UUID().uuidString)")
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let script = work.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: script)

        let result = try PcshProcess.run(
            executable, arguments: ["-NoProfile", "-NonInteractive", "-File", script.path] + expected.arguments,
            in: work, captureFolder: root, timeout: expected.timeoutSeconds,
            // Scripts that drive the repository's own scripts and modules find them here.
            environment: ["PCSH_SOURCE_ROOT": PcshProcess.packageRoot()?.path ?? ""])

        let problems = GoldenComparison.problems(expected: expected, actual: result)
        if !problems.isEmpty {
            Issue.record(Comment(rawValue: "\(name):\n" + problems.joined(separator: "\n")))
        }
    }
}

/// Turns a golden run into readable mismatch reports.
enum GoldenComparison {
    static func problems(expected: GoldenExpectations, actual: PcshRunResult) -> [String] {
        var problems: [String] = []
        if actual.timedOut {
            problems.append("timed out after \(expected.timeoutSeconds) s")
        }
        if actual.exitCode != expected.exitCode {
            problems.append("exit code: expected \(expected.exitCode), got \(actual.exitCode)")
        }
        if let diff = stdoutDiff(expected: expected.stdout, actual: actual.stdout.normalizedLines()) {
            problems.append(diff)
        }
        if let diff = stderrDiff(expected: expected.stderr, actual: actual.stderr.normalizedLines()) {
            problems.append(diff)
        }
        return problems
    }

    /// Nil when every stdout line matches its CHECK line and there are no extra lines.
    static func stdoutDiff(expected: [LinePattern], actual: [String]) -> String? {
        var expected = expected
        while expected.last?.description.isEmpty == true { expected.removeLast() }
        let count = max(expected.count, actual.count)
        var firstMismatch: Int?
        for index in 0..<count {
            let matches = index < expected.count && index < actual.count && expected[index].matches(actual[index])
            if !matches {
                firstMismatch = index
                break
            }
        }
        guard let firstMismatch else { return nil }
        var report = ["stdout differs from line \(firstMismatch + 1) (- expected, + actual):"]
        for index in 0..<count {
            let want = index < expected.count ? expected[index] : nil
            let got = index < actual.count ? actual[index] : nil
            let number = String(format: "%4d", index + 1)
            if let want, let got, want.matches(got) {
                report.append("  \(number)   \(got)")
                continue
            }
            if let want { report.append("  \(number) - \(want.description)") }
            if let got { report.append("  \(number) + \(got)") }
        }
        return report.joined(separator: "\n")
    }

    /// Nil when the CHECKERR texts appear in stderr lines in order (or, with none given, stderr is empty).
    static func stderrDiff(expected: [String], actual: [String]) -> String? {
        if expected.isEmpty {
            guard !actual.isEmpty else { return nil }
            return "stderr should be empty but was:\n" + numbered(actual)
        }
        // Where the search resumes: a later CHECKERR may match further along the same line, so one
        // check works whether pwsh prints `Cmd: message` on one line or splits it over several.
        var line = 0
        var column: String.Index?
        for (index, want) in expected.enumerated() {
            var found = false
            while line < actual.count {
                let text = actual[line]
                let from = column ?? text.startIndex
                if let range = text.range(of: want, range: from..<text.endIndex) {
                    column = range.upperBound
                    found = true
                    break
                }
                line += 1
                column = nil
            }
            if !found {
                let matched = expected[..<index].map { "    matched: \($0)" }
                return (["stderr is missing (in order) CHECKERR \(index + 1): \(want)"] + matched
                    + ["  actual stderr:", numbered(actual)]).joined(separator: "\n")
            }
        }
        return nil
    }

    private static func numbered(_ lines: [String]) -> String {
        lines.isEmpty ? "    (empty)" : lines.enumerated().map { String(format: "  %4d ", $0.offset + 1) + $0.element }
            .joined(separator: "\n")
    }
}

import Foundation
import Testing

/// Runs every documented snippet in `Conformance/*.cases` through the built pcsh executable and
/// measures how many print what their documentation shows. Failing cases stay in the corpus: they
/// are the measurement, listed in the report; the test fails only when the pass rate drops.
@Suite("Conformance corpus")
struct ConformanceCorpusTests {
    /// Just under the rate measured when the corpus was written, so a regression fails.
    static let passRateFloor = 0.67
    static let minimumCases = 290

    static var corpusFolder: URL? {
        Bundle.module.url(forResource: "Conformance", withExtension: nil)
    }

    static func loadCorpus() throws -> [ConformanceCase] {
        let folder = try #require(corpusFolder, "Conformance folder not bundled")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".cases") }.sorted()
        return try names.flatMap { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return try ConformanceCorpus.parse(text, file: name)
        }
    }

    @Test("Documented snippets print their documented output")
    func corpusPassRate() throws {
        let executable = try #require(PcshProcess.locateExecutable(),
                                      "pcsh executable not found next to the test bundle; run `swift build` first")
        let cases = try Self.loadCorpus()
        #expect(cases.count >= Self.minimumCases, "the corpus has \(cases.count) cases")
        #expect(cases.allSatisfy { !$0.code.isEmpty && !$0.expected.isEmpty }, "a case without code or expected output")

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let outcomes = ConformanceRunner.run(cases, executable: executable, in: root)

        let report = ConformanceReport.render(outcomes)
        let reportURL = root.appendingPathComponent("conformance-report.txt")
        try report.write(to: reportURL, atomically: true, encoding: .utf8)
        print(report)
        print("report written to \(reportURL.path)")
        let rate = ConformanceReport.rate(outcomes)
        #expect(rate >= Self.passRateFloor,
                "pass rate \(String(format: "%.1f", rate * 100))% fell below \(Self.passRateFloor * 100)%; see \(reportURL.path)")
    }
}

/// Runs each case in its own pcsh process: a fresh session per snippet, as the docs run them, so
/// one case's variables, classes or parse errors cannot change another's output. A process starts
/// in under 0.1 s, so two at a time run the corpus in well under a minute.
enum ConformanceRunner {
    static func run(_ cases: [ConformanceCase], executable: URL, in root: URL) -> [ConformanceOutcome] {
        let results = ConcurrentSlots<ConformanceOutcome>(count: cases.count)
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            results.set(index, runOne(cases[index], index: index, executable: executable, in: root))
        }
        return results.values.compactMap { $0 }
    }

    static func runOne(_ testCase: ConformanceCase, index: Int, executable: URL, in root: URL) -> ConformanceOutcome {
        let folder = root.appendingPathComponent("case-\(index)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let script = folder.appendingPathComponent("case.ps1")
            try Data(testCase.code.utf8).write(to: script)
            // The docs show errors in the same output block as results: one interleaved stream.
            let run = try PcshProcess.run(executable, arguments: ["-NoProfile", "-NonInteractive", "-File", script.path], in: folder,
                                          captureFolder: folder, timeout: 20, mergingStandardError: true)
            return ConformanceOutcome(testCase: testCase, actual: ConformanceCorpus.normalize(output: run.stdout), timedOut: run.timedOut)
        } catch {
            return ConformanceOutcome(testCase: testCase, actual: ["harness error: \(error)"], timedOut: false)
        }
    }
}

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
        let results = OutcomeBox(count: cases.count)
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            results.set(index, runOne(cases[index], index: index, executable: executable, in: root))
        }
        return results.all()
    }

    static func runOne(_ testCase: ConformanceCase, index: Int, executable: URL, in root: URL) -> ConformanceOutcome {
        let folder = root.appendingPathComponent("case-\(index)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let script = folder.appendingPathComponent("case.ps1")
            try Data(testCase.code.utf8).write(to: script)
            let (output, timedOut) = try runMerged(executable, script: script, in: folder)
            return ConformanceOutcome(testCase: testCase, actual: ConformanceCorpus.normalize(output: output), timedOut: timedOut)
        } catch {
            return ConformanceOutcome(testCase: testCase, actual: ["harness error: \(error)"], timedOut: false)
        }
    }

    /// stdout and stderr go to one file, interleaved as a console shows them: the docs show errors
    /// in the same output block as results.
    static func runMerged(_ executable: URL, script: URL, in folder: URL) throws -> (String, Bool) {
        let outputURL = folder.appendingPathComponent("output.txt")
        guard FileManager.default.createFile(atPath: outputURL.path, contents: nil) else {
            throw GoldenFormatError("cannot create \(outputURL.path)")
        }
        let handle = try FileHandle(forWritingTo: outputURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-NoProfile", "-NonInteractive", "-File", script.path]
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "120"
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "dumb"
        environment["PCSH_HOME"] = folder.appendingPathComponent("home").path
        environment["PCSH_USER"] = "labadmin"
        for variable in ["XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"] {
            environment[variable] = folder.appendingPathComponent(variable).path
        }
        process.environment = environment
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        try handle.close()
        return (String(decoding: (try? Data(contentsOf: outputURL)) ?? Data(), as: UTF8.self), timedOut)
    }
}

/// Outcomes written from concurrentPerform's threads, one slot each.
private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ConformanceOutcome?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ outcome: ConformanceOutcome) { lock.withLock { slots[index] = outcome } }
    func all() -> [ConformanceOutcome] { lock.withLock { slots.compactMap { $0 } } }
}

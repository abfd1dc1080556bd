@testable import PSRuntime

/// Suites that run PowerShell snippets through a fresh engine (parser + evaluator, no cmdlets).
protocol SnippetRunning {}

extension SnippetRunning {
    /// The snippet's output, each value as its string form.
    func run(_ script: String) throws -> [String] {
        let context = ExecutionContext(host: RecordingHostUI(), commands: CommandTable())
        return try context.evaluate(script).map { LanguagePrimitives.toString($0, context: context) }
    }

    /// The error id the snippet ends with, or "no error". A statement's terminating error is
    /// reported and the script goes on, as in PowerShell, so the first recorded error counts too.
    func snippetErrorId(_ script: String) -> String {
        let context = ExecutionContext(host: RecordingHostUI(), commands: CommandTable())
        do {
            _ = try context.evaluate(script)
            if case .object(let o) = context.errorList.items.first, let record = o as? ErrorRecord { return record.errorId }
            return "no error"
        } catch let e as RuntimeError {
            return e.record.errorId
        } catch {
            return "\(error)"
        }
    }
}

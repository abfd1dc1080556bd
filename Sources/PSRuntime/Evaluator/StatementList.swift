import PSLanguage

/// A compiled list of statements with the traps declared among them.
///
/// Error semantics live here: a statement-terminating error (a failing method call, a cmdlet's
/// terminating error, a binding error) stops only its statement — it is reported and the next
/// statement runs — unless a `try` or `trap` is active, or `$ErrorActionPreference` is Stop.
/// Script-terminating errors (`throw`, `-ErrorAction Stop`) always propagate.
final class StatementList {
    struct Trap {
        /// Exception type names the trap takes; empty for all.
        let types: [String]
        let body: StatementList
    }

    let statements: [CompiledStatement]
    let traps: [Trap]

    init(statements: [CompiledStatement], traps: [Trap]) {
        self.statements = statements
        self.traps = traps
    }

    func run(_ context: ExecutionContext, _ pipe: OutputPipe) throws {
        if traps.isEmpty {
            for statement in statements {
                try PipelineInterrupt.check()
                do {
                    try statement(context, pipe)
                } catch let error as RuntimeError {
                    try context.handleStatementError(error)
                } catch ControlFlow.returnFromScope {
                    try context.passReturnedOutput(to: pipe)
                }
            }
            return
        }
        context.handlerDepth += 1
        defer { context.handlerDepth -= 1 }
        for statement in statements {
            try PipelineInterrupt.check()
            do {
                try statement(context, pipe)
            } catch ControlFlow.returnFromScope {
                try context.passReturnedOutput(to: pipe)
            } catch let error as RuntimeError {
                guard let trap = traps.first(where: { matches($0, error) }) else { throw error }
                context.handlerDepth -= 1
                defer { context.handlerDepth += 1 }
                try runTrap(trap, error, context: context, pipe: pipe)
            }
        }
    }

    private func matches(_ trap: Trap, _ error: RuntimeError) -> Bool {
        trap.types.isEmpty || trap.types.contains { ExceptionMatching.matches(error.record.exception, typeName: $0) }
    }

    /// Runs a trap body: `continue` resumes silently after the failed statement, `break`
    /// rethrows, and falling off the end reports the error and resumes.
    private func runTrap(_ trap: Trap, _ error: RuntimeError, context: ExecutionContext, pipe: OutputPipe) throws {
        context.recordErrorOnce(error.record)
        let saved = context.currentScope.localVariable("_")?.value
        try context.setVariable(VariablePath(qualifier: nil, name: "_"), .object(error.record))
        defer { if let saved { try? context.setVariable(VariablePath(qualifier: nil, name: "_"), saved) } }
        do {
            try trap.body.run(context, pipe)
        } catch ControlFlow.continueLoop(label: nil) {
            return
        } catch ControlFlow.breakLoop(label: nil) {
            var rethrown = error
            rethrown.isScriptTerminating = true
            throw rethrown
        }
        context.displayError(error.record)
        context.lastStatus = false
    }
}

/// Matching exception types for `catch [T]` and `trap [T]`.
enum ExceptionMatching {
    /// True when the exception, or one it wraps (PowerShell wraps .NET exceptions raised while
    /// evaluating in a RuntimeException), is of the named type or derives from it.
    static func matches(_ exception: PSException, typeName: String) -> Bool {
        if matchesItself(exception, typeName: typeName) { return true }
        var inner = exception.innerException
        while let e = inner {
            if matchesItself(e, typeName: typeName) { return true }
            inner = e.innerException
        }
        return false
    }

    private static func matchesItself(_ exception: PSException, typeName: String) -> Bool {
        let wanted = typeName.lowercased()
        for t in exception.typeHierarchy {
            let candidate = t.lowercased()
            if candidate == wanted || candidate == "system." + wanted { return true }
            if !wanted.contains("."), candidate.split(separator: ".").last.map(String.init) == wanted { return true }
            if wanted.hasPrefix("management.automation."), candidate == "system." + wanted { return true }
        }
        return false
    }
}

extension ExecutionContext {
    /// A statement failed: propagate to an active handler, escalate under `Stop`, or report and go on.
    /// A `throw` is script-terminating, yet outside `try` `$ErrorActionPreference` SilentlyContinue
    /// or Ignore silences it too (recorded in `$Error`), and the script goes on.
    func handleStatementError(_ error: RuntimeError) throws {
        if handlerDepth > 0 || PipelineInterrupt.isRequested { throw error }
        let suppressibleThrow = error.record.exception.wasThrownFromThrowStatement && !error.passedStopPreference
        if error.isScriptTerminating && !suppressibleThrow { throw error }
        let preference = preference("ErrorActionPreference", default: .Continue)
        if preference == .Stop {
            var escalated = error
            escalated.isScriptTerminating = true
            escalated.passedStopPreference = true
            throw escalated
        }
        if error.isScriptTerminating && preference != .SilentlyContinue && preference != .Ignore { throw error }
        recordErrorOnce(error.record)
        lastStatus = false
        if preference == .SilentlyContinue || preference == .Ignore { return }
        displayError(error.record)
    }

    /// Writes what a `return` cut out of a value being collected, then goes on returning.
    func passReturnedOutput(to pipe: OutputPipe) throws -> Never {
        let pending = returnedOutput
        returnedOutput = []
        for item in pending { try pipe.emit(item) }
        throw ControlFlow.returnFromScope
    }

    /// Adds a record to `$Error` unless it is already the newest entry.
    public func recordErrorOnce(_ record: ErrorRecord) {
        if case .object(let o)? = errorList.items.first, o === record { return }
        recordError(record)
    }

    /// Shows an error on the host (or where a redirection sends it).
    public func displayError(_ record: ErrorRecord) {
        if let display = errorDisplay {
            display(record)
        } else {
            host.writeDiagnostic(ErrorView.render(record, context: self) + "\n", stream: .error)
        }
    }
}

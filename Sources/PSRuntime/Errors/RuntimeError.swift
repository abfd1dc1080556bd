import PSLanguage

/// A terminating error: stops the current pipeline and unwinds to the nearest `try`/`trap`,
/// or to the host, which prints it.
// Unchecked: the engine is single-threaded and errors never leave the thread that raised them.
public struct RuntimeError: Error, @unchecked Sendable {
    public let record: ErrorRecord
    /// `throw` and `-ErrorAction Stop` end the whole script (unless caught); other terminating
    /// errors (a failing method call, a cmdlet's terminating error, a binding error) end only the
    /// statement, and the script goes on with the next one.
    public var isScriptTerminating = false
    /// Set once `$ErrorActionPreference = 'Stop'` let the error through: an outer scope's
    /// preference can no longer silence it (pwsh's SuppressPromptInInterpreter).
    public var passedStopPreference = false

    public init(_ record: ErrorRecord) { self.record = record }

    /// A terminating error from a message, an id and a category.
    public init(_ message: String, id: String, category: ErrorCategory,
                exceptionType: String = "System.Management.Automation.RuntimeException",
                target: PSValue? = nil, extent: SourceExtent? = nil) {
        let record = ErrorRecord(message, id: id, category: category, exceptionType: exceptionType, target: target)
        record.invocationInfo.extent = extent
        self.record = record
    }
}

/// Flow control that unwinds through Swift's error channel but is never an error: error
/// handlers (`catch`, `trap`, `-ErrorAction`) rethrow it untouched.
public enum ControlFlow: Error {
    case breakLoop(label: String?)
    case continueLoop(label: String?)
    /// `return`: the values were already written to the output; this only unwinds.
    case returnFromScope
    case exit(code: Int32)
    /// Raised by `Select-Object -First` and friends to stop upstream commands early.
    case stopUpstream(token: ObjectIdentifier)
}

/// How a command treats a non-terminating error or a warning (`-ErrorAction`, `$ErrorActionPreference`).
public enum ActionPreference: String, Sendable, CaseIterable {
    case SilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break
}

/// The `ConfirmImpact` of a command declaring ShouldProcess, compared against `$ConfirmPreference`.
public enum ConfirmImpact: String, Sendable, CaseIterable, Comparable {
    case None, Low, Medium, High

    private var rank: Int {
        switch self {
        case .None: return 0
        case .Low: return 1
        case .Medium: return 2
        case .High: return 3
        }
    }

    public static func < (lhs: ConfirmImpact, rhs: ConfirmImpact) -> Bool { lhs.rank < rhs.rank }
}

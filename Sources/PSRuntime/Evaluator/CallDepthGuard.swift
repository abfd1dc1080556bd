import Foundation
import PSLanguage

/// Stops runaway recursion with PowerShell's CallDepthOverflow error instead of a crash: a limit
/// on nested script calls, and a check that enough of the thread's stack is left (debug builds
/// and small worker-thread stacks run out long before the limit).
struct CallDepthGuard {
    /// PowerShell's own limit on nested calls.
    static let maximumDepth = 1000
    /// Stack that must remain free when a new call starts.
    static let reserve: UInt = 192 * 1024

    private(set) var depth = 0
    /// Where the stack stood at the first call, and how far it may grow from there.
    private var stackBase: UInt?
    private var stackBudget: UInt = 0

    /// Enters one call level; throws when the limit or the stack would be exceeded.
    mutating func enter(extent: SourceExtent?) throws {
        depth += 1
        if depth > Self.maximumDepth || stackIsLow() {
            depth -= 1
            var error = RuntimeError("The script failed due to call depth overflow.", id: "CallDepthOverflow",
                                     category: .InvalidOperation,
                                     exceptionType: "System.Management.Automation.ScriptCallDepthException", extent: extent)
            error.isScriptTerminating = true
            throw error
        }
    }

    mutating func leave() { depth -= 1 }

    private mutating func stackIsLow() -> Bool {
        var marker: UInt8 = 0
        let here = withUnsafePointer(to: &marker) { UInt(bitPattern: $0) }
        guard let base = stackBase else {
            // The host may already have used some of the stack before the first call: allow for it.
            let size = UInt(max(Thread.current.stackSize, 512 * 1024))
            stackBase = here
            stackBudget = size > Self.reserve + Self.alreadyUsed ? size - Self.reserve - Self.alreadyUsed : 0
            return false
        }
        return here < base && base - here > stackBudget
    }

    /// A generous estimate of the stack in use before the engine's first call.
    private static let alreadyUsed: UInt = 256 * 1024
}

import Synchronization

/// Ctrl-C for a running script: the host's SIGINT handler calls `request()` (an atomic store,
/// safe inside a signal handler), and the engine checks at every statement and loop iteration,
/// ending the run with a PipelineStopped error that the host turns back into a prompt.
public enum PipelineInterrupt {
    private static let flag = Atomic<Bool>(false)

    /// Asks the running pipeline to stop.
    public static func request() { flag.store(true, ordering: .relaxed) }

    /// Clears a pending request (the host calls this before running a new command line).
    public static func reset() { flag.store(false, ordering: .relaxed) }

    @inline(__always)
    static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// Throws when a stop was requested.
    @inline(__always)
    static func check() throws {
        if isRequested { throw stopped() }
    }

    /// For code outside the engine that waited on the user (Read-Host, prompts): a Ctrl-C during
    /// the wait stops the pipeline instead of being taken as an answer.
    public static func throwIfRequested() throws {
        try check()
    }

    static func stopped() -> RuntimeError {
        var error = RuntimeError("The pipeline has been stopped.", id: "PipelineStopped", category: .OperationStopped,
                                 exceptionType: "System.Management.Automation.PipelineStoppedException")
        error.isScriptTerminating = true
        return error
    }
}

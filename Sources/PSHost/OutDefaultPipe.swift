import PSCmdlets
import PSRuntime

/// The end of every top-level pipeline (PowerShell's Out-Default): the whole run's output goes
/// through one formatting session, so the first object decides the table as in pwsh. Before
/// diagnostics are written the open block is finished, so text and errors keep their order.
final class OutDefaultPipe: OutputPipe {
    let context: ExecutionContext
    private var writer: HostOutputWriter?

    init(context: ExecutionContext) {
        self.context = context
    }

    override func emit(_ value: PSValue) throws {
        if writer == nil { writer = HostOutputWriter(context) }
        writer?.add(value)
    }

    /// Writes what the formatter holds and starts a fresh session for later output.
    func flush() {
        writer?.finish()
        writer = nil
    }
}

import PSRuntime

/// Formats pipeline input for the host as it arrives (Out-Default, Out-Host): text before the
/// first object and list entries go out at once; tables wait up to 300 ms (as PowerShell does) so
/// their columns can be sized from the first rows. The host ends every top-level pipeline with one.
public final class HostOutputWriter {
    private let context: ExecutionContext
    private let session: FormattingSession

    public init(_ context: ExecutionContext) {
        self.context = context
        session = DefaultFormatter.of(context).makeHostSession(context: context, width: context.host.terminalWidth)
        session.tableHoldTime = 0.3
    }

    /// Formats one object and writes what is ready.
    public func add(_ value: PSValue) {
        session.add(value)
        write(session.takeText())
    }

    /// Writes everything still held (an open table) and ends the formatting session.
    public func finish() {
        session.finish()
        write(session.takeText())
    }

    private func write(_ text: String) {
        if !text.isEmpty { context.host.writeOutput(text) }
    }
}

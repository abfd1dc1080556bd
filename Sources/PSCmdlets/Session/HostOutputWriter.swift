import PSRuntime

/// Formats pipeline input for the host as it arrives (Out-Default, Out-Host): text before the
/// first object and list entries go out at once; tables wait up to 300 ms (as PowerShell does) so
/// their columns can be sized from the first rows. The host ends every top-level pipeline with one.
public final class HostOutputWriter {
    private let context: ExecutionContext
    private let session: FormattingSession?
    private var pending: [PSValue] = []

    public init(_ context: ExecutionContext) {
        self.context = context
        let width = context.host.terminalWidth
        if let formatter = context.formatter as? DefaultFormatter {
            let session = formatter.makeHostSession(context: context, width: width)
            session.tableHoldTime = 0.3
            self.session = session
        } else {
            self.session = nil
        }
    }

    /// Formats one object and writes what is ready.
    public func add(_ value: PSValue) {
        guard let session else {
            pending.append(value)
            return
        }
        session.add(value)
        write(session.takeText())
    }

    /// Writes everything still held (an open table) and ends the formatting session.
    public func finish() {
        if let session {
            session.finish()
            write(session.takeText())
        } else if !pending.isEmpty {
            let text = context.formatter?.format(pending, context: context, width: context.host.terminalWidth)
                ?? pending.map { LanguagePrimitives.toString($0, context: context) + "\n" }.joined()
            write(text)
            pending.removeAll()
        }
    }

    private func write(_ text: String) {
        if !text.isEmpty { context.host.writeOutput(text) }
    }
}

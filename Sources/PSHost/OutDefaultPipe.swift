import PSRuntime

/// The end of every top-level pipeline (PowerShell's Out-Default): formats what reaches it and
/// writes it to the host. Scalars stream as they come; objects are gathered so that a table can
/// size its columns, and are flushed when a scalar, a diagnostic or the end of the run arrives.
final class OutDefaultPipe: OutputPipe {
    let context: ExecutionContext
    private var pending: [PSValue] = []

    init(context: ExecutionContext) {
        self.context = context
    }

    override func emit(_ value: PSValue) throws {
        if value.isNull { return }
        if OutDefaultPipe.isScalar(value) && pending.isEmpty {
            context.host.writeOutput(render([value]))
            return
        }
        if OutDefaultPipe.isScalar(value) { flush() ; context.host.writeOutput(render([value])); return }
        pending.append(value)
        if pending.count >= 10_000 { flush() }
    }

    func flush() {
        guard !pending.isEmpty else { return }
        let values = pending
        pending.removeAll()
        context.host.writeOutput(render(values))
    }

    private func render(_ values: [PSValue]) -> String {
        if let formatter = context.formatter {
            return formatter.format(values, context: context, width: context.host.terminalWidth)
        }
        return values.map { LanguagePrimitives.toString($0, context: context) + "\n" }.joined()
    }

    static func isScalar(_ value: PSValue) -> Bool {
        switch value {
        case .object(let o): return o is DecimalValue
        default: return true
        }
    }
}

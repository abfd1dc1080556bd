/// Where a statement or command sends its output objects, one at a time.
/// Subclasses: the next command of a pipeline, a collector, a closure, the bit bucket.
open class OutputPipe {
    public init() {}
    /// Receives one output object.
    open func emit(_ value: PSValue) throws {}
}

/// Collects everything emitted (for `$(…)`, `@(…)`, assignments, `Out-String`).
public final class CollectingPipe: OutputPipe {
    public var items: [PSValue] = []
    public override init() {}
    public override func emit(_ value: PSValue) throws { items.append(value) }

    /// PowerShell's rule for a captured result: nothing → `$null`, one → itself, more → an array.
    public var result: PSValue {
        switch items.count {
        case 0: return .null
        case 1: return items[0]
        default: return .array(items)
        }
    }
}

/// Forwards each object to a closure.
public final class ClosurePipe: OutputPipe {
    let body: (PSValue) throws -> Void
    public init(_ body: @escaping (PSValue) throws -> Void) { self.body = body }
    public override func emit(_ value: PSValue) throws { try body(value) }
}

/// Discards output (`Out-Null`, `$null = …`, `[void]`).
// Stateless, so sharing one instance across threads is safe.
public final class NullPipe: OutputPipe, @unchecked Sendable {
    public static let shared = NullPipe()
    public override func emit(_ value: PSValue) throws {}
}

/// Input a command receives before its `begin` has run (an upstream `begin` block that writes),
/// held until the whole pipeline has begun, then delivered in order, as pwsh queues it.
final class BeginGate: OutputPipe {
    let target: OutputPipe
    private var held: [PSValue] = []

    init(_ target: OutputPipe) {
        self.target = target
    }

    override func emit(_ value: PSValue) throws { held.append(value) }

    /// Delivers what was held; returns whether anything was.
    func release() throws {
        let values = held
        held = []
        for value in values { try target.emit(value) }
    }
}

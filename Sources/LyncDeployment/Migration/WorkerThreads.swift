import Foundation

// Small building blocks for the migration's worker threads: the export and the import each use
// one or two extra threads, always joined before the call that started them returns.

/// Hands a value to another thread where the code guarantees only one thread uses it at a time.
struct UncheckedSendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// One slot per parallel task for its result; each task writes only its own slot.
final class ParallelResults<Value>: @unchecked Sendable {
    // @unchecked: slots are written under `lock`, and read only after every task has ended.
    private var slots: [Result<Value, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Value, any Error>) {
        lock.withLock { slots[index] = result }
    }

    /// The result, moved out of its slot (so a large value is not shared and copied on change).
    func take(_ index: Int) throws -> Value {
        guard let result = lock.withLock({ () -> Result<Value, any Error>? in
            defer { slots[index] = nil }
            return slots[index]
        }) else { preconditionFailure("task \(index) did not run or was taken") }
        return try result.get()
    }
}

/// A bounded hand-over between one producing and one consuming thread. The producer blocks while
/// `capacity` values wait; the consumer blocks while none does. Either side may stop the other:
/// the producer by finishing (with an error or not), the consumer by cancelling.
final class BoundedHandoff<Value: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written only with `condition` held.
    private let condition = NSCondition()
    private var waiting: [Value] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Hands `value` over; false when the consumer has cancelled (the producer should stop).
    func put(_ value: Value) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        waiting.append(value)
        condition.broadcast()
        return true
    }

    /// The producer is done; `error` (if any) reaches the consumer after the values before it.
    func finish(_ error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next value; nil once the producer finished and everything was taken. Throws the
    /// producer's error in its place.
    func take() throws -> Value? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !finished { condition.wait() }
        if !waiting.isEmpty {
            let value = waiting.removeFirst()
            condition.broadcast()
            return value
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer stops early: a blocked producer wakes and its next `put` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// Runs `work` on a thread of its own from the moment it is made; `value()` waits for it and
/// returns its result (or throws its error). Dropped without `value()`, it still waits, so the
/// work never outlives the task.
final class BackgroundTask<Value>: @unchecked Sendable {
    // @unchecked: `result` is written by the thread before `done` is signalled and read after.
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)
    private var joined = false

    init(_ work: @escaping () throws -> Value) {
        let body = UncheckedSendableBox(work)
        let thread = Thread { [self] in
            result = Result { try body.value() }
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { if !joined { done.wait() } }

    func value() throws -> Value {
        if !joined {
            done.wait()
            joined = true
        }
        return try result!.get()
    }
}

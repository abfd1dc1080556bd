import Foundation

/// Decoded messages handed from the thread that expands and decodes Messages.txt to the thread
/// that checks and writes them: the fixed fields in one array, every content and rtf in one byte
/// buffer, so a batch costs two allocations however many messages it holds.
public struct MessageBatch: Sendable {
    public struct Item: Sendable {
        public var channelID: Int
        public var chatID: Int64
        public var date: Int64
        public var userID: Int
        public var isAlert: Bool
        public var content: Range<Int>
        /// nil: NULL.
        public var rtf: Range<Int>?
        /// The line of Messages.txt, for messages about it.
        public var line: Int
    }

    public var items: [Item] = []
    public var bytes: [UInt8] = []

    /// Messages per batch and the byte budget after which a batch is handed over early.
    static let itemLimit = 4096
    static let byteLimit = 1 << 20

    init() {
        items.reserveCapacity(Self.itemLimit)
        bytes.reserveCapacity(Self.byteLimit)
    }

    var isFull: Bool { items.count >= Self.itemLimit || bytes.count >= Self.byteLimit }

    mutating func append(_ message: ExportedMessage, line: Int) {
        let contentStart = bytes.count
        bytes.append(contentsOf: message.content)
        let content = contentStart..<bytes.count
        var rtf: Range<Int>?
        if let value = message.rtf {
            let rtfStart = bytes.count
            bytes.append(contentsOf: value)
            rtf = rtfStart..<bytes.count
        }
        items.append(Item(channelID: message.channelID, chatID: message.chatID, date: message.date, userID: message.userID,
                          isAlert: message.isAlert, content: content, rtf: rtf, line: line))
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

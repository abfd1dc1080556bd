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
        /// The content links to a posted file (rule 14 counts them). Found on the decoding thread.
        public var hasFileLink: Bool
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
                          isAlert: message.isAlert, content: content, rtf: rtf, line: line,
                          hasFileLink: message.content.withUnsafeBufferPointer(Self.hasFileLink)))
    }

    /// True when the content has `ma-filelink:` (any case).
    static func hasFileLink(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let needle = fileLinkNeedle
        guard bytes.count >= needle.count else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            // ASCII letters compare with the 0x20 bit set (any case); '-' and ':' exactly.
            if bytes[index] | 0x20 == 0x6D {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] | (needle[offset] >= 0x61 ? 0x20 : 0) != needle[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }

    static let fileLinkNeedle: [UInt8] = Array("ma-filelink:".utf8)
}

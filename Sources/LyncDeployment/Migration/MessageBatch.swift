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
    /// Up to four batches exist at a time (one filled, two waiting, one written).
    static let itemLimit = 2048
    static let byteLimit = 1 << 19

    init() {
        items.reserveCapacity(Self.itemLimit)
        bytes.reserveCapacity(Self.byteLimit)
    }

    var isFull: Bool { items.count >= Self.itemLimit || bytes.count >= Self.byteLimit }

    /// Decodes a Messages.txt line (without its LF) straight into the batch: its texts are
    /// unescaped into `bytes`, never into a buffer of their own first.
    mutating func append(decoding text: UnsafeBufferPointer<UInt8>, line: Int) throws {
        let contentStart = bytes.count
        var content = contentStart..<contentStart
        var rtf: Range<Int>?
        let fixed = try MessageLineCodec.decode(text, content: { field in
            try MessageLineCodec.unescape(field, appendingTo: &bytes, what: "content")
            content = contentStart..<bytes.count
        }, rtf: { field in
            guard let field else { return }
            let rtfStart = bytes.count
            try MessageLineCodec.unescape(field, appendingTo: &bytes, what: "rtf")
            rtf = rtfStart..<bytes.count
        })
        let hasFileLink = bytes.withUnsafeBufferPointer { Self.hasFileLink(UnsafeBufferPointer(rebasing: $0[content])) }
        items.append(Item(channelID: fixed.channelID, chatID: fixed.chatID, date: fixed.date, userID: fixed.userID,
                          isAlert: fixed.isAlert, content: content, rtf: rtf, line: line, hasFileLink: hasFileLink))
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

/// Messages.txt lines: `channelId TAB chatId TAB chatDate TAB userId TAB isAlert TAB content TAB rtf LF`.
/// Texts keep every byte: `\\`, `\t`, `\n`, `\r` escape themselves, a byte that is not part of
/// valid UTF-8 (and NUL) is `\xHH`, and an rtf of `\N` is NULL (an empty field is an empty rtf).
/// The file is therefore valid UTF-8 whatever the messages hold. Works on raw bytes for speed.
public enum MessageLineCodec {
    // MARK: Encoding

    public static func append(_ message: ExportedMessage, to out: inout [UInt8]) {
        appendNumber(Int64(message.channelID), to: &out)
        out.append(0x09)
        appendNumber(message.chatID, to: &out)
        out.append(0x09)
        appendNumber(message.date, to: &out)
        out.append(0x09)
        appendNumber(Int64(message.userID), to: &out)
        out.append(0x09)
        out.append(message.isAlert ? 0x31 : 0x30)
        out.append(0x09)
        message.content.withUnsafeBufferPointer { appendText($0, to: &out) }
        out.append(0x09)
        if let rtf = message.rtf {
            rtf.withUnsafeBufferPointer { appendText($0, to: &out) }
        } else {
            out.append(0x5C)
            out.append(0x4E)
        }
        out.append(0x0A)
    }

    /// Appends the fields of one row given as raw column buffers (the export's hot path: no
    /// arrays per message).
    public static func appendRow(channelID: Int64, chatID: Int64, date: Int64, userID: Int64, isAlert: Bool,
                                 content: UnsafeBufferPointer<UInt8>, rtf: UnsafeBufferPointer<UInt8>?, to out: inout [UInt8]) {
        appendNumber(channelID, to: &out)
        out.append(0x09)
        appendNumber(chatID, to: &out)
        out.append(0x09)
        appendNumber(date, to: &out)
        out.append(0x09)
        appendNumber(userID, to: &out)
        out.append(0x09)
        out.append(isAlert ? 0x31 : 0x30)
        out.append(0x09)
        appendText(content, to: &out)
        out.append(0x09)
        if let rtf { appendText(rtf, to: &out) } else { out.append(0x5C); out.append(0x4E) }
        out.append(0x0A)
    }

    static func appendNumber(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 {
            out.append(0x2D)
            if value == Int64.min { out += Array("9223372036854775808".utf8); return }
            appendNumber(-value, to: &out)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            while count > 0 {
                count -= 1
                out.append(buffer[count])
            }
        }
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func appendText(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var index = 0
        let count = bytes.count
        while index < count {
            // A run of printable ASCII and valid UTF-8 (most of any message) is copied at once.
            var end = index
            while end < count {
                let byte = bytes[end]
                if byte >= 0x20 && byte < 0x80 && byte != 0x5C {
                    end += 1
                } else if byte >= 0x80, case let length = validSequenceLength(bytes, at: end), length > 0 {
                    end += length
                } else {
                    break
                }
            }
            if end > index {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                if index == count { break }
            }
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x80 {
                if byte == 0x5C { out.append(0x5C); out.append(0x5C) } else { out.append(byte) }
                index += 1
                continue
            }
            if byte < 0x20 {
                switch byte {
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                default: appendHexEscape(byte, to: &out)
                }
                index += 1
                continue
            }
            let length = validSequenceLength(bytes, at: index)
            if length == 0 {
                appendHexEscape(byte, to: &out)
                index += 1
            } else {
                for offset in 0..<length { out.append(bytes[index + offset]) }
                index += length
            }
        }
    }

    private static func appendHexEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(0x5C)
        out.append(0x78)
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0x0F)])
    }

    /// The length of the valid UTF-8 sequence starting with a non-ASCII byte at `index`, or 0.
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let first = bytes[index]
        let count = bytes.count
        func continuation(_ offset: Int) -> UInt8? {
            guard index + offset < count else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? byte : nil
        }
        switch first {
        case 0xC2...0xDF:
            return continuation(1) != nil ? 2 : 0
        case 0xE0...0xEF:
            guard let second = continuation(1), continuation(2) != nil else { return 0 }
            if first == 0xE0 && second < 0xA0 { return 0 } // overlong
            if first == 0xED && second >= 0xA0 { return 0 } // surrogates
            return 3
        case 0xF0...0xF4:
            guard let second = continuation(1), continuation(2) != nil, continuation(3) != nil else { return 0 }
            if first == 0xF0 && second < 0x90 { return 0 }
            if first == 0xF4 && second >= 0x90 { return 0 }
            return 4
        default:
            return 0
        }
    }

    // MARK: Decoding

    public struct DecodeError: Error, Equatable {
        public let reason: String
    }

    /// The fixed fields of a line.
    struct Fixed {
        var channelID: Int
        var chatID: Int64
        var date: Int64
        var userID: Int
        var isAlert: Bool
    }

    /// Decodes one line (without its LF) into `message`, reusing its buffers.
    public static func decode(_ line: UnsafeBufferPointer<UInt8>, into message: inout ExportedMessage) throws {
        var rtfBytes = message.rtf ?? []
        var isNull = false
        let fixed = try decode(line, content: { try unescape($0, into: &message.content, what: "content") }, rtf: { field in
            if let field { try unescape(field, into: &rtfBytes, what: "rtf") } else { isNull = true }
        })
        message.channelID = fixed.channelID
        message.chatID = fixed.chatID
        message.date = fixed.date
        message.userID = fixed.userID
        message.isAlert = fixed.isAlert
        message.rtf = isNull ? nil : rtfBytes
    }

    /// Splits a line and checks it field by field, in order: the fixed fields, then `content`
    /// gets the raw content field, then `rtf` the raw rtf field (nil for `\N`, NULL). Both
    /// decoders share it, so a bad line gets the same error whichever reads it.
    static func decode(_ line: UnsafeBufferPointer<UInt8>, content: (UnsafeBufferPointer<UInt8>) throws -> Void,
                       rtf: (UnsafeBufferPointer<UInt8>?) throws -> Void) throws -> Fixed {
        var position = 0
        func field() throws -> UnsafeBufferPointer<UInt8> {
            guard position <= line.count else { throw DecodeError(reason: "it has too few fields (7 are needed)") }
            let start = position
            while position < line.count && line[position] != 0x09 { position += 1 }
            let slice = UnsafeBufferPointer(rebasing: line[start..<position])
            position += 1
            return slice
        }
        let channelID = Int(try number(try field(), "channelId"))
        let chatID = try number(try field(), "chatId")
        let date = try number(try field(), "chatDate")
        let userID = Int(try number(try field(), "userId"))
        let alert = try field()
        guard alert.count == 1, alert[0] == 0x30 || alert[0] == 0x31 else { throw DecodeError(reason: "isAlert is not 0 or 1") }
        try content(try field())
        let rtfField = try field()
        guard position > line.count else { throw DecodeError(reason: "it has more than 7 fields") }
        try rtf(rtfField.count == 2 && rtfField[0] == 0x5C && rtfField[1] == 0x4E ? nil : rtfField)
        return Fixed(channelID: channelID, chatID: chatID, date: date, userID: userID, isAlert: alert[0] == 0x31)
    }

    static func number(_ field: UnsafeBufferPointer<UInt8>, _ name: String) throws -> Int64 {
        guard !field.isEmpty, field.count <= 20 else { throw DecodeError(reason: "\(name) is not a number") }
        var index = 0
        var negative = false
        if field[0] == 0x2D { negative = true; index = 1 }
        guard index < field.count else { throw DecodeError(reason: "\(name) is not a number") }
        var value: Int64 = 0
        // Up to 18 digits cannot overflow: no checks per digit (ids and ticks all fit).
        let checked = field.count - index > 18
        while index < field.count {
            let digit = field[index] &- 0x30
            guard digit <= 9 else { throw DecodeError(reason: "\(name) is not a number") }
            if checked {
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int64(digit))
                guard !overflow1 && !overflow2 else { throw DecodeError(reason: "\(name) is out of range") }
                value = sum
            } else {
                value = value &* 10 &+ Int64(digit)
            }
            index += 1
        }
        return negative ? -value : value
    }

    static func unescape(_ field: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], what: String) throws {
        out.removeAll(keepingCapacity: true)
        try unescape(field, appendingTo: &out, what: what)
    }

    /// Appends the bytes `field` stands for to `out`.
    static func unescape(_ field: UnsafeBufferPointer<UInt8>, appendingTo out: inout [UInt8], what: String) throws {
        var index = 0
        let count = field.count
        while index < count {
            // A run of printable ASCII and valid UTF-8 (most of any message) is copied at once.
            var end = index
            while end < count {
                let byte = field[end]
                if byte >= 0x20 && byte < 0x80 && byte != 0x5C {
                    end += 1
                } else if byte >= 0x80, case let length = validSequenceLength(field, at: end), length > 0 {
                    end += length
                } else {
                    break
                }
            }
            if end > index {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: field[index..<end]))
                index = end
                if index == count { break }
            }
            let byte = field[index]
            guard byte == 0x5C else {
                if byte < 0x20 { throw DecodeError(reason: "\(what) holds an unescaped control character") }
                throw DecodeError(reason: "\(what) is not valid UTF-8")
            }
            guard index + 1 < count else { throw DecodeError(reason: "\(what) ends with a lone backslash") }
            switch field[index + 1] {
            case 0x5C: out.append(0x5C)
            case 0x74: out.append(0x09)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x78:
                guard index + 3 < count, let high = hexValue(field[index + 2]), let low = hexValue(field[index + 3]) else {
                    throw DecodeError(reason: "\(what) has a \\x escape without two hex digits")
                }
                out.append(high << 4 | low)
                index += 4
                continue
            default:
                throw DecodeError(reason: "\(what) has the unknown escape \\\(Character(Unicode.Scalar(field[index + 1])))")
            }
            index += 2
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

import Foundation
import Testing
@testable import LyncDeployment

@Suite("Messages.txt line codec")
struct MessageLineCodecTests {
    func roundTrip(_ message: ExportedMessage) throws -> (ExportedMessage, [UInt8]) {
        var line: [UInt8] = []
        MessageLineCodec.append(message, to: &line)
        #expect(line.last == 0x0A)
        #expect(String(bytes: line, encoding: .utf8) != nil, "the line must be valid UTF-8")
        var decoded = ExportedMessage(channelID: 0, chatID: 0, date: 0, userID: 0, isAlert: false, content: [9, 9], rtf: [1])
        try line.dropLast().withUnsafeBufferPointer { try MessageLineCodec.decode($0, into: &decoded) }
        return (decoded, line)
    }

    @Test("Every byte survives: invalid UTF-8, controls, tabs, backslashes, NUL; empty is not NULL")
    func bytesSurvive() throws {
        let content: [UInt8] = Array("tab\there\\ new\nline\r é €".utf8) + [0x00, 0x01, 0x7F, 0xFF, 0xC3]
        let rtf: [UInt8] = Array(#"{\rtf1 Caf"#.utf8) + [0xE9, 0x7D, 0x0A]
        let message = ExportedMessage(channelID: 12, chatID: 9_000_000_000, date: 633_979_008_000_000_000, userID: 7, isAlert: true,
                                      content: content, rtf: rtf)
        let (decoded, _) = try roundTrip(message)
        #expect(decoded == message)
        let empty = ExportedMessage(channelID: 1, chatID: 1, date: 0, userID: 1, isAlert: false, content: [], rtf: [])
        #expect(try roundTrip(empty).0 == empty)
        let null = ExportedMessage(channelID: 1, chatID: 2, date: -5, userID: 1, isAlert: false, content: [], rtf: nil)
        let (decodedNull, line) = try roundTrip(null)
        #expect(decodedNull == null)
        #expect(String(decoding: line, as: UTF8.self).hasSuffix("\t\\N\n"))
    }

    @Test("Malformed lines are refused with a reason", arguments: [
        "1\t2\t3\t4\t0\tx", "1\t2\t3\t4\t2\tx\t\\N", "a\t2\t3\t4\t0\tx\t\\N", "1\t2\t3\t4\t0\tbad\\q\t\\N",
        "1\t2\t3\t4\t0\tx\t\\N\textra", "1\t2\t3\t4\t0\t\\x4\t\\N",
    ])
    func malformed(_ text: String) {
        var message = ExportedMessage(channelID: 0, chatID: 0, date: 0, userID: 0, isAlert: false, content: [], rtf: nil)
        #expect(throws: MessageLineCodec.DecodeError.self) {
            try Array(text.utf8).withUnsafeBufferPointer { try MessageLineCodec.decode($0, into: &message) }
        }
    }

    @Test("Raw invalid UTF-8 in the file itself is refused")
    func rawInvalidUtf8() {
        var message = ExportedMessage(channelID: 0, chatID: 0, date: 0, userID: 0, isAlert: false, content: [], rtf: nil)
        let line = Array("1\t2\t3\t4\t0\t".utf8) + [0xFF] + Array("\t\\N".utf8)
        #expect(throws: MessageLineCodec.DecodeError.self) { try line.withUnsafeBufferPointer { try MessageLineCodec.decode($0, into: &message) } }
    }
}

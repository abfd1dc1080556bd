import Foundation
import PSRuntime

/// The `-Encoding` values of PowerShell 7's content, CSV and Out-File cmdlets (`utf8` and
/// `default` write no byte-order mark; `ansi`, `oem` and `latin1` write one byte per character).
enum TextEncoding: String, ParameterEnum {
    case ascii, ansi, bigendianunicode, bigendianutf32, oem, unicode, utf7, utf8, utf8BOM, utf8NoBOM, utf32, latin1, `default`

    static var parameterTypeName: String { "Encoding" }

    /// Bytes for text in this encoding, with a byte-order mark when the encoding writes one.
    func encode(_ text: String, withPreamble: Bool) -> Data {
        var data = Data()
        if withPreamble { data.append(contentsOf: preamble) }
        switch self {
        case .ascii:
            data.append(contentsOf: text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : UInt8(ascii: "?") })
        case .ansi, .oem, .latin1:
            data.append(contentsOf: text.unicodeScalars.map { $0.value < 0x100 ? UInt8($0.value) : UInt8(ascii: "?") })
        case .unicode:
            for unit in text.utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
        case .bigendianunicode:
            for unit in text.utf16 { data.append(UInt8(unit >> 8)); data.append(UInt8(unit & 0xFF)) }
        case .utf32:
            for s in text.unicodeScalars { withUnsafeBytes(of: s.value.littleEndian) { data.append(contentsOf: $0) } }
        case .bigendianutf32:
            for s in text.unicodeScalars { withUnsafeBytes(of: s.value.bigEndian) { data.append(contentsOf: $0) } }
        case .utf7, .utf8, .utf8BOM, .utf8NoBOM, .default:
            data.append(contentsOf: Array(text.utf8))
        }
        return data
    }

    /// The byte-order mark this encoding writes at the start of a new file.
    var preamble: [UInt8] {
        switch self {
        case .utf8BOM: return [0xEF, 0xBB, 0xBF]
        case .unicode: return [0xFF, 0xFE]
        case .bigendianunicode: return [0xFE, 0xFF]
        case .utf32: return [0xFF, 0xFE, 0x00, 0x00]
        case .bigendianutf32: return [0x00, 0x00, 0xFE, 0xFF]
        default: return []
        }
    }

    /// Decodes file bytes. A byte-order mark wins over the requested encoding, as in .NET readers.
    static func decode(_ data: Data, as requested: TextEncoding?) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return decodeUTF32(bytes.dropFirst(4), bigEndian: false) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return decodeUTF32(bytes.dropFirst(4), bigEndian: true) }
        if bytes.starts(with: [0xFF, 0xFE]) { return decodeUTF16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return decodeUTF16(bytes.dropFirst(2), bigEndian: true) }
        switch requested {
        case .unicode: return decodeUTF16(bytes[...], bigEndian: false)
        case .bigendianunicode: return decodeUTF16(bytes[...], bigEndian: true)
        case .utf32: return decodeUTF32(bytes[...], bigEndian: false)
        case .bigendianutf32: return decodeUTF32(bytes[...], bigEndian: true)
        case .ascii: return String(decoding: bytes.map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        case .ansi, .oem, .latin1: return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        default: return String(decoding: bytes, as: UTF8.self)
        }
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func decodeUTF32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        var i = bytes.startIndex
        while i + 3 < bytes.endIndex {
            let b = [UInt32(bytes[i]), UInt32(bytes[i + 1]), UInt32(bytes[i + 2]), UInt32(bytes[i + 3])]
            let value = bigEndian ? (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) : (b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0])
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            i += 4
        }
        return String(scalars)
    }
}

/// Reading and writing whole text files for the content and CSV cmdlets.
enum TextFiles {
    static func read(_ path: String, encoding: TextEncoding?) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return decode(data, encoding)
    }

    static func decode(_ data: Data, _ encoding: TextEncoding?) -> String { TextEncoding.decode(data, as: encoding) }

    /// Writes (or appends) text. Appending never writes a byte-order mark.
    static func write(_ text: String, to path: String, encoding: TextEncoding, append: Bool) throws {
        let fm = FileManager.default
        if append, fm.fileExists(atPath: path) {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: encoding.encode(text, withPreamble: false))
        } else {
            try encoding.encode(text, withPreamble: true).write(to: URL(fileURLWithPath: path))
        }
    }

    /// A short reason for a failed file operation, from the underlying error.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message)
        }
        return ns.localizedDescription
    }
}

import Foundation
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Converts the fields of a bcp character-format row to SQLite values and binds them to a
/// prepared INSERT through the C API (no per-row objects: a million rows load in seconds).
///
/// bcp's convention, which its documentation states for `out`: an empty field is NULL, and an
/// empty string is written as a single NUL character. Numbers and bits are decimal text,
/// datetime is `yyyy-mm-dd hh:mm:ss.fff`, binary is hexadecimal text.
struct LegacyBcpFieldBinder {
    let handle: OpaquePointer
    let codePage: LegacyGroupChatBcpLoader.CodePage
    private var scratch: [UInt8] = []

    init(handle: OpaquePointer, codePage: LegacyGroupChatBcpLoader.CodePage) {
        self.handle = handle
        self.codePage = codePage
        scratch.reserveCapacity(1024)
    }

    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    mutating func bind<Unit: FixedWidthInteger & UnsignedInteger>(
        _ field: UnsafeBufferPointer<Unit>, as column: LegacyBcpColumn, at index: Int32
    ) throws(LegacyBcpFieldProblem) {
        if field.isEmpty {
            guard !column.notNull else {
                throw LegacyBcpFieldProblem(what: "is empty, which bcp writes for NULL, but \(column.name) cannot be NULL",
                                            fix: "Check that the file belongs to this table and that its columns are in the contract's order (docs/legacy-bcp.md).")
            }
            sqlite3_bind_null(handle, index)
            return
        }
        let isEmptyString = field.count == 1 && field[0] == 0
        switch column.kind {
        case .integer:
            guard !isEmptyString else {
                throw LegacyBcpFieldProblem(what: "holds an empty string (a single NUL), not a number",
                                            fix: "Check that the file belongs to this table and that its columns are in the contract's order (docs/legacy-bcp.md).")
            }
            sqlite3_bind_int64(handle, index, try Self.integer(field, column: column))
        case .blob:
            if isEmptyString {
                sqlite3_bind_zeroblob(handle, index, 0)
            } else {
                try hexBytes(field, column: column)
                scratch.withUnsafeBytes { _ = sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), Self.transient) }
            }
        case .text:
            if isEmptyString {
                sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            if column.isGuid { try Self.checkGuid(field) }
            try bindText(field, at: index)
        }
    }

    // MARK: Text

    private mutating func bindText<Unit: FixedWidthInteger & UnsignedInteger>(
        _ field: UnsafeBufferPointer<Unit>, at index: Int32
    ) throws(LegacyBcpFieldProblem) {
        let raw = UnsafeRawBufferPointer(field)
        if Unit.bitWidth == 16 {
            let units = raw.assumingMemoryBound(to: UInt16.self)
            if let offset = Self.invalidUTF16Offset(units) {
                throw LegacyBcpFieldProblem(what: "has a broken UTF-16 surrogate pair at character \(offset + 1)",
                                            fix: "Export the table again with -w; the file may have been changed after bcp wrote it.")
            }
            sqlite3_bind_text16(handle, index, raw.baseAddress, Int32(raw.count), Self.transient)
            return
        }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        switch codePage {
        case .utf8:
            if let offset = Self.invalidUTF8Offset(bytes) {
                throw LegacyBcpFieldProblem(
                    what: "is not UTF-8 text (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at byte \(offset + 1))",
                    fix: "bcp -c writes the server's code page unless given -C 65001: load the files with -CodePage Windows1252, or export them again with -C 65001 or with -w.")
            }
            sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                              Int32(bytes.count), Self.transient)
        case .windows1252:
            scratch.removeAll(keepingCapacity: true)
            for byte in bytes { Self.appendWindows1252(byte, to: &scratch) }
            // Never empty: a non-empty field makes at least one byte.
            scratch.withUnsafeBytes { buffer in
                _ = sqlite3_bind_text(handle, index, buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(buffer.count), Self.transient)
            }
        }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func invalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int, minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
            default: return index
            }
            guard index + length <= count else { return index }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }

    /// The offset of the first lone surrogate, or nil.
    static func invalidUTF16Offset(_ units: UnsafeBufferPointer<UInt16>) -> Int? {
        var index = 0
        while index < units.count {
            let unit = units[index]
            if unit & 0xFC00 == 0xD800 {
                guard index + 1 < units.count, units[index + 1] & 0xFC00 == 0xDC00 else { return index }
                index += 2
            } else if unit & 0xFC00 == 0xDC00 {
                return index
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Windows-1252 (SQL_Latin1_General_CP1's code page) differs from Latin-1 in 0x80-0x9F.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func appendWindows1252(_ byte: UInt8, to output: inout [UInt8]) {
        if byte < 0x80 { output.append(byte); return }
        let scalar = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
        output.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
    }

    // MARK: Numbers, dates, GUIDs, binary

    static func integer<Unit: FixedWidthInteger & UnsignedInteger>(
        _ field: UnsafeBufferPointer<Unit>, column: LegacyBcpColumn
    ) throws(LegacyBcpFieldProblem) -> Int64 {
        var index = 0
        let negative = field[0] == Unit(UInt8(ascii: "-"))
        if negative || field[0] == Unit(UInt8(ascii: "+")) { index = 1 }
        var value: Int64 = 0
        var valid = index < field.count
        while index < field.count && valid {
            let digit = Int64(field[index]) - 48
            guard (0...9).contains(digit) else { valid = false; break }
            let (scaled, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = scaled.addingReportingOverflow(negative ? -digit : digit)
            guard !overflow1 && !overflow2 else { valid = false; break }
            value = sum
            index += 1
        }
        if valid { return value }
        let text = display(field)
        if column.isTimestamp {
            if let ticks = ticks(field) { return ticks }
            throw LegacyBcpFieldProblem(what: "'\(text)' is neither a number of ticks nor a valid date and time (yyyy-mm-dd hh:mm:ss.fff)",
                                        fix: "Correct the value in the source table, or export the column as it is stored (bigint ticks).")
        }
        throw LegacyBcpFieldProblem(what: "'\(text)' is not a whole number",
                                    fix: "Check that the file belongs to this table and that its columns are in the contract's order (docs/legacy-bcp.md).")
    }

    /// A bcp datetime (`yyyy-mm-dd hh:mm:ss[.fffffff]`, UTC) as .NET ticks, or nil.
    static func ticks<Unit: FixedWidthInteger & UnsignedInteger>(_ field: UnsafeBufferPointer<Unit>) -> Int64? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= field.count else { return nil }
            var value = 0
            for index in range {
                let digit = Int(field[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        func unit(_ index: Int, _ character: Character) -> Bool { index < field.count && field[index] == Unit(character.asciiValue!) }
        guard field.count >= 19, unit(4, "-"), unit(7, "-"), unit(10, " ") || unit(10, "T"), unit(13, ":"), unit(16, ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              year >= 1, (1...12).contains(month), hour < 24, minute < 60, second < 60 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...monthDays[month - 1]).contains(day) else { return nil }
        var fraction: Int64 = 0
        if field.count > 19 {
            guard unit(19, "."), field.count > 20, field.count <= 27, let digits = number(20..<field.count) else { return nil }
            fraction = Int64(digits)
            for _ in 0..<(7 - (field.count - 20)) { fraction *= 10 }
        }
        // Days since 0001-01-01 in the proleptic Gregorian calendar.
        let y = year - 1
        let days = y * 365 + y / 4 - y / 100 + y / 400 + monthDays.prefix(month - 1).reduce(0, +) + day - 1
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return seconds * 10_000_000 + fraction
    }

    static func checkGuid<Unit: FixedWidthInteger & UnsignedInteger>(_ field: UnsafeBufferPointer<Unit>) throws(LegacyBcpFieldProblem) {
        var valid = field.count == 36
        if valid {
            for (index, unit) in field.enumerated() {
                let isHyphen = unit == Unit(UInt8(ascii: "-"))
                if [8, 13, 18, 23].contains(index) ? !isHyphen : hexValue(unit) == nil { valid = false; break }
            }
        }
        guard valid else {
            throw LegacyBcpFieldProblem(what: "'\(display(field))' is not a GUID (8-4-4-4-12 hexadecimal digits)",
                                        fix: "Check that the file belongs to this table and that its columns are in the contract's order (docs/legacy-bcp.md).")
        }
    }

    /// Decodes bcp's hexadecimal text for binary columns into `scratch`.
    private mutating func hexBytes<Unit: FixedWidthInteger & UnsignedInteger>(
        _ field: UnsafeBufferPointer<Unit>, column: LegacyBcpColumn
    ) throws(LegacyBcpFieldProblem) {
        scratch.removeAll(keepingCapacity: true)
        var index = 0
        if field.count >= 2 && field[0] == Unit(UInt8(ascii: "0")) && (field[1] | 0x20) == Unit(UInt8(ascii: "x")) { index = 2 }
        var valid = (field.count - index) % 2 == 0
        while valid && index < field.count {
            guard let high = Self.hexValue(field[index]), let low = Self.hexValue(field[index + 1]) else { valid = false; break }
            scratch.append(high << 4 | low)
            index += 2
        }
        guard valid else {
            throw LegacyBcpFieldProblem(
                what: "'\(Self.display(field))' is not hexadecimal bytes, which is how bcp writes a binary column",
                fix: "Export \(column.name) as binary: SELECT CAST(\(column.name) AS varbinary(max)) in the bcp queryout command (docs/legacy-bcp.md).")
        }
    }

    static func hexValue<Unit: FixedWidthInteger & UnsignedInteger>(_ unit: Unit) -> UInt8? {
        switch unit {
        case 48...57: UInt8(unit - 48)
        case 65...70: UInt8(unit - 55)
        case 97...102: UInt8(unit - 87)
        default: nil
        }
    }

    /// A field's text for a message: at most 40 characters, control characters shown as `\u{…}`.
    static func display<Unit: FixedWidthInteger & UnsignedInteger>(_ field: UnsafeBufferPointer<Unit>) -> String {
        let prefix = field.prefix(40)
        let text: String
        if Unit.bitWidth == 16 {
            text = String(decoding: prefix.map { UInt16($0) }, as: UTF16.self)
        } else {
            text = String(decoding: prefix.map { UInt8($0) }, as: UTF8.self)
        }
        let shown = text.unicodeScalars.map { $0.value < 0x20 ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
        return field.count > 40 ? shown + "…" : shown
    }
}

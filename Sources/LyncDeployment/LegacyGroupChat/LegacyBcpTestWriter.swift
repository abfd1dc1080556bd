import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Writes the tables of a legacy Group Chat database as bcp would export them in a character
/// format, one `<table>.bcp` per table: the stand-in for a real SQL Server export in tests and
/// trials of LegacyGroupChatBcpLoader. Integers as decimal text, NULL as an empty field, an
/// empty string as a single NUL, binary as upper-case hexadecimal, every row terminated (also
/// the last). Values are written as they are: a tab or line break inside one makes a file that
/// bcp would also have made, and that the loader must refuse.
public struct LegacyBcpTestWriter: Sendable {
    public var format: LegacyGroupChatBcpLoader.Format
    /// Character files only: the text encoding.
    public var codePage: LegacyGroupChatBcpLoader.CodePage
    /// `\r\n` (bcp on Windows) or `\n` after each row.
    public var crlf: Bool
    /// Unicode files only: the UTF-16 byte-order mark bcp -w puts first.
    public var byteOrderMark: Bool
    /// Code units as bcp's -t and -r would put them (the row terminator's final `\n` follows `crlf`).
    public var fieldTerminator: String
    public var rowTerminator: String
    public var fileExtension: String

    public init(format: LegacyGroupChatBcpLoader.Format, codePage: LegacyGroupChatBcpLoader.CodePage = .utf8, crlf: Bool = true,
                byteOrderMark: Bool = true, fieldTerminator: String = "\t", rowTerminator: String = "\n", fileExtension: String = "bcp") {
        self.format = format
        self.codePage = codePage
        self.crlf = crlf
        self.byteOrderMark = byteOrderMark
        self.fieldTerminator = fieldTerminator
        self.rowTerminator = rowTerminator
        self.fileExtension = fileExtension
    }

    /// Writes every contract table of the database at `source` into `folder` (created if
    /// needed); returns the rows written per table.
    @discardableResult
    public func write(from source: String, to folder: String, tables: [String]? = nil) throws -> [String: Int] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let queue = try LegacyGroupChatDatabase.openReadOnly(source)
        defer { try? queue.close() }
        var counts: [String: Int] = [:]
        try queue.read { db in
            for (table, columns) in LegacyGroupChatSchema.requiredColumns where tables?.contains(table) ?? true {
                let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let statement = try db.makeStatement(sql: "SELECT \(list) FROM \(table) ORDER BY rowid")
                var output: [UInt8] = []
                if format == .unicode && byteOrderMark { output += [0xFF, 0xFE] }
                let handle = statement.sqliteStatement
                var rows = 0
                while sqlite3_step(handle) == SQLITE_ROW {
                    for index in 0..<Int32(columns.count) {
                        if index > 0 { append(fieldTerminator, to: &output) }
                        appendValue(handle, index, to: &output)
                    }
                    append(crlf ? rowTerminator.replacingOccurrences(of: "\n", with: "\r\n") : rowTerminator, to: &output)
                    rows += 1
                }
                try Data(output).write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(table).\(fileExtension)"))
                counts[table] = rows
            }
        }
        return counts
    }

    private func appendValue(_ handle: OpaquePointer, _ index: Int32, to output: inout [UInt8]) {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL:
            return
        case SQLITE_INTEGER, SQLITE_FLOAT:
            let count = Int(sqlite3_column_bytes(handle, index))
            for byte in UnsafeBufferPointer(start: sqlite3_column_text(handle, index), count: count) { appendASCII(byte, to: &output) }
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return appendNul(to: &output) }
            let digits = Array("0123456789ABCDEF".utf8)
            for byte in UnsafeRawBufferPointer(start: bytes, count: count) {
                appendASCII(digits[Int(byte >> 4)], to: &output)
                appendASCII(digits[Int(byte & 0x0F)], to: &output)
            }
        default:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let text = sqlite3_column_text(handle, index) else { return appendNul(to: &output) }
            let utf8 = UnsafeBufferPointer(start: text, count: count)
            switch (format, codePage) {
            case (.unicode, _):
                for unit in String(decoding: utf8, as: UTF8.self).utf16 { output += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            case (_, .windows1252):
                for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars { output.append(Self.windows1252Byte(scalar)) }
            default:
                // Raw bytes: invalid UTF-8 in the source stays invalid, as a code-page export would be.
                output += utf8
            }
        }
    }

    /// bcp's empty string: one NUL character.
    private func appendNul(to output: inout [UInt8]) {
        output += format == .unicode ? [0, 0] : [0]
    }

    private func appendASCII(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(byte)
        if format == .unicode { output.append(0) }
    }

    private func append(_ text: String, to output: inout [UInt8]) {
        if format == .unicode {
            for unit in text.utf16 { output += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        } else {
            output += text.utf8
        }
    }

    /// Windows-1252 byte of `scalar` (`?` where the code page has none, as Windows converts).
    static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8 {
        if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) { return UInt8(scalar.value) }
        if let index = LegacyBcpFieldBinder.windows1252High.firstIndex(of: scalar.value) { return UInt8(0x80 + index) }
        return UInt8(ascii: "?")
    }
}

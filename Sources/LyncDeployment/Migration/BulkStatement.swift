import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// A prepared INSERT run through SQLite's C API for the import's high-volume rows (principals,
/// affiliations, roles): binding values one by one costs a fraction of building GRDB argument
/// arrays per row, and rows are written many per statement (SQLite's cost per statement run is
/// larger than its cost per row). Rows wait until a group is full; `finish()` writes the rest,
/// and must run before anything reads or deletes rows of the table. Rows are written in the
/// order they come, so OR IGNORE and OR REPLACE behave as with one statement per row.
final class BulkStatement {
    static let rowsPerStatement = 64

    private let single: Statement
    private let multiple: Statement
    private let columns: Int
    private var pending: [BulkValue] = []

    /// `insert` is the statement up to VALUES, `row` one row's parenthesised values, with `?`
    /// for each value `run` binds (constants allowed).
    init(_ db: Database, insert: String, row: String) throws {
        single = try db.makeStatement(sql: "\(insert) \(row)")
        multiple = try db.makeStatement(sql: "\(insert) " + Array(repeating: row, count: Self.rowsPerStatement).joined(separator: ", "))
        columns = Int(sqlite3_bind_parameter_count(single.sqliteStatement))
        pending.reserveCapacity(columns * Self.rowsPerStatement)
    }

    /// Queues one row: `values` (Int64, Int, String or nil) bind to its `?`s in order.
    func run(_ values: BulkValue...) throws {
        precondition(values.count == columns, "a row of \(columns) values was expected")
        pending.append(contentsOf: values)
        if pending.count == columns * Self.rowsPerStatement {
            try step(multiple, pending)
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Writes the rows still queued.
    func finish() throws {
        defer { pending.removeAll(keepingCapacity: true) }
        var start = 0
        while start < pending.count {
            try step(single, pending[start..<start + columns])
            start += columns
        }
    }

    private func step(_ statement: Statement, _ values: some Collection<BulkValue>) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .integer(let number): sqlite3_bind_int64(handle, index, number)
            case .text(let text):
                // SQLITE_TRANSIENT: SQLite copies the text before the closure's buffer goes away.
                _ = text.utf8.withContiguousStorageIfAvailable { bytes in
                    sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), BulkStatement.transient)
                } ?? sqlite3_bind_text(handle, index, text, -1, BulkStatement.transient)
            case .null: sqlite3_bind_null(handle, index)
            }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                                sql: statement.sql)
        }
    }

    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}

/// One value for `BulkStatement.run`.
enum BulkValue: ExpressibleByIntegerLiteral {
    case integer(Int64)
    case text(String)
    case null

    init(integerLiteral value: Int64) { self = .integer(value) }
    static func int(_ value: Int) -> BulkValue { .integer(Int64(value)) }
    static func int(_ value: Int64?) -> BulkValue { value.map { .integer($0) } ?? .null }
    static func string(_ value: String?) -> BulkValue { value.map { .text($0) } ?? .null }
}

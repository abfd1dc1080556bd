import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// A prepared INSERT run through SQLite's C API for the import's high-volume rows (principals,
/// affiliations, roles): binding values one by one costs a fraction of building GRDB argument
/// arrays per row. Values bind by position, starting at 1.
struct BulkStatement {
    private let handle: OpaquePointer
    private let statement: Statement

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    /// Binds `values` (Int64, Int, Bool, String or nil) and runs the statement once.
    func run(_ values: BulkValue...) throws {
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

import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Inserts messages into tblChat through the C API, many rows per statement: SQLite's cost per
/// statement run (cursors opened and closed, the program started and halted) is larger than the
/// cost of a row, so one INSERT of 128 rows does the work of 128 single-row INSERTs in about half
/// the time. Rows wait in `pending` until `flush()`, which the caller runs before the bytes
/// they point into go away. A failing multi-row statement is replayed row by row so the error
/// names the message (SQLite has backed the failed statement out, the transaction stays).
/// A struct: a class's stored properties would be checked for exclusive access on every row.
struct MessageInserter {
    struct Row {
        var room: Int64
        var author: Int64
        var chatID: Int64
        var date: Int64
        var isAlert: Bool
        var content: UnsafeBufferPointer<UInt8>
        /// nil: NULL.
        var rtf: UnsafeBufferPointer<UInt8>?
        /// For error messages: the line of Messages.txt and the room id in the file.
        var line: Int
        var sourceRoom: Int
    }

    static let rowsPerStatement = 128
    static let columns = "INSERT INTO tblChat (channelId, chatId, chatDate, userId, isAlert, content, rtf) VALUES "

    private let single: Statement
    private let multiple: Statement
    private var pending: [Row] = []
    private(set) var written = 0

    init(_ db: Database) throws {
        single = try db.makeStatement(sql: Self.columns + "(?, ?, ?, ?, ?, ?, ?)")
        multiple = try db.makeStatement(sql: Self.columns + Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: Self.rowsPerStatement).joined(separator: ", "))
        pending.reserveCapacity(Self.rowsPerStatement)
    }

    /// Queues a row; its buffers must stay valid until the next `flush()`.
    mutating func add(_ row: Row) throws {
        pending.append(row)
        if pending.count == Self.rowsPerStatement { try flush() }
    }

    /// Writes every queued row: full groups in one statement, the rest one by one.
    mutating func flush() throws {
        defer { pending.removeAll(keepingCapacity: true) }
        if pending.count == Self.rowsPerStatement {
            let handle = multiple.sqliteStatement
            sqlite3_reset(handle)
            for (index, row) in pending.enumerated() { Self.bind(row, to: handle, at: Int32(index * 7)) }
            if sqlite3_step(handle) == SQLITE_DONE {
                written += pending.count
                return
            }
            sqlite3_reset(handle)
        }
        for row in pending {
            try insertOne(row)
            written += 1
        }
    }

    private func insertOne(_ row: Row) throws {
        let handle = single.sqliteStatement
        sqlite3_reset(handle)
        Self.bind(row, to: handle, at: 0)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let reason = String(cString: sqlite3_errstr(code))
            throw DeploymentError(code == SQLITE_CONSTRAINT ? .invalidData : .writeError, id: code == SQLITE_CONSTRAINT ? "DuplicateMessage" : "ImportWriteFailed",
                                  "Messages.txt line \(row.line): message \(row.chatID) of room \(row.sourceRoom) cannot be written: \(reason)\(code == SQLITE_CONSTRAINT ? " (the room already has a message with this chatId, or the file lists it twice)" : ""). Nothing was written.",
                                  target: ChatExportFormat.messages)
        }
    }

    /// Binds one row's seven values after `offset` parameters. SQLITE_STATIC (nil): the bytes
    /// outlive the step. An empty buffer may have no address; SQLite needs one for an empty (not
    /// NULL) value.
    private static func bind(_ row: Row, to handle: OpaquePointer, at offset: Int32) {
        sqlite3_bind_int64(handle, offset + 1, row.room)
        sqlite3_bind_int64(handle, offset + 2, row.chatID)
        sqlite3_bind_int64(handle, offset + 3, row.date)
        sqlite3_bind_int64(handle, offset + 4, row.author)
        sqlite3_bind_int64(handle, offset + 5, row.isAlert ? 1 : 0)
        let content = row.content.count > 0 ? UnsafeRawPointer(row.content.baseAddress!) : UnsafeRawPointer(emptyBytes)
        sqlite3_bind_text(handle, offset + 6, content.assumingMemoryBound(to: CChar.self), Int32(row.content.count), nil)
        if let rtf = row.rtf {
            sqlite3_bind_blob(handle, offset + 7, rtf.count > 0 ? UnsafeRawPointer(rtf.baseAddress!) : UnsafeRawPointer(emptyBytes), Int32(rtf.count), nil)
        } else {
            sqlite3_bind_null(handle, offset + 7)
        }
    }

    /// A static, NUL-terminated empty string for empty texts and blobs.
    nonisolated(unsafe) static let emptyBytes: UnsafeMutablePointer<CChar> = strdup("")!
}

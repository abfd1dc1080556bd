import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

extension Database {
    /// Keeps the write-ahead log and its index on disk when the last connection closes. A
    /// write-ahead-logged database can only be read by someone who may not create files beside
    /// it (a read-only home, another account's files) when both files are already there.
    /// The log is cut to nothing when it is reset and at the last close: a kept log holding old
    /// pages would otherwise be laid over a database file copied into its place.
    func keepWriteAheadLogFiles() throws {
        try execute(sql: "PRAGMA journal_size_limit = 0")
        var persist: Int32 = 1
        sqlite3_file_control(sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
    }
}

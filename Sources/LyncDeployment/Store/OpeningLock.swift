import Foundation

/// Serialises the opening of a database across processes: schema migrations, the switch to
/// write-ahead logging and first-use seeding run by one process at a time, so several commands
/// making their first call at once do not race (the others wait, then find the work done).
/// An flock(2) on a lock file beside the database, not on the database itself: closing a second
/// descriptor of an SQLite file would drop SQLite's own locks on it.
enum OpeningLock {
    static func lockFile(for database: URL) -> URL {
        database.deletingLastPathComponent().appendingPathComponent(".\(database.lastPathComponent).lock")
    }

    static func withLock<T>(for database: URL, _ body: () throws -> T) throws -> T {
        let path = lockFile(for: database).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            // A folder we cannot create files in: go on without the lock (a read-only home can
            // still be read; a writer will report the folder itself).
            return try body()
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { return try body() }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}

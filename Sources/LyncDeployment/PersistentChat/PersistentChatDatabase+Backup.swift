import Foundation
import GRDB

extension PersistentChatDatabase {
    /// What a backup wrote.
    public struct Backup: Sendable, Equatable {
        public var file: URL
        /// The copy's size in bytes.
        public var size: Int64
        public var time: Date
    }

    /// A consistent copy of the whole database into `file`, taken online (`VACUUM INTO`: one
    /// read transaction, so writers carry on and the copy is the database as of one moment).
    /// The copy is written beside `file` and renamed into place once complete, so an interrupted
    /// backup never leaves a partial file under its name. An existing file is an error unless
    /// `replacing`. Both Import-CsPersistentChatData's pre-import backup and
    /// Backup-CsPersistentChatDatabase use it.
    @discardableResult
    public func backUp(to file: URL, replacing: Bool = false) throws -> Backup {
        let manager = FileManager.default
        guard replacing || !manager.fileExists(atPath: file.path) else {
            throw DeploymentError(.resourceExists, id: "BackupExists",
                                  "The backup file '\(file.path)' already exists; a backup does not replace a file unless told to. Choose another path or remove the file.",
                                  target: file.path)
        }
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: file.path, isDirectory: &isFolder), isFolder.boolValue {
            throw DeploymentError(.invalidArgument, id: "BackupPathIsFolder",
                                  "'\(file.path)' is a folder; name the backup file to write.", target: file.path)
        }
        let partial = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString.prefix(8)).partial")
        do {
            try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            defer { try? manager.removeItem(at: partial) }
            let time = Date()
            try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial.path]) }
            if rename(partial.path, file.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            let size = (try manager.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.int64Value ?? 0
            return Backup(file: file, size: size, time: time)
        } catch {
            throw DeploymentError(.writeError, id: "BackupFailed",
                                  "Backing up '\(self.file.path)' to '\(file.path)' failed: \((error as? DatabaseError)?.message ?? "\(error)"). No backup was written.",
                                  target: file.path)
        }
    }
}

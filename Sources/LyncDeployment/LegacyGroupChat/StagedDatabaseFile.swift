import Foundation

/// A database written under a hidden name beside its destination and renamed into place only
/// when complete, so a failed or killed run leaves the old file (or none), never half of one.
struct StagedDatabaseFile {
    let destination: String
    /// Where the database is built.
    let partial: String

    /// Refuses an existing destination unless `overwrite` (and a folder always), and makes the
    /// destination's folder.
    init(destination path: String, overwrite: Bool) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue || !overwrite {
            try LegacyGroupChatWriter.prepareNewFile(path, overwrite: false)
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        destination = path
        partial = (folder.isEmpty ? "" : folder + "/") + ".\((path as NSString).lastPathComponent).partial-\(UUID().uuidString)"
    }

    /// Removes the hidden file and its SQLite companions (after a rename, only the companions).
    func discard() {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
    }

    /// Puts the finished database in place; `what` names it in the error ("loaded", "generated").
    func commit(_ what: String) throws {
        for suffix in ["-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: destination + suffix) }
        guard rename(partial, destination) == 0 else {
            throw DeploymentError(.writeError, id: "LegacyDatabaseWriteFailed",
                                  "Cannot put the \(what) database in place at '\(destination)': \(String(cString: strerror(errno))).",
                                  target: destination)
        }
    }
}

import Foundation

/// What an Enable-CsTopology in progress has created outside the store: database files and
/// folders. The store's own changes roll back with its transaction when the process dies; the
/// files would not, so each one is written down (and the journal made durable) before it is
/// created. The journal goes away when the command ends; one left behind by a dead process is
/// undone at the next open or Enable.
struct TopologyEnableJournal: Sendable {
    private struct Content: Codable, Sendable {
        var process: String
        var files: [String] = []
        var folders: [String] = []
    }

    private let file: URL
    private var content: Content

    static func file(in home: DeploymentHome) -> URL { home.root.appendingPathComponent(".enable-journal.json") }

    /// Starts a journal for this process (after undoing one a dead process left).
    init(home: DeploymentHome) throws {
        file = Self.file(in: home)
        _ = try Self.undoAbandoned(in: home)
        content = Content(process: ProcessIdentity.current)
        try save()
    }

    /// Records the folders `folder` and its missing ancestors, before they are created.
    mutating func willCreate(folder: URL) throws {
        var missing: [String] = []
        var candidate = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: candidate.path), candidate.path != "/" {
            missing.append(candidate.path)
            candidate = candidate.deletingLastPathComponent()
        }
        guard !missing.isEmpty else { return }
        content.folders.append(contentsOf: missing.reversed())
        try save()
    }

    /// Records a database file (and its folder) before it is created.
    mutating func willCreate(databaseFile: URL) throws {
        try willCreate(folder: databaseFile.deletingLastPathComponent())
        content.files.append(databaseFile.standardizedFileURL.path)
        try save()
    }

    /// The command finished (committed): what it created stays.
    func finish() {
        try? FileManager.default.removeItem(at: file)
    }

    /// The command failed: what it created goes.
    func undo() {
        Self.remove(content)
        finish()
    }

    /// Undoes the journal of a process that is gone; returns whether there was one.
    @discardableResult
    static func undoAbandoned(in home: DeploymentHome) throws -> Bool {
        let file = file(in: home)
        guard let data = FileManager.default.contents(atPath: file.path) else { return false }
        guard let content = try? JSONDecoder().decode(Content.self, from: data) else {
            // A journal cut short by a kill while it was being written lists nothing made yet.
            try? FileManager.default.removeItem(at: file)
            return false
        }
        guard !ProcessIdentity.isRunning(content.process) else { return false }
        remove(content)
        try? FileManager.default.removeItem(at: file)
        return true
    }

    /// Removes the files with their SQLite companions, then the folders that are left empty,
    /// deepest first (a folder someone has since put something into stays).
    private static func remove(_ content: Content) {
        let files = FileManager.default
        for path in content.files {
            let lock = OpeningLock.lockFile(for: URL(fileURLWithPath: path)).path
            for companion in [path, path + "-wal", path + "-shm", path + "-journal", lock] {
                try? files.removeItem(atPath: companion)
            }
        }
        for folder in content.folders.reversed() {
            if let entries = try? files.contentsOfDirectory(atPath: folder), entries.isEmpty {
                try? files.removeItem(atPath: folder)
            }
        }
    }

    /// Written to a temporary file, synced and renamed, so the journal is whole or absent.
    private func save() throws {
        let data = try JSONEncoder().encode(content)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".enable-journal.\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw DeploymentError(.writeError, id: "EnableJournalNotWritten",
                                  "Cannot write '\(file.path)'; check that the pcsh home is writable.", target: file.path)
        }
        let descriptor = open(temporary.path, O_RDONLY)
        if descriptor >= 0 { fsync(descriptor); close(descriptor) }
        guard rename(temporary.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw DeploymentError(.writeError, id: "EnableJournalNotWritten",
                                  "Cannot write '\(file.path)'; check that the pcsh home is writable.", target: file.path)
        }
    }
}

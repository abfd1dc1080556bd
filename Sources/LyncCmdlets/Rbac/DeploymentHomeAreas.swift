import Foundation
import LyncDeployment
import PSRuntime

/// The parts of the deployment home the file check protects, links resolved once: the home
/// itself (the store, the SQL instance folders with their databases, backups, endpoint.json),
/// except `drives/` and `shares/`, which stand for other machines' disks and file shares
/// (`C:\…`, `\\server\share\…`).
struct DeploymentHomeAreas {
    let root: String
    let storeFile: String
    private let mappedFolders: [String]

    init(home: DeploymentHome) {
        let root = ResolvedFilePath.resolve(home.root.path).path
        self.root = root
        storeFile = ResolvedFilePath.resolve(home.storeFile.path).path
        mappedFolders = ["drives", "shares"].map { root + "/" + $0 }
    }

    /// The store database or one of its journal files.
    func isStore(_ target: ResolvedFilePath) -> Bool {
        if [storeFile, storeFile + "-wal", storeFile + "-shm", storeFile + "-journal"].contains(target.path) { return true }
        guard let inode = target.inode, target.linkCount > 1, target.isRegularFile else { return false }
        return [storeFile, storeFile + "-wal", storeFile + "-shm", storeFile + "-journal"].contains { file in
            ResolvedFilePath.identity(ofItemAt: file).map { $0.device == target.device && $0.inode == inode } ?? false
        }
    }

    /// The home or a folder holding it: deleting, moving or renaming it takes the home along.
    func holdsHome(_ target: ResolvedFilePath) -> Bool {
        ResolvedFilePath.isInside(root, folder: target.path)
    }

    /// Inside the home but not under drives/ or shares/.
    func isProtectedPath(_ path: String) -> Bool {
        ResolvedFilePath.isInside(path, folder: root) && !mappedFolders.contains { ResolvedFilePath.isInside(path, folder: $0) && path != $0 }
    }

    /// Part of the deployment itself: a protected path, or (for an existing file with more than
    /// one name) a hard link to a file in the protected part of the home.
    func isProtected(_ target: ResolvedFilePath) -> Bool {
        if isProtectedPath(target.path) { return true }
        guard target.isRegularFile, target.linkCount > 1, let device = target.device, let inode = target.inode,
              ResolvedFilePath.identity(ofItemAt: root)?.device == device else { return false }
        return protectedFileIdentities().contains { $0.device == device && $0.inode == inode }
    }

    /// Device and inode of every file in the protected part of the home. Walked only for a file
    /// with several hard links on the home's device, which ordinary files are not.
    private func protectedFileIdentities() -> [(device: UInt64, inode: UInt64)] {
        var result: [(UInt64, UInt64)] = []
        var pending = [root]
        while let folder = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                let path = folder + "/" + name
                if mappedFolders.contains(path) { continue }
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG: result.append((UInt64(st.st_dev), UInt64(st.st_ino)))
                default: continue
                }
            }
        }
        return result
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A path as the kernel will reach it: every symbolic link followed (those of the deepest
/// existing ancestor, then the rest appended), and for an existing item its device, inode and
/// link count, so a hard link to a protected file can be told from an ordinary file. An access
/// check compares these, never the text the user typed.
public struct ResolvedFilePath: Sendable, Equatable {
    /// Absolute, links resolved.
    public let path: String
    /// The existing item's device and inode (nil when nothing exists there yet).
    public let device: UInt64?
    public let inode: UInt64?
    /// Hard links to the existing item (1 for an ordinary file).
    public let linkCount: UInt64
    public let isRegularFile: Bool

    /// Resolves an absolute path (relative ones are taken from `/`).
    public static func resolve(_ path: String) -> ResolvedFilePath {
        let resolved = resolveLinks(path.hasPrefix("/") ? path : "/" + path, hops: 0)
        var st = stat()
        guard stat(resolved, &st) == 0 else {
            return ResolvedFilePath(path: resolved, device: nil, inode: nil, linkCount: 0, isRegularFile: false)
        }
        return ResolvedFilePath(path: resolved, device: UInt64(st.st_dev), inode: UInt64(st.st_ino), linkCount: UInt64(st.st_nlink),
                                isRegularFile: (st.st_mode & S_IFMT) == S_IFREG)
    }

    /// True when `path` is `folder` or inside it (both resolved, absolute).
    public static func isInside(_ path: String, folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Device and inode of an item, links not followed (nil when it does not exist).
    public static func identity(ofItemAt path: String) -> (device: UInt64, inode: UInt64)? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return (UInt64(st.st_dev), UInt64(st.st_ino))
    }

    /// More links than the kernel follows on one path: stop and keep the text (opening it fails).
    private static let maximumHops = 40

    private static func resolveLinks(_ path: String, hops: Int) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        // Not all there: a dangling link at the end is followed, else the parent is resolved
        // and the last name appended (`..` and `.` apply to the resolved parent, as the kernel does).
        var st = stat()
        if hops < maximumHops, lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK,
           let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            let parent = parentText(of: path)
            return resolveLinks(target.hasPrefix("/") ? target : (parent == "/" ? "" : parent) + "/" + target, hops: hops + 1)
        }
        guard path != "/", let slash = path.lastIndex(of: "/") else { return path }
        let leaf = String(path[path.index(after: slash)...])
        let parent = resolveLinks(parentText(of: path), hops: hops)
        switch leaf {
        case "", ".": return parent
        case "..": return parentText(of: parent)
        default: return parent == "/" ? "/" + leaf : parent + "/" + leaf
        }
    }

    private static func parentText(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}

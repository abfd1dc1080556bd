import Foundation
import PSRuntime
import Synchronization

/// Builds the objects the file-system cmdlets emit: `System.IO.FileInfo` / `System.IO.DirectoryInfo`
/// look-alikes (with the members pwsh adds on Linux) and `PathInfo`.
enum FileSystemItem {
    static let fileTypeNames = ["System.IO.FileInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"]
    static let directoryTypeNames = ["System.IO.DirectoryInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"]
    static let pathInfoTypeName = "System.Management.Automation.PathInfo"

    /// What `stat`/`lstat` tell about one path.
    struct Status {
        var isDirectory: Bool
        var isSymbolicLink: Bool
        var length: Int64
        var mode: UInt32
        var userID: UInt32
        var groupID: UInt32
        var lastWrite: Date
        var lastAccess: Date
        var statusChange: Date
        var linkTarget: String?

        init?(_ path: String) {
            var link = stat()
            guard lstat(path, &link) == 0 else { return nil }
            isSymbolicLink = (link.st_mode & S_IFMT) == S_IFLNK
            var st = link
            // A link reports its target's kind and times, like .NET; a dangling one reports itself.
            if isSymbolicLink {
                var target = stat()
                if stat(path, &target) == 0 { st = target }
                linkTarget = try? FileManager.default.destinationOfSymbolicLink(atPath: path)
            }
            isDirectory = (st.st_mode & S_IFMT) == S_IFDIR
            length = Int64(st.st_size)
            mode = UInt32(link.st_mode)
            userID = UInt32(st.st_uid)
            groupID = UInt32(st.st_gid)
            lastWrite = Status.date(st.st_mtim)
            lastAccess = Status.date(st.st_atim)
            statusChange = Status.date(st.st_ctim)
        }

        private static func date(_ t: timespec) -> Date {
            Date(timeIntervalSince1970: Double(t.tv_sec) + Double(t.tv_nsec) / 1_000_000_000)
        }
    }

    /// A FileInfo or DirectoryInfo object for an existing path; nil when nothing is there.
    /// `withRelatives` adds `Directory` / `Parent` as objects of their own (one level only).
    static func make(_ fullPath: String, session: ExecutionContext, withRelatives: Bool = true) -> PSObject? {
        guard let status = Status(fullPath) else { return nil }
        let name = FileSystemPaths.leaf(of: fullPath)
        let parentPath = FileSystemPaths.parent(of: fullPath)
        let typeNames = status.isDirectory ? directoryTypeNames : fileTypeNames
        let object = PSObject(typeNames: typeNames, baseObject: .object(FileSystemInfoValue(typeNames: typeNames, text: fullPath)))
        let hidden = FileSystemPaths.isHiddenName(name) && fullPath != "/"
        let readOnly = access(fullPath, W_OK) != 0
        let ext = extensionOf(name)

        object["PSPath"] = .string(FileSystemPaths.psPath(fullPath))
        object["PSParentPath"] = .string(parentPath.map(FileSystemPaths.psPath) ?? "")
        object["PSChildName"] = .string(name)
        object["PSProvider"] = .string(FileSystemPaths.providerName)
        object["PSIsContainer"] = .bool(status.isDirectory)
        object["Mode"] = .string(modeString(status, hidden: hidden, readOnly: readOnly))
        object["BaseName"] = .string(status.isDirectory ? name : String(name.dropLast(ext.count)))
        object["Target"] = status.linkTarget.map { .string($0) } ?? .null
        object["LinkType"] = status.isSymbolicLink ? .string("SymbolicLink") : .null
        if status.isDirectory {
            object["Parent"] = withRelatives ? (parentPath.flatMap { make($0, session: session, withRelatives: false) }.map { .object($0) } ?? .null) : .null
            object["Root"] = .string("/")
        } else {
            object["Length"] = .long(status.length)
            object["DirectoryName"] = parentPath.map { .string($0) } ?? .null
            object["Directory"] = withRelatives ? (parentPath.flatMap { make($0, session: session, withRelatives: false) }.map { .object($0) } ?? .null) : .null
            object["IsReadOnly"] = .bool(readOnly)
        }
        object["FullName"] = .string(fullPath)
        object["Extension"] = .string(ext)
        object["Name"] = .string(name)
        object["Exists"] = .bool(true)
        object["CreationTime"] = .dateTime(min(status.statusChange, status.lastWrite))
        object["CreationTimeUtc"] = .dateTime(min(status.statusChange, status.lastWrite))
        object["LastAccessTime"] = .dateTime(status.lastAccess)
        object["LastAccessTimeUtc"] = .dateTime(status.lastAccess)
        object["LastWriteTime"] = .dateTime(status.lastWrite)
        object["LastWriteTimeUtc"] = .dateTime(status.lastWrite)
        object["LinkTarget"] = status.linkTarget.map { .string($0) } ?? .null
        object["Attributes"] = .string(attributesText(status, hidden: hidden, readOnly: readOnly))
        object["UnixMode"] = .string(unixMode(status.mode))
        object["User"] = .string(userName(status.userID))
        object["Group"] = .string(groupName(status.groupID))
        object["Size"] = .long(status.length)
        return object
    }

    /// A `PathInfo` (what Get-Location and Resolve-Path return).
    static func pathInfo(_ path: String, session: ExecutionContext) -> PSObject {
        let object = PSObject(typeNames: [pathInfoTypeName, "System.Object"],
                              baseObject: .object(FileSystemInfoValue(typeNames: [pathInfoTypeName, "System.Object"], text: path)))
        object["Drive"] = .string("/")
        object["Provider"] = .string(FileSystemPaths.providerName)
        object["ProviderPath"] = .string(path)
        object["Path"] = .string(path)
        return object
    }

    static func extensionOf(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex || name.count > 1 else { return "" }
        // .NET treats a leading-dot name like `.bashrc` as all extension.
        return String(name[dot...]) == "." ? "" : String(name[dot...])
    }

    static func modeString(_ status: Status, hidden: Bool, readOnly: Bool) -> String {
        var mode = status.isSymbolicLink ? "l" : (status.isDirectory ? "d" : "-")
        mode += "-"
        mode += readOnly ? "r" : "-"
        mode += hidden ? "h" : "-"
        mode += "-"
        return mode
    }

    /// The FileAttributes flags as .NET prints them (ascending flag value, comma separated).
    static func attributesText(_ status: Status, hidden: Bool, readOnly: Bool) -> String {
        var names: [String] = []
        if readOnly { names.append("ReadOnly") }
        if hidden { names.append("Hidden") }
        if status.isDirectory { names.append("Directory") }
        if status.isSymbolicLink { names.append("ReparsePoint") }
        return names.isEmpty ? "Normal" : names.joined(separator: ", ")
    }

    /// `ls -l`-style permissions, e.g. `-rw-r--r--`, `drwxr-xr-x`.
    static func unixMode(_ mode: UInt32) -> String {
        let type: Character
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFDIR): type = "d"
        case UInt32(S_IFLNK): type = "l"
        case UInt32(S_IFIFO): type = "p"
        case UInt32(S_IFSOCK): type = "s"
        case UInt32(S_IFCHR): type = "c"
        case UInt32(S_IFBLK): type = "b"
        default: type = "-"
        }
        var text = String(type)
        let bits: [(UInt32, Character)] = [(0o400, "r"), (0o200, "w"), (0o100, "x"), (0o040, "r"), (0o020, "w"), (0o010, "x"),
                                           (0o004, "r"), (0o002, "w"), (0o001, "x")]
        for (index, (bit, letter)) in bits.enumerated() {
            var c: Character = mode & bit != 0 ? letter : "-"
            if index == 2, mode & 0o4000 != 0 { c = c == "x" ? "s" : "S" }
            if index == 5, mode & 0o2000 != 0 { c = c == "x" ? "s" : "S" }
            if index == 8, mode & 0o1000 != 0 { c = c == "x" ? "t" : "T" }
            text.append(c)
        }
        return text
    }

    /// Account names by id: each lookup reads /etc/passwd or /etc/group, and a listing asks
    /// for the same few ids over and over.
    private static let accountNames = Mutex<(users: [UInt32: String], groups: [UInt32: String])>(([:], [:]))

    static func userName(_ uid: UInt32) -> String {
        if let known = accountNames.withLock({ $0.users[uid] }) { return known }
        var name = String(uid)
        if let entry = getpwuid(uid_t(uid)), let text = entry.pointee.pw_name { name = String(cString: text) }
        accountNames.withLock { $0.users[uid] = name }
        return name
    }

    static func groupName(_ gid: UInt32) -> String {
        if let known = accountNames.withLock({ $0.groups[gid] }) { return known }
        var name = String(gid)
        if let entry = getgrgid(gid_t(gid)), let text = entry.pointee.gr_name { name = String(cString: text) }
        accountNames.withLock { $0.groups[gid] = name }
        return name
    }
}

/// The .NET object behind a FileInfo, DirectoryInfo or PathInfo PSObject: it carries the type
/// name and what `ToString()` and `[string]` give (the path), while the PSObject holds the
/// properties.
final class FileSystemInfoValue: TypedValue {
    let typeNames: [String]
    let text: String

    init(typeNames: [String], text: String) {
        self.typeNames = typeNames
        self.text = text
    }

    var psTypeName: String { typeNames.first ?? "System.Object" }
    var psBaseTypeNames: [String] { Array(typeNames.dropFirst()) }
    func psToString() -> String { text }
}

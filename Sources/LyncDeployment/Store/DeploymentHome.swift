import Foundation
import Glibc

/// The deployment's home folder: the Central Management Store database, the SQL instance
/// folders with their database files, and the folders that stand for file shares.
public struct DeploymentHome: Sendable, Equatable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public init(path: String) {
        self.init(root: URL(fileURLWithPath: path, isDirectory: true))
    }

    /// The Central Management Store database.
    public var storeFile: URL { root.appendingPathComponent("cms.sqlite") }

    /// The management endpoint's settings (which folders each role's sessions may use).
    public var endpointConfigurationFile: URL { root.appendingPathComponent("endpoint.json") }

    /// Makes `folder` (and missing parents) when it does not exist; a folder made here is 0700.
    static func createPrivateFolder(_ folder: URL) throws {
        if FileManager.default.fileExists(atPath: folder.path) { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// Creates an empty file only its owner may read or write (0600); an existing one is kept.
    static func createPrivateFile(_ file: URL) throws {
        let descriptor = Glibc.open(file.path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DeploymentError(.writeError, id: "CannotCreateDatabaseFile",
                                  "Cannot create '\(file.path)': \(String(cString: strerror(errno))). Check that the folder is writable by the deployment's account.",
                                  target: file.path)
        }
        close(descriptor)
    }

    /// The folder of a SQL instance written `fqdn\instance` (or just `fqdn` for the default
    /// instance). Names compare case-insensitively, so folders are lower case.
    public func sqlInstanceFolder(_ instance: String) throws -> URL {
        let parts = instance.split(separator: "\\", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy(Self.isSafeName) else {
            throw DeploymentError(.invalidArgument, id: "InvalidSqlInstance",
                                  "'\(instance)' is not a SQL instance name; write it as fqdn\\instance, for example atl-sql-001.litwareinc.com\\rtc.",
                                  target: instance)
        }
        let instanceName = parts.count == 2 ? parts[1] : "mssqlserver"
        return root.appendingPathComponent("sql").appendingPathComponent(parts[0].lowercased())
            .appendingPathComponent(instanceName.lowercased())
    }

    /// The file of database `name` in `instance`. An instance that is an existing file path, or
    /// a `sqlite:` URI, names the database file directly.
    public func databaseFile(instance: String, database name: String) throws -> URL {
        if instance.lowercased().hasPrefix("sqlite:") {
            var path = String(instance.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            return URL(fileURLWithPath: path)
        }
        var isDirectory: ObjCBool = false
        if instance.contains("/"), FileManager.default.fileExists(atPath: instance, isDirectory: &isDirectory), !isDirectory.boolValue {
            return URL(fileURLWithPath: instance)
        }
        guard Self.isSafeName(name) else {
            throw DeploymentError(.invalidArgument, id: "InvalidDatabaseName", "'\(name)' is not a valid database name.", target: name)
        }
        return try sqlInstanceFolder(instance).appendingPathComponent(name.lowercased() + ".sqlite")
    }

    /// The local folder standing for a file share: `\\server\share\path` lives under
    /// `shares/server/share/path` in the home; an absolute local path is used as it is.
    public func fileStoreFolder(_ location: String) throws -> URL {
        if location.hasPrefix("/") { return URL(fileURLWithPath: location, isDirectory: true) }
        guard location.hasPrefix("\\\\"), let folder = localPath(forWindowsPath: location) else {
            throw DeploymentError(.invalidArgument, id: "InvalidFileStore",
                                  "'\(location)' is not a file share; write it as \\\\server\\share or as an absolute path.",
                                  target: location)
        }
        return folder
    }

    /// The one mapping of Windows paths into the home, used by every file parameter and file
    /// cmdlet: `\\server\share\rest` is `shares/server/share/rest` (the server's name in lower
    /// case, as DNS names compare), and `C:\rest` is `drives/c/rest`. `..` stops at the share or
    /// drive root, as it does on Windows, so a mapped path never leaves its folder. Nil for any
    /// other path (and for a UNC path without a share).
    public func localPath(forWindowsPath path: String) -> URL? {
        let characters = Array(path)
        let base: URL
        let rest: Substring
        if path.hasPrefix("\\\\") {
            let parts = path.dropFirst(2).split(maxSplits: 2, omittingEmptySubsequences: false) { $0 == "\\" || $0 == "/" }
            guard parts.count >= 2, Self.isSafeName(String(parts[0])), Self.isSafeName(String(parts[1])) else { return nil }
            base = root.appendingPathComponent("shares").appendingPathComponent(parts[0].lowercased())
                .appendingPathComponent(String(parts[1]), isDirectory: true)
            rest = parts.count == 3 ? parts[2] : ""
        } else if characters.count >= 2, characters[0].isASCII, characters[0].isLetter, characters[1] == ":",
                  characters.count == 2 || characters[2] == "\\" || characters[2] == "/" {
            base = root.appendingPathComponent("drives").appendingPathComponent(String(characters[0]).lowercased(), isDirectory: true)
            rest = path.dropFirst(min(3, characters.count))
        } else {
            return nil
        }
        var components: [String] = []
        for part in rest.split(whereSeparator: { $0 == "\\" || $0 == "/" }) {
            switch part {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(String(part).replacingOccurrences(of: "\0", with: ""))
            }
        }
        return components.reduce(base) { $0.appendingPathComponent($1) }
    }

    /// A name usable as one path component: not empty, no separators, not `.` or `..`.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }
}

import Foundation

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
        let trimmed = location.drop { $0 == "\\" || $0 == "/" }
        let parts = trimmed.split(whereSeparator: { $0 == "\\" || $0 == "/" }).map(String.init)
        guard location.hasPrefix("\\\\"), parts.count >= 2, parts.allSatisfy(Self.isSafeName) else {
            throw DeploymentError(.invalidArgument, id: "InvalidFileStore",
                                  "'\(location)' is not a file share; write it as \\\\server\\share or as an absolute path.",
                                  target: location)
        }
        return parts.enumerated().reduce(root.appendingPathComponent("shares")) { url, part in
            url.appendingPathComponent(part.offset == 0 ? part.element.lowercased() : part.element, isDirectory: true)
        }
    }

    /// A name usable as one path component: not empty, no separators, not `.` or `..`.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }
}

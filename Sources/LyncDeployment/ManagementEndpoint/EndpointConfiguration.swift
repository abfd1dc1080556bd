import Foundation

/// The management endpoint's settings, from `endpoint.json` in the deployment home (written by
/// the deployment's account; the home is private to it). Today: the folders each role's
/// sessions may read and write, e.g. an exchange folder for export files and reports.
///
///     { "RoleFolders": { "CsPersistentChatAdministrator": ["/srv/pcsh/exchange"] } }
///
/// A role not named has no file system access at all.
public struct EndpointConfiguration: Sendable, Equatable {
    /// Role name (lower-cased) → absolute folders, links resolved.
    public let roleFolders: [String: [String]]

    public init(roleFolders: [String: [String]] = [:]) {
        var folders: [String: [String]] = [:]
        for (role, paths) in roleFolders {
            folders[role.lowercased(), default: []] += paths.filter { $0.hasPrefix("/") }.map {
                URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
            }
        }
        self.roleFolders = folders
    }

    /// The folders a session holding `roles` may use.
    public func folders(forRoles roles: [String]) -> [String] {
        Array(Set(roles.flatMap { roleFolders[$0.lowercased()] ?? [] })).sorted()
    }

    /// Reads the configuration of `home`; a missing file is the empty configuration (no role has
    /// any folder). A damaged file is an error, never read as "no restriction".
    public static func load(home: DeploymentHome) throws -> EndpointConfiguration {
        let file = home.endpointConfigurationFile
        guard let data = FileManager.default.contents(atPath: file.path) else { return EndpointConfiguration() }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DeploymentError(.invalidData, id: "InvalidEndpointConfiguration",
                                  "'\(file.path)' is not a JSON object; fix it (see docs/management-endpoint.md) and start the endpoint again.",
                                  target: file.path)
        }
        var folders: [String: [String]] = [:]
        if let roles = object.first(where: { $0.key.caseInsensitiveCompare("RoleFolders") == .orderedSame })?.value {
            guard let table = roles as? [String: Any] else {
                throw DeploymentError(.invalidData, id: "InvalidEndpointConfiguration",
                                      "RoleFolders in '\(file.path)' must map role names to lists of absolute folders.", target: file.path)
            }
            for (role, value) in table {
                let list = (value as? [String]) ?? (value as? String).map { [$0] }
                guard let list, list.allSatisfy({ $0.hasPrefix("/") }) else {
                    throw DeploymentError(.invalidData, id: "InvalidEndpointConfiguration",
                                          "RoleFolders.\(role) in '\(file.path)' must be a list of absolute folders.", target: file.path)
                }
                folders[role] = list
            }
        }
        return EndpointConfiguration(roleFolders: folders)
    }
}

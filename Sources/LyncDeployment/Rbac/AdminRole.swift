import Foundation
import GRDB

/// An RBAC role as stored: a built-in role (its cmdlets come from the catalog) or a custom role
/// made from a template (its cmdlets are its own list).
public struct AdminRole: Sendable, Equatable {
    public var identity: String
    public var sid: String
    public var template: String?
    public var isStandardRole: Bool
    public var cmdlets: [String]
    public var scriptModules: [String]
    public var configScopes: [String]
    public var userScopes: [String]

    init(row: Row, catalog: RoleCatalog) {
        identity = row["identity"]
        sid = row["sid"]
        template = row["template"]
        isStandardRole = row["isStandardRole"]
        scriptModules = AdminRole.decode(row["scriptModules"])
        configScopes = AdminRole.decode(row["configScopes"])
        userScopes = AdminRole.decode(row["userScopes"])
        if isStandardRole, let builtin = BuiltinRoles.role(named: identity) {
            cmdlets = catalog.cmdlets(of: builtin)
        } else {
            cmdlets = AdminRole.decode(row["cmdlets"])
        }
    }

    static func decode(_ json: String?) -> [String] {
        guard let json, let data = json.data(using: .utf8),
              let list = try? JSONDecoder().decode([String].self, from: data) else { return [] }
        return list
    }

    static func encode(_ list: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(list), as: UTF8.self)) ?? "[]"
    }
}

import Foundation

/// A pool of the published topology, with everything other parts of the deployment ask about:
/// its roles, site, computers, stores and the service identities it offers.
public struct PoolInfo: Sendable, Equatable {
    public let fqdn: String
    public let siteId: Int
    public let siteName: String
    /// The main role, as written in `Role`.
    public let role: PoolRole
    /// The main role followed by the collocated ones.
    public let roles: [PoolRole]
    public let computers: [String]
    /// The Front End pool a PersistentChat pool is homed on.
    public let homePool: String?
    /// The SQL instance (`fqdn\instance`) of a PersistentChat or GroupChat pool.
    public let sqlStore: String?
    /// The database in effect: written, or `mgc` (PersistentChat) / `GroupChat` (GroupChat).
    public let databaseName: String?
    public let fileStore: String?
    public let complianceSqlStore: String?
    /// `GroupChat2010` or `GroupChat2007R2` for a GroupChat pool.
    public let version: String?

    init(site: TopologyDocument.Site, pool: TopologyDocument.Pool) {
        fqdn = pool.fqdn
        siteId = site.siteId
        siteName = site.name
        role = pool.primaryRole ?? .frontEnd
        roles = pool.roles
        computers = pool.computerFqdns
        homePool = pool.homePool
        sqlStore = pool.sqlStore
        databaseName = pool.effectiveDatabaseName
        fileStore = pool.fileStore
        complianceSqlStore = pool.complianceSqlStore
        version = pool.effectiveVersion
    }

    public func has(_ role: PoolRole) -> Bool { roles.contains(role) }

    /// The Persistent Chat compliance database name (in `complianceSqlStore`).
    public static let complianceDatabaseName = "mgccomp"

    /// The services the pool offers, as `Kind:target` identities (Get-CsService, Get-CsPool).
    public var services: [ServiceIdentity] {
        var list: [ServiceIdentity] = []
        for role in roles {
            switch role {
            case .frontEnd:
                list += ["Registrar", "UserServices", "ApplicationServer", "WebServer"].map {
                    ServiceIdentity(kind: $0, target: fqdn, poolFqdn: fqdn, siteId: siteId)
                }
            case .persistentChat:
                list.append(ServiceIdentity(kind: "PersistentChatServer", target: fqdn, poolFqdn: fqdn, siteId: siteId))
                if let sqlStore {
                    list.append(ServiceIdentity(kind: "PersistentChatStore", target: sqlStore, poolFqdn: fqdn, siteId: siteId))
                }
                if let complianceSqlStore {
                    list.append(ServiceIdentity(kind: "PersistentChatComplianceStore", target: complianceSqlStore,
                                                poolFqdn: fqdn, siteId: siteId))
                }
            case .groupChat:
                list.append(ServiceIdentity(kind: "GroupChatServer", target: fqdn, poolFqdn: fqdn, siteId: siteId))
            }
        }
        return list
    }
}

/// A service of a pool: `Registrar:atl-cs-001.litwareinc.com`,
/// `PersistentChatStore:atl-sql-001.litwareinc.com\rtc`.
public struct ServiceIdentity: Sendable, Equatable {
    /// Registrar, UserServices, ApplicationServer, WebServer, PersistentChatServer,
    /// PersistentChatStore, PersistentChatComplianceStore or GroupChatServer.
    public let kind: String
    /// The pool FQDN, or the SQL instance for the stores.
    public let target: String
    public let poolFqdn: String
    public let siteId: Int

    public var identity: String { "\(kind):\(target)" }
}

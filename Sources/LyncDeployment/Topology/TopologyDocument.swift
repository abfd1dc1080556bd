import Foundation

/// A topology file as written by the administrator (format: `Scripts/topology/FORMAT.md`): the
/// forest, the sites and their pools. Decoding keeps what was written; `validate(home:file:)`
/// checks every rule and fills no defaults, so the stored document is the file as published.
public struct TopologyDocument: Codable, Sendable, Equatable {
    public var forestFqdn: String
    public var localComputer: String?
    public var sites: [Site]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case forestFqdn = "ForestFqdn", localComputer = "LocalComputer", sites = "Sites"
    }

    public init(forestFqdn: String, localComputer: String? = nil, sites: [Site]) {
        self.forestFqdn = forestFqdn
        self.localComputer = localComputer
        self.sites = sites
    }

    public struct Site: Codable, Sendable, Equatable {
        public var name: String
        public var siteId: Int
        public var description: String?
        public var city: String?
        public var state: String?
        public var country: String?
        public var pools: [Pool]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name = "Name", siteId = "SiteId", description = "Description", city = "City", state = "State",
                 country = "Country", pools = "Pools"
        }

        public init(name: String, siteId: Int, description: String? = nil, city: String? = nil, state: String? = nil,
                    country: String? = nil, pools: [Pool]) {
            self.name = name
            self.siteId = siteId
            self.description = description
            self.city = city
            self.state = state
            self.country = country
            self.pools = pools
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            siteId = try c.decode(Int.self, forKey: .siteId)
            description = try c.decodeIfPresent(String.self, forKey: .description)
            city = try c.decodeIfPresent(String.self, forKey: .city)
            state = try c.decodeIfPresent(String.self, forKey: .state)
            country = try c.decodeIfPresent(String.self, forKey: .country)
            pools = try c.decodeIfPresent([Pool].self, forKey: .pools) ?? []
        }
    }

    /// A pool as written. `role` and `collocatedRoles` stay text until validation so that an
    /// unknown role gets a message naming the pool rather than a decoding error.
    public struct Pool: Codable, Sendable, Equatable {
        public var fqdn: String
        public var role: String
        public var collocatedRoles: [String]?
        public var computers: [String]?
        public var homePool: String?
        public var sqlStore: String?
        public var databaseName: String?
        public var fileStore: String?
        public var complianceSqlStore: String?
        public var version: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case fqdn = "Fqdn", role = "Role", collocatedRoles = "CollocatedRoles", computers = "Computers",
                 homePool = "HomePool", sqlStore = "SqlStore", databaseName = "DatabaseName", fileStore = "FileStore",
                 complianceSqlStore = "ComplianceSqlStore", version = "Version"
        }

        public init(fqdn: String, role: PoolRole, collocatedRoles: [PoolRole]? = nil, computers: [String]? = nil,
                    homePool: String? = nil, sqlStore: String? = nil, databaseName: String? = nil,
                    fileStore: String? = nil, complianceSqlStore: String? = nil, version: String? = nil) {
            self.fqdn = fqdn
            self.role = role.rawValue
            self.collocatedRoles = collocatedRoles?.map(\.rawValue)
            self.computers = computers
            self.homePool = homePool
            self.sqlStore = sqlStore
            self.databaseName = databaseName
            self.fileStore = fileStore
            self.complianceSqlStore = complianceSqlStore
            self.version = version
        }

        /// The pool's main role (valid documents only have known roles).
        public var primaryRole: PoolRole? { PoolRole(named: role) }

        /// The main role followed by the collocated ones.
        public var roles: [PoolRole] {
            ([role] + (collocatedRoles ?? [])).compactMap(PoolRole.init(named:))
        }

        public func has(_ role: PoolRole) -> Bool { roles.contains(role) }

        /// The computers of the pool: the listed ones, else the pool's own FQDN.
        public var computerFqdns: [String] { computers ?? [fqdn] }

        /// The database name in effect: the written one or the role's default.
        public var effectiveDatabaseName: String? {
            if let databaseName { return databaseName }
            if has(.persistentChat) { return "mgc" }
            if has(.groupChat) { return "GroupChat" }
            return nil
        }

        /// The legacy Group Chat version in effect (GroupChat pools only).
        public var effectiveVersion: String? {
            has(.groupChat) ? (version.flatMap(GroupChatVersion.init(named:))?.rawValue ?? GroupChatVersion.groupChat2010.rawValue) : nil
        }
    }

    /// Every pool with the site it belongs to, in file order.
    public var poolsWithSites: [(site: Site, pool: Pool)] {
        sites.flatMap { site in site.pools.map { (site, $0) } }
    }

    /// The pool named `fqdn` (case-insensitive).
    public func pool(_ fqdn: String) -> (site: Site, pool: Pool)? {
        poolsWithSites.first { $0.pool.fqdn.caseInsensitiveCompare(fqdn) == .orderedSame }
    }

    /// The pool a computer belongs to.
    public func pool(ofComputer fqdn: String) -> (site: Site, pool: Pool)? {
        poolsWithSites.first { $0.pool.computerFqdns.contains { $0.caseInsensitiveCompare(fqdn) == .orderedSame } }
    }
}

/// What a pool does. `groupChat` is a legacy Lync Server 2010 / OCS 2007 R2 Group Chat pool,
/// kept in the topology so the migration can read from it.
public enum PoolRole: String, CaseIterable, Sendable, Codable {
    case frontEnd = "FrontEnd"
    case persistentChat = "PersistentChat"
    case groupChat = "GroupChat"

    public init?(named name: String) {
        guard let role = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(name) == .orderedSame }) else { return nil }
        self = role
    }
}

/// The legacy Group Chat server versions a GroupChat pool may run.
public enum GroupChatVersion: String, CaseIterable, Sendable {
    case groupChat2010 = "GroupChat2010"
    case groupChat2007R2 = "GroupChat2007R2"

    public init?(named name: String) {
        guard let version = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(name) == .orderedSame }) else { return nil }
        self = version
    }
}

import GRDB

/// Where a group can be used and what it can contain, as AD defines it.
public enum GroupScope: String, Sendable, CaseIterable {
    case domainLocal = "DomainLocal", global = "Global", universal = "Universal"
}

/// Security groups grant rights (RBAC roles); distribution groups are mailing lists.
public enum GroupCategory: String, Sendable, CaseIterable {
    case distribution = "Distribution", security = "Security"
}

/// A group of the directory, as stored in `directoryGroup`.
public struct DirectoryGroup: Sendable, Equatable {
    public var samAccountName: String
    public var objectGuid: String
    public var sid: String
    public var ou: String
    public var name: String
    public var displayName: String?
    public var description: String?
    public var groupScope: GroupScope
    public var groupCategory: GroupCategory
    /// The groups every deployment starts with (the RTCUniversal* groups and the role groups).
    public var isBuiltin: Bool
    public var whenCreated: Double

    public func distinguishedName(forest: String) -> String {
        DirectoryNames.distinguishedName(name: name, ou: ou, forest: forest)
    }

    init(row: Row) {
        samAccountName = row["samAccountName"]
        objectGuid = row["objectGuid"]
        sid = row["sid"]
        ou = row["ou"]
        name = row["name"]
        displayName = row["displayName"]
        description = row["description"]
        groupScope = GroupScope(rawValue: row["groupScope"] ?? "") ?? .universal
        groupCategory = GroupCategory(rawValue: row["groupCategory"] ?? "") ?? .security
        isBuiltin = row["isBuiltin"]
        whenCreated = row["whenCreated"]
    }
}

/// What a new group is made of.
public struct NewDirectoryGroup: Sendable {
    public var name: String
    public var samAccountName: String?
    public var groupScope: GroupScope
    public var groupCategory: GroupCategory
    public var path: String?
    public var description: String?
    public var displayName: String?

    public init(name: String, samAccountName: String? = nil, groupScope: GroupScope, groupCategory: GroupCategory = .security,
                path: String? = nil, description: String? = nil, displayName: String? = nil) {
        self.name = name
        self.samAccountName = samAccountName
        self.groupScope = groupScope
        self.groupCategory = groupCategory
        self.path = path
        self.description = description
        self.displayName = displayName
    }
}

import GRDB

/// A user account of the directory, as stored in `directoryUser`.
public struct DirectoryUser: Sendable, Equatable {
    public var samAccountName: String
    public var objectGuid: String
    public var sid: String
    /// The OU path without the DC= components (`CN=Users`, `OU=Sales,OU=Tenants`).
    public var ou: String
    public var name: String
    public var displayName: String?
    public var givenName: String?
    public var surname: String?
    public var userPrincipalName: String?
    /// `sip:…` when the account is enabled for Lync; nil otherwise.
    public var sipAddress: String?
    public var enabled: Bool
    public var csEnabled: Bool
    public var registrarPool: String?
    public var description: String?
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
        givenName = row["givenName"]
        surname = row["surname"]
        userPrincipalName = row["userPrincipalName"]
        sipAddress = row["sipAddress"]
        enabled = row["enabled"]
        csEnabled = row["csEnabled"]
        registrarPool = row["registrarPool"]
        description = row["description"]
        whenCreated = row["whenCreated"]
    }
}

/// What a new user account is made of; the repository fills in the rest (GUID, SID, defaults).
public struct NewDirectoryUser: Sendable {
    public var name: String
    public var samAccountName: String?
    public var userPrincipalName: String?
    public var displayName: String?
    public var givenName: String?
    public var surname: String?
    /// An OU DN (`OU=Sales,DC=litwareinc,DC=com`) or OU path (`OU=Sales`); nil for `CN=Users`.
    public var path: String?
    public var enabled: Bool
    public var description: String?
    public var sipAddress: String?
    public var registrarPool: String?

    public init(name: String, samAccountName: String? = nil, userPrincipalName: String? = nil, displayName: String? = nil,
                givenName: String? = nil, surname: String? = nil, path: String? = nil, enabled: Bool = true,
                description: String? = nil, sipAddress: String? = nil, registrarPool: String? = nil) {
        self.name = name
        self.samAccountName = samAccountName
        self.userPrincipalName = userPrincipalName
        self.displayName = displayName
        self.givenName = givenName
        self.surname = surname
        self.path = path
        self.enabled = enabled
        self.description = description
        self.sipAddress = sipAddress
        self.registrarPool = registrarPool
    }
}

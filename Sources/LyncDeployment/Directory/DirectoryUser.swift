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
    public var mail: String?
    /// The telephony settings Set-CsUser changes (`tel:` URIs, `sip:` for the line server).
    public var lineUri: String?
    public var lineServerUri: String?
    public var privateLine: String?
    public var enterpriseVoiceEnabled: Bool
    public var audioVideoDisabled: Bool
    public var remoteCallControlTelephonyEnabled: Bool

    /// True when the account has been enabled for Lync Server (it has a SIP address); `csEnabled`
    /// says whether it may sign in now (Set-CsUser -Enabled).
    public var isLyncUser: Bool { sipAddress != nil }

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
        mail = row["mail"]
        lineUri = row["lineUri"]
        lineServerUri = row["lineServerUri"]
        privateLine = row["privateLine"]
        enterpriseVoiceEnabled = row["enterpriseVoiceEnabled"]
        audioVideoDisabled = row["audioVideoDisabled"]
        remoteCallControlTelephonyEnabled = row["remoteCallControlTelephonyEnabled"]
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
    public var mail: String?

    public init(name: String, samAccountName: String? = nil, userPrincipalName: String? = nil, displayName: String? = nil,
                givenName: String? = nil, surname: String? = nil, path: String? = nil, enabled: Bool = true,
                description: String? = nil, sipAddress: String? = nil, registrarPool: String? = nil, mail: String? = nil) {
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
        self.mail = mail
    }
}

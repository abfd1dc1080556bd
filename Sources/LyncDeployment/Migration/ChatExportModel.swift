/// The data of an export file apart from the messages, raw as the source held it: settings that
/// inherit are nil, times are .NET ticks, ids are the source's. Both kinds of source (a legacy
/// Group Chat database and a Persistent Chat database) read into it, and the import plans from it.
public struct ChatExportData: Sendable, Equatable {
    public var manifest: ChatExportManifest
    public var principals: [ExportedPrincipal] = []
    /// Group memberships; self rows are implied, not listed.
    public var affiliations: [ExportedAffiliation] = []
    /// Categories (the root included when the source is legacy) and rooms.
    public var nodes: [ExportedNode] = []
    public var roles: [ExportedRole] = []
    public var scopes: [ExportedScope] = []
    public var addins: [ExportedAddin] = []

    public init(manifest: ChatExportManifest) {
        self.manifest = manifest
    }
}

/// Manifest.xml: what was exported, from where, and how many items each part holds.
public struct ChatExportManifest: Sendable, Equatable {
    public var formatVersion = ChatExportFormat.formatVersion
    public var source: ChatExportFormat.SourceKind
    public var level: ChatExportFormat.Level
    public var producer = "pcsh"
    /// ISO 8601 UTC.
    public var exportedAt = ""
    public var dbInstance = ""
    public var dbName = ""
    public var forestFqdn: String?
    public var lookupServerUri: String?
    public var fileStorePath: String?
    /// -StartDate as .NET ticks (messages before it were left out).
    public var startDateTicks: Int64?
    /// -Scope: the categories asked for (empty: all).
    public var scope: [String] = []
    /// Part name -> item count (principals, nodes, messages…), checked on import.
    public var partCounts: [String: Int] = [:]

    public init(source: ChatExportFormat.SourceKind, level: ChatExportFormat.Level) {
        self.source = source
        self.level = level
    }
}

public struct ExportedPrincipal: Sendable, Equatable {
    public var id: Int
    /// 0 active; 1 disabled; 2 deleted (Persistent Chat only).
    public var disabled: Int
    public var typeID: Int
    public var addedOn: Int64?
    public var updatedOn: Int64?
    /// guid, uri, name, displayName, companyName, email, adPath, userPrincipalName.
    private var texts: PackedTexts

    public var guid: String {
        get { texts[0] ?? "" }
        set { texts[0] = newValue }
    }
    public var uri: String {
        get { texts[1] ?? "" }
        set { texts[1] = newValue }
    }
    public var name: String? {
        get { texts[2] }
        set { texts[2] = newValue }
    }
    public var displayName: String? {
        get { texts[3] }
        set { texts[3] = newValue }
    }
    public var companyName: String? {
        get { texts[4] }
        set { texts[4] = newValue }
    }
    public var email: String? {
        get { texts[5] }
        set { texts[5] = newValue }
    }
    public var adPath: String? {
        get { texts[6] }
        set { texts[6] = newValue }
    }
    public var userPrincipalName: String? {
        get { texts[7] }
        set { texts[7] = newValue }
    }

    public init(id: Int, guid: String, uri: String, typeID: Int, disabled: Int = 0) {
        self.init(id: id, guid: guid, uri: uri, typeID: typeID, disabled: disabled, name: nil)
    }

    /// Every field at once: the texts are packed in one allocation (setting them one by one
    /// repacks each time).
    public init(id: Int, guid: String, uri: String, typeID: Int, disabled: Int = 0, name: String?, displayName: String? = nil,
                companyName: String? = nil, email: String? = nil, adPath: String? = nil, userPrincipalName: String? = nil,
                addedOn: Int64? = nil, updatedOn: Int64? = nil) {
        self.id = id
        self.typeID = typeID
        self.disabled = disabled
        self.addedOn = addedOn
        self.updatedOn = updatedOn
        texts = PackedTexts([guid, uri, name, displayName, companyName, email, adPath, userPrincipalName])
    }

    /// Types 6, 7 and 11: external and federated principals.
    public var isFederated: Bool { [6, 7, 11].contains(typeID) }
    /// Users (AdUsers.xml); everything else goes to AdGroups.xml.
    public var isUserType: Bool { [2, 4, 5, 6, 7].contains(typeID) }
}

public struct ExportedAffiliation: Sendable, Equatable {
    public var principalID: Int
    public var affiliationID: Int
    public var index: Int?

    public init(principalID: Int, affiliationID: Int, index: Int?) {
        self.principalID = principalID
        self.affiliationID = affiliationID
        self.index = index
    }
}

public struct ExportedNode: Sendable, Equatable {
    public var id: Int
    public var guid: String
    public var parentID: Int
    public var isCategory: Bool
    public var name: String
    public var description: String?
    public var topic: String?
    public var invite: Bool?
    public var logged: Bool?
    public var filePost: Bool?
    public var disabled: Bool
    public var behavior: Int
    public var visibility: Int?
    public var overrideMember: Bool
    public var addinID: String?
    public var addedOn: Int64?
    public var updatedOn: Int64?
    /// Exported only so the import can interpret what it does export (the ancestors of a
    /// -Scope category, the categories of a RoomDirectory export, the rooms of a Content export):
    /// the import resolves it in the target and never writes it.
    public var isContext = false

    public init(id: Int, guid: String, parentID: Int, isCategory: Bool, name: String) {
        self.id = id
        self.guid = guid
        self.parentID = parentID
        self.isCategory = isCategory
        self.name = name
        self.disabled = false
        self.behavior = 4
        self.overrideMember = false
    }

    public static let rootID = 1
    public var isRoot: Bool { id == Self.rootID }
}

/// A role row: 1 Member, 2 Manager, 3 Voiced, 4 Creator.
public struct ExportedRole: Sendable, Equatable, Hashable {
    public var nodeID: Int
    public var principalID: Int
    public var roleTypeID: Int

    public init(nodeID: Int, principalID: Int, roleTypeID: Int) {
        self.nodeID = nodeID
        self.principalID = principalID
        self.roleTypeID = roleTypeID
    }

    public static let member = 1, manager = 2, voiced = 3, creator = 4
}

/// A scope row; `denied` only comes from Persistent Chat (DeniedMembers).
public struct ExportedScope: Sendable, Equatable {
    public var nodeID: Int
    public var principalID: Int
    public var denied: Bool

    public init(nodeID: Int, principalID: Int, denied: Bool) {
        self.nodeID = nodeID
        self.principalID = principalID
        self.denied = denied
    }
}

public struct ExportedAddin: Sendable, Equatable {
    public var id: String
    public var name: String
    public var url: String

    public init(id: String, name: String, url: String) {
        self.id = id
        self.name = name
        self.url = url
    }
}

/// One message, its texts as raw bytes so they travel byte for byte.
public struct ExportedMessage: Sendable, Equatable {
    public var channelID: Int
    public var chatID: Int64
    public var date: Int64
    public var userID: Int
    public var isAlert: Bool
    public var content: [UInt8]
    /// nil: NULL.
    public var rtf: [UInt8]?

    public init(channelID: Int, chatID: Int64, date: Int64, userID: Int, isAlert: Bool, content: [UInt8], rtf: [UInt8]?) {
        self.channelID = channelID
        self.chatID = chatID
        self.date = date
        self.userID = userID
        self.isAlert = isAlert
        self.content = content
        self.rtf = rtf
    }
}

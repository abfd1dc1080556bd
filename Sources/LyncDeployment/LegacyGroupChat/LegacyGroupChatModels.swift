import Foundation

// Plain values read from (or written to) a legacy Group Chat database (legacy-store.md). They keep
// the legacy values raw: NULL settings stay nil ("inherit"), times stay .NET ticks.

/// The principal types of tblPrincipalType.
public enum LegacyPrincipalType: Int, CaseIterable, Sendable {
    case any = 1, anyUser, anyGroup, systemUser, user, externalUser, federatedUser, domain, group, folder, federatedGroup

    /// The ptypeDesc text of the static row.
    public var description: String {
        switch self {
        case .any: "Any"
        case .anyUser: "AnyUser"
        case .anyGroup: "AnyGroup"
        case .systemUser: "SystemUser"
        case .user: "User"
        case .externalUser: "ExternalUser"
        case .federatedUser: "FederatedUser"
        case .domain: "DC"
        case .group: "Group"
        case .folder: "Folder"
        case .federatedGroup: "FederatedGroup"
        }
    }

    /// Types 6, 7 and 11: principals outside the local directory.
    public var isFederated: Bool { self == .externalUser || self == .federatedUser || self == .federatedGroup }

    public var isUser: Bool { self == .user || self == .externalUser || self == .federatedUser || self == .systemUser || self == .anyUser }
}

/// A row of tblPrincipal.
public struct LegacyPrincipal: Sendable, Equatable {
    public var id: Int
    public var guid: String
    public var uri: String
    public var name: String?
    public var companyName: String?
    public var email: String?
    public var adPath: String?
    public var userPrincipalName: String?
    public var isDisabled: Bool
    /// prinTypeID as stored (see `type` for the known values).
    public var typeID: Int
    public var addedOn: Int64?
    public var updatedOn: Int64?

    public var type: LegacyPrincipalType? { LegacyPrincipalType(rawValue: typeID) }
    /// Federated or external (types 6, 7, 11): Persistent Chat 2013 has no place for them.
    public var isFederated: Bool { [6, 7, 11].contains(typeID) }
}

/// A row of tblPrincipalAffiliations: `principalID` belongs to `affiliationID` (a group, OU or
/// domain; equal ids with index -1 is the self row).
public struct LegacyAffiliation: Sendable, Equatable {
    public var principalID: Int
    public var affiliationID: Int
    public var index: Int?

    public var isSelf: Bool { principalID == affiliationID }
}

/// A row of tblNode: a category (`isCategory`) or a room. Inheritable settings are nil when the
/// node inherits them from its parent category.
public struct LegacyNode: Sendable, Equatable {
    public static let rootID = 1
    public static let normalBehavior = 4, auditoriumBehavior = 5
    public static let privateVisibility = 2, scopedVisibility = 3

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
    public var isDisabled: Bool
    /// 4 Normal, 5 Auditorium.
    public var behavior: Int
    /// 2 Private, 3 Scoped, nil = inherit.
    public var visibility: Int?
    public var overrideMember: Bool
    /// The add-in (tblSiopWhiteList.siopID), if any.
    public var addinID: String?
    public var addedOn: Int64?
    public var updatedOn: Int64?

    public var isRoot: Bool { id == Self.rootID }
    public var isRoom: Bool { !isCategory }
    public var isAuditorium: Bool { behavior == Self.auditoriumBehavior }
}

/// The roles of tblRoleType.
public enum LegacyRole: Int, CaseIterable, Sendable {
    case member = 1, manager, voiced, creator

    public var description: String {
        switch self {
        case .member: "Member"
        case .manager: "Manager"
        case .voiced: "Voiced"
        case .creator: "Creator"
        }
    }
}

/// A row of tblPrincipalRole: `principalID` holds role `roleTypeID` on node `nodeID`.
public struct LegacyRoleAssignment: Sendable, Equatable {
    public var nodeID: Int
    public var principalID: Int
    public var roleTypeID: Int

    public var role: LegacyRole? { LegacyRole(rawValue: roleTypeID) }
}

/// A row of tblScopePrincipal: `principalID` is in the scope of category `nodeID`.
public struct LegacyScopeEntry: Sendable, Equatable {
    public var nodeID: Int
    public var principalID: Int
}

/// A row of tblSiopWhiteList.
public struct LegacyAddin: Sendable, Equatable {
    public var id: String
    public var name: String
    public var url: String
}

/// A row of tblChat.
public struct LegacyMessage: Sendable, Equatable {
    public var roomID: Int
    public var chatID: Int64
    /// .NET ticks.
    public var date: Int64
    public var userID: Int
    public var isAlert: Bool
    public var content: String
    /// The RTF version, byte for byte; nil when the column is NULL.
    public var rtf: Data?

    public var dateValue: Date { NetTicks.date(date) }
    /// True when the text carries a posted file (`ma-filelink:`).
    public var hasFileLink: Bool { content.range(of: "ma-filelink:", options: .caseInsensitive) != nil }
}

/// The facts of tblConfig.
public struct LegacyConfig: Sendable, Equatable {
    public var values: [String: String]

    public var schemaVersion: String? { value("SchemaVersion") }
    public var forestFqdn: String? { value("ForestFqdn") }
    public var lookupServerUri: String? { value("LookupServerUri") }
    public var fileStorePath: String? { value("FileStorePath") }

    /// The value of a key, matched case-insensitively.
    public func value(_ key: String) -> String? {
        if let exact = values[key] { return exact }
        return values.first { $0.key.caseInsensitiveCompare(key) == .orderedSame }?.value
    }
}

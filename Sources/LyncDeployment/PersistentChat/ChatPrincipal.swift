import Foundation
import GRDB

/// A directory object as Persistent Chat caches it ("provisioned") in its own database: a user,
/// a group, an OU or the domain. `affiliations` are the groups, OUs and domain it belongs to
/// (transitively), which is how a user is found inside a group or OU named in a list.
public struct ChatPrincipal: Sendable, Equatable {
    /// tblPrincipalType ids.
    public enum Kind: Int, Sendable {
        case user = 5, domain = 8, group = 9, folder = 10
    }

    public var kind: Kind
    /// `sip:` address for users; for the others an opaque unique URI (groups `ma-grp:…`).
    public var uri: String
    public var name: String
    public var displayName: String?
    /// The distinguished name (nil for principals outside the directory).
    public var adPath: String?
    public var userPrincipalName: String?
    public var guid: String
    public var disabled: Bool
    public var affiliations: [ChatPrincipal]

    public init(kind: Kind, uri: String, name: String, displayName: String? = nil, adPath: String? = nil,
                userPrincipalName: String? = nil, guid: String, disabled: Bool = false, affiliations: [ChatPrincipal] = []) {
        self.kind = kind
        self.uri = uri
        self.name = name
        self.displayName = displayName
        self.adPath = adPath
        self.userPrincipalName = userPrincipalName
        self.guid = guid
        self.disabled = disabled
        self.affiliations = affiliations
    }

    /// How lists show the principal: users by SIP address, others by distinguished name;
    /// `asObject` (the cmdlets' -AsObject) shows display names.
    public func listText(asObject: Bool) -> String {
        if asObject { return displayName ?? name }
        return kind == .user ? uri : (adPath ?? uri)
    }
}

/// Writes principals into a Persistent Chat database and reads them back.
enum ChatPrincipals {
    /// The principal's id in this database, adding or refreshing its row and affiliations.
    @discardableResult
    static func provision(_ principal: ChatPrincipal, in db: Database) throws -> Int64 {
        let now = NetTicks.from(Date())
        let id: Int64
        if let existing = try Int64.fetchOne(db, sql: "SELECT prinID FROM tblPrincipal WHERE prinUri = ?", arguments: [principal.uri]) {
            id = existing
            try db.execute(sql: """
                UPDATE tblPrincipal SET prinName = ?, prinDisplayName = ?, prinADPath = ?, prinADUserPrincipalName = ?,
                    prinDisabled = ?, prinTypeID = ?, prinUpdatedOn = ? WHERE prinID = ?
                """, arguments: [principal.name, principal.displayName, principal.adPath, principal.userPrincipalName,
                                 principal.disabled ? 1 : 0, principal.kind.rawValue, now, id])
        } else {
            try db.execute(sql: """
                INSERT INTO tblPrincipal (prinGuid, prinUri, prinName, prinDisplayName, prinADPath, prinADUserPrincipalName,
                    prinDisabled, prinTypeID, prinAddedBy, prinAddedOn, prinUpdatedOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                """, arguments: [principal.guid, principal.uri, principal.name, principal.displayName, principal.adPath,
                                 principal.userPrincipalName, principal.disabled ? 1 : 0, principal.kind.rawValue, now, now])
            id = db.lastInsertedRowID
        }
        try db.execute(sql: "DELETE FROM tblPrincipalAffiliations WHERE principalID = ?", arguments: [id])
        try db.execute(sql: "INSERT INTO tblPrincipalAffiliations (principalID, affiliationID, \"index\", updatedBy) VALUES (?, ?, -1, 1)",
                       arguments: [id, id])
        for (index, affiliation) in principal.affiliations.enumerated() {
            var parent = affiliation
            parent.affiliations = []
            let parentID = try provisionRowOnly(parent, in: db)
            try db.execute(sql: "INSERT OR IGNORE INTO tblPrincipalAffiliations (principalID, affiliationID, \"index\", updatedBy) VALUES (?, ?, ?, 1)",
                           arguments: [id, parentID, index])
        }
        return id
    }

    /// Adds the principal's row when missing, without touching its affiliations.
    private static func provisionRowOnly(_ principal: ChatPrincipal, in db: Database) throws -> Int64 {
        if let existing = try Int64.fetchOne(db, sql: "SELECT prinID FROM tblPrincipal WHERE prinUri = ?", arguments: [principal.uri]) {
            return existing
        }
        return try provision(principal, in: db)
    }

    /// The principal with this id, as lists show it.
    static func principal(_ id: Int64, in db: Database) throws -> ChatPrincipal? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM tblPrincipal WHERE prinID = ?", arguments: [id]) else { return nil }
        return principal(row)
    }

    static func principal(_ row: Row) -> ChatPrincipal {
        ChatPrincipal(kind: ChatPrincipal.Kind(rawValue: row["prinTypeID"]) ?? .user, uri: row["prinUri"], name: row["prinName"] ?? "",
                      displayName: row["prinDisplayName"], adPath: row["prinADPath"], userPrincipalName: row["prinADUserPrincipalName"],
                      guid: row["prinGuid"], disabled: (row["prinDisabled"] as Int? ?? 0) != 0)
    }

    /// Every principal id `id` stands for: itself and everything it is affiliated with.
    static func affiliationIDs(of id: Int64, in db: Database) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT affiliationID FROM tblPrincipalAffiliations WHERE principalID = ?", arguments: [id]) + [id])
    }
}

import Foundation
import GRDB

/// The directory: user accounts, groups with nested membership and the OUs that hold them. Every
/// function works inside the caller's transaction (`store.read` / `store.write`), so a caller can
/// combine several steps and have all of them land or none.
public enum DirectoryRepository {
    /// The container new accounts go to when no path is given.
    public static let defaultContainer = "CN=Users"

    /// The database handle of a store transaction, named so callers need not import GRDB.
    public typealias Transaction = Database

    /// Which identity forms a look-up accepts. AD cmdlets take a DN, GUID, SID or SamAccountName;
    /// Lync cmdlets also take a UPN, a SIP address, `DOMAIN\name` and a display name.
    public enum IdentityForms: Sendable {
        case activeDirectory, lync
    }

    // MARK: Users

    public static func users(in db: Database) throws -> [DirectoryUser] {
        try Row.fetchAll(db, sql: "SELECT * FROM directoryUser ORDER BY name COLLATE NOCASE").map(DirectoryUser.init(row:))
    }

    /// True when an account with this SamAccountName exists (any case).
    public static func userExists(_ samAccountName: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM directoryUser WHERE samAccountName = ?)",
                          arguments: [samAccountName]) ?? false
    }

    /// The user `identity` names, or nil. A display name shared by several users is an error.
    public static func findUser(_ identity: String, forms: IdentityForms = .activeDirectory,
                                in db: Database) throws -> DirectoryUser? {
        let text = identity.trimmingWhitespace
        guard !text.isEmpty else { return nil }
        let forest = try CentralManagementStore.forestFqdn(in: db)
        if let (name, ou) = splitDistinguishedName(text, forest: forest) {
            return try fetchUser(db, "name = ? COLLATE NOCASE AND ou = ?", [name, ou])
        }
        if let user = try fetchUser(db, "samAccountName = ? OR objectGuid = ? OR sid = ?",
                                    [text, guidText(text), text]) {
            return user
        }
        guard forms == .lync else { return nil }
        if text.lowercased().hasPrefix("sip:") {
            return try fetchUser(db, "sipAddress = ?", [SipAddressRegistry.normalize(text)])
        }
        if let slash = text.lastIndex(of: "\\"),
           let user = try fetchUser(db, "samAccountName = ?", [String(text[text.index(after: slash)...])]) {
            return user
        }
        if text.contains("@"), let user = try fetchUser(db, "userPrincipalName = ? OR sipAddress = ?", [text, "sip:" + text]) {
            return user
        }
        let named = try Row.fetchAll(db, sql: "SELECT * FROM directoryUser WHERE displayName = ? COLLATE NOCASE", arguments: [text])
            .map(DirectoryUser.init(row:))
        if named.count > 1 {
            throw DeploymentError(.invalidArgument, id: "AmbiguousIdentity",
                                  "\(named.count) users have the display name '\(text)'. Use the SIP address, the UPN or the SamAccountName instead.",
                                  target: text)
        }
        return named.first
    }

    /// The user `identity` names; `UserNotFound` when there is none.
    public static func requireUser(_ identity: String, forms: IdentityForms = .activeDirectory,
                                   in db: Database) throws -> DirectoryUser {
        if let user = try findUser(identity, forms: forms, in: db) { return user }
        let forest = try CentralManagementStore.forestFqdn(in: db)
        throw DeploymentError.notFound("a user with identity", identity, id: "UserNotFound",
                                       hint: "No account under '\(CentralManagementStore.domainComponents(of: forest))' has that name; Get-ADUser -Filter * lists them.")
    }

    /// Creates a user account (and its OU when missing) and returns it.
    @discardableResult
    public static func createUser(_ spec: NewDirectoryUser, in db: Database) throws -> DirectoryUser {
        let forest = try CentralManagementStore.forestFqdn(in: db)
        let name = spec.name.trimmingWhitespace
        guard !name.isEmpty else {
            throw DeploymentError(.invalidArgument, id: "InvalidName", "A user needs a name; pass -Name.")
        }
        let sam = try validSamAccountName(spec.samAccountName ?? String(name.prefix(20)))
        let ou = try ensureOrganizationalUnit(spec.path, in: db)
        try requireFreeAccountName(sam, in: db)
        try requireFreeDistinguishedName(name: name, ou: ou, forest: forest, in: db)
        let upn = (spec.userPrincipalName?.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 } ?? "\(sam)@\(forest)"
        if let holder = try String.fetchOne(db, sql: "SELECT samAccountName FROM directoryUser WHERE userPrincipalName = ?", arguments: [upn]) {
            throw DeploymentError(.resourceExists, id: "UserPrincipalNameInUse",
                                  "The user principal name '\(upn)' is already used by the user '\(holder)'. Choose another -UserPrincipalName.",
                                  target: upn)
        }
        var sip: String?
        if let address = spec.sipAddress, !address.trimmingWhitespace.isEmpty {
            let normalized = SipAddressRegistry.normalize(address)
            try requireWellFormed(normalized)
            try SipAddressRegistry.requireFree(normalized, in: db)
            sip = normalized
        }
        let guid = UUID().uuidString.lowercased()
        try db.execute(sql: """
            INSERT INTO directoryUser (samAccountName, objectGuid, sid, ou, name, displayName, givenName, surname,
                userPrincipalName, sipAddress, enabled, csEnabled, registrarPool, description, whenCreated, mail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [sam, guid, try CentralManagementStore.newSid(in: db), ou, name, spec.displayName,
                             spec.givenName, spec.surname, upn, sip, spec.enabled, sip != nil,
                             sip == nil ? nil : spec.registrarPool, spec.description, Date().timeIntervalSince1970,
                             try mailAddress(spec.mail)])
        return try requireUser(sam, in: db)
    }

    /// Deletes a user account and its group memberships.
    public static func removeUser(_ samAccountName: String, in db: Database) throws {
        let user = try requireUser(samAccountName, in: db)
        try db.execute(sql: "DELETE FROM groupMember WHERE memberKind = 'user' AND memberName = ?", arguments: [user.samAccountName])
        try db.execute(sql: "DELETE FROM directoryUser WHERE samAccountName = ?", arguments: [user.samAccountName])
    }

    /// Disable-CsUser: the account stays in the directory but loses its SIP address and its Lync
    /// settings, which frees the address for another object.
    @discardableResult
    public static func disableForLync(_ samAccountName: String, in db: Database) throws -> DirectoryUser {
        let user = try requireUser(samAccountName, in: db)
        try db.execute(sql: """
            UPDATE directoryUser SET sipAddress = NULL, csEnabled = 0, registrarPool = NULL, lineUri = NULL, lineServerUri = NULL,
                privateLine = NULL, enterpriseVoiceEnabled = 0, audioVideoDisabled = 0, remoteCallControlTelephonyEnabled = 0
            WHERE samAccountName = ?
            """, arguments: [user.samAccountName])
        return try requireUser(user.samAccountName, in: db)
    }

    // MARK: Organizational units

    /// Every OU path (without the DC= components), sorted.
    public static func organizationalUnits(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT path FROM organizationalUnit ORDER BY path COLLATE NOCASE")
    }

    /// The OU path `path` names (an OU DN of this forest or a path without DC= parts), created
    /// with its parents when missing. nil means `CN=Users`.
    @discardableResult
    public static func ensureOrganizationalUnit(_ path: String?, in db: Database) throws -> String {
        let ou = try organizationalUnitPath(path, in: db)
        let parts = splitRelativeNames(ou)
        for start in stride(from: parts.count - 1, through: 0, by: -1) {
            let prefix = parts[start...].joined(separator: ",")
            try db.execute(sql: "INSERT OR IGNORE INTO organizationalUnit (path, whenCreated) VALUES (?, ?)",
                           arguments: [prefix, Date().timeIntervalSince1970])
        }
        return try String.fetchOne(db, sql: "SELECT path FROM organizationalUnit WHERE path = ?", arguments: [ou]) ?? ou
    }

    /// The OU path of `path` without creating anything; `InvalidOrganizationalUnit` when it is not
    /// a path of `OU=`/`CN=` parts in this forest.
    public static func organizationalUnitPath(_ path: String?, in db: Database) throws -> String {
        guard let raw = path?.trimmingWhitespace, !raw.isEmpty else { return defaultContainer }
        let forest = try CentralManagementStore.forestFqdn(in: db)
        let normalized = DirectoryNames.normalize(raw)
        var ou = normalized
        if normalized.range(of: "DC=", options: .caseInsensitive) != nil {
            guard let inForest = DirectoryNames.ouPath(ofDistinguishedName: normalized, forest: forest), !inForest.isEmpty else {
                throw DeploymentError(.invalidArgument, id: "InvalidOrganizationalUnit",
                                      "The path '\(raw)' is not in this forest: it must end in '\(CentralManagementStore.domainComponents(of: forest))'.",
                                      target: raw)
            }
            ou = inForest
        }
        for part in splitRelativeNames(ou) {
            let lower = part.lowercased()
            guard (lower.hasPrefix("ou=") || lower.hasPrefix("cn=")) && part.count > 3 else {
                throw DeploymentError(.invalidArgument, id: "InvalidOrganizationalUnit",
                                      "The path '\(raw)' is not an OU: each part must be OU=<name> or CN=<name>, e.g. 'OU=Sales,\(CentralManagementStore.domainComponents(of: forest))'.",
                                      target: raw)
            }
        }
        return ou
    }

    // MARK: Shared checks and parsing

    /// SamAccountNames are shared by users and groups: one name, one object.
    static func requireFreeAccountName(_ sam: String, in db: Database) throws {
        if try userExists(sam, in: db) {
            throw DeploymentError.exists("the user", sam, id: "AccountNameInUse", hint: "SamAccountNames must be unique; choose another.")
        }
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM directoryGroup WHERE samAccountName = ?)", arguments: [sam]) ?? false {
            throw DeploymentError.exists("the group", sam, id: "AccountNameInUse", hint: "SamAccountNames must be unique; choose another.")
        }
    }

    static func requireFreeDistinguishedName(name: String, ou: String, forest: String, in db: Database) throws {
        let taken = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM directoryUser WHERE name = ? COLLATE NOCASE AND ou = ?)
                OR EXISTS (SELECT 1 FROM directoryGroup WHERE name = ? COLLATE NOCASE AND ou = ?)
            """, arguments: [name, ou, name, ou]) ?? false
        if taken {
            let dn = DirectoryNames.distinguishedName(name: name, ou: ou, forest: forest)
            throw DeploymentError.exists("an object named", dn, id: "DistinguishedNameInUse",
                                         hint: "Names must be unique within an OU; choose another -Name or -Path.")
        }
    }

    /// Sets whether an account may sign in (Disable-/Enable-ADAccount).
    public static func setEnabled(_ sam: String, _ enabled: Bool, in db: Database) throws {
        try db.execute(sql: "UPDATE directoryUser SET enabled = ? WHERE samAccountName = ? COLLATE NOCASE", arguments: [enabled, sam])
    }

    /// Checks a SamAccountName: AD allows 20 characters for users and 256 for groups.
    static func validSamAccountName(_ text: String, maxLength: Int = 20) throws -> String {
        let sam = text.trimmingWhitespace
        let forbidden = "\"/\\[]:;|=,+*?<>@"
        guard !sam.isEmpty, sam.count <= maxLength, !sam.contains(where: { forbidden.contains($0) }), !sam.hasSuffix(".") else {
            throw DeploymentError(.invalidArgument, id: "InvalidSamAccountName",
                                  "'\(text)' is not a valid SamAccountName: use 1 to \(maxLength) characters without \(forbidden) and not ending in a dot.",
                                  target: text)
        }
        return sam
    }

    /// An e-mail address (`name@domain.tld`), or nil for none.
    static func mailAddress(_ text: String?) throws -> String? {
        guard let address = text?.trimmingWhitespace, !address.isEmpty else { return nil }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !address.contains(where: \.isWhitespace) else {
            throw DeploymentError(.invalidArgument, id: "InvalidEmailAddress",
                                  "'\(address)' is not an e-mail address; write it as name@domain, e.g. kmyer@litwareinc.com.",
                                  target: address)
        }
        return address
    }

    static func requireWellFormed(_ sip: String) throws {
        guard SipAddressRegistry.isWellFormed(sip) else {
            throw DeploymentError(.invalidArgument, id: "InvalidSipAddress",
                                  "'\(sip)' is not a valid SIP address: write it as sip:<user>@<sip domain>, e.g. sip:pce@litwareinc.com.",
                                  target: sip)
        }
    }

    /// `(name, ou)` of a DN in this forest (`CN=Ken Myer,OU=Sales,DC=…` → `("Ken Myer", "OU=Sales")`),
    /// or nil when `text` is not such a DN.
    static func splitDistinguishedName(_ text: String, forest: String) -> (String, String)? {
        guard text.contains("="), text.contains(","),
              let path = DirectoryNames.ouPath(ofDistinguishedName: text, forest: forest) else { return nil }
        let parts = splitRelativeNames(path)
        guard parts.count >= 2, let equals = parts[0].firstIndex(of: "=") else { return nil }
        let name = unescape(String(parts[0][parts[0].index(after: equals)...]))
        return (name, parts.dropFirst().joined(separator: ","))
    }

    /// The RDNs of a DN, split at unescaped commas.
    static func splitRelativeNames(_ dn: String) -> [String] {
        DirectoryNames.relativeNames(dn).filter { !$0.isEmpty }
    }

    static func unescape(_ value: String) -> String {
        var out = ""
        var escaped = false
        for ch in value {
            if !escaped && ch == "\\" { escaped = true; continue }
            escaped = false
            out.append(ch)
        }
        return out
    }

    /// A GUID written with or without braces, lower-cased as stored.
    static func guidText(_ text: String) -> String {
        var t = text
        if t.hasPrefix("{") && t.hasSuffix("}") { t = String(t.dropFirst().dropLast()) }
        return t.lowercased()
    }

    private static func fetchUser(_ db: Database, _ condition: String, _ arguments: [String]) throws -> DirectoryUser? {
        try Row.fetchOne(db, sql: "SELECT * FROM directoryUser WHERE \(condition)", arguments: StatementArguments(arguments))
            .map(DirectoryUser.init(row:))
    }
}

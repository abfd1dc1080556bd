import Foundation
import GRDB

/// Persistent Chat endpoints. An endpoint belongs to a Persistent Chat pool of the published
/// topology and holds a SIP address no user or other contact has; during a migration that is
/// usually the address of the legacy Lookup account (`ocschat@…`), which must be deleted first.
public enum EndpointRepository {
    static let kind = "PersistentChat"

    /// The Persistent Chat pools of the published topology.
    public static func persistentChatPools(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT fqdn FROM pool WHERE \(TopologyRepository.hasRoleSQL) ORDER BY fqdn COLLATE NOCASE",
                            arguments: [kind, kind])
    }

    /// Creates an endpoint for `pool` with `sipAddress` (normalised to `sip:…`).
    @discardableResult
    public static func create(sipAddress: String, pool: String, displayName: String?,
                              in db: Database) throws -> PersistentChatEndpoint {
        let poolFqdn = try requirePersistentChatPool(pool, in: db)
        let sip = SipAddressRegistry.normalize(sipAddress)
        try DirectoryRepository.requireWellFormed(sip)
        try SipAddressRegistry.requireFree(sip, in: db)
        let guid = UUID().uuidString.lowercased()
        let name = displayName.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        try db.execute(sql: """
            INSERT INTO contact (objectGuid, kind, sipAddress, displayName, pool, enabled, whenCreated)
            VALUES (?, ?, ?, ?, ?, 1, ?)
            """, arguments: [guid, kind, sip, name, poolFqdn, Date().timeIntervalSince1970])
        return try fetch(db, "objectGuid = ?", [guid])[0]
    }

    /// Every endpoint, or those of one pool, ordered by SIP address.
    public static func endpoints(pool: String? = nil, in db: Database) throws -> [PersistentChatEndpoint] {
        if let pool { return try fetch(db, "pool = ?", [pool]) }
        return try fetch(db, "1", [])
    }

    /// The endpoints `identity` names: a SIP address (with or without `sip:`), a DN of the
    /// Application Contacts container, a GUID, or a display name (which may match several).
    public static func find(_ identity: String, in db: Database) throws -> [PersistentChatEndpoint] {
        let text = identity.trimmingWhitespace
        guard !text.isEmpty else { return [] }
        if text.contains("="), let guid = guid(inDistinguishedName: text, in: db) {
            return try fetch(db, "objectGuid = ?", [guid])
        }
        if text.lowercased().hasPrefix("sip:") || (text.contains("@") && !text.contains(" ")) {
            let byAddress = try fetch(db, "sipAddress = ?", [SipAddressRegistry.normalize(text)])
            if !byAddress.isEmpty { return byAddress }
        }
        let byGuid = try fetch(db, "objectGuid = ?", [DirectoryRepository.guidText(text)])
        if !byGuid.isEmpty { return byGuid }
        return try fetch(db, "displayName = ? COLLATE NOCASE", [text])
    }

    /// Exactly one endpoint named by `identity`, else `EndpointNotFound` or `AmbiguousIdentity`.
    public static func require(_ identity: String, in db: Database) throws -> PersistentChatEndpoint {
        let found = try find(identity, in: db)
        if found.count > 1 {
            throw DeploymentError(.invalidArgument, id: "AmbiguousIdentity",
                                  "\(found.count) Persistent Chat endpoints have the display name '\(identity)'. Use the SIP address instead.",
                                  target: identity)
        }
        guard let endpoint = found.first else {
            throw DeploymentError.notFound("a Persistent Chat endpoint with identity", identity, id: "EndpointNotFound",
                                           hint: "Get-CsPersistentChatEndpoint lists the endpoints.")
        }
        return endpoint
    }

    /// Deletes the endpoint with this GUID.
    public static func remove(objectGuid: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM contact WHERE kind = ? AND objectGuid = ?", arguments: [kind, objectGuid])
        if db.changesCount == 0 {
            throw DeploymentError.notFound("a Persistent Chat endpoint with GUID", objectGuid, id: "EndpointNotFound")
        }
    }

    /// The stored FQDN of Persistent Chat pool `fqdn`, or an error that says what to do.
    static func requirePersistentChatPool(_ fqdn: String, in db: Database) throws -> String {
        let wanted = fqdn.trimmingWhitespace
        let published = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pool) OR EXISTS (SELECT 1 FROM topologyDocument)") ?? false
        guard published else {
            throw DeploymentError(.invalidOperation, id: "TopologyNotPublished",
                                  "No topology has been published, so there is no Persistent Chat pool '\(wanted)'. Publish a topology with a Persistent Chat pool (Publish-CsTopology) first.",
                                  target: wanted)
        }
        // A pool may carry Persistent Chat as its main role or as a collocated one.
        if let row = try Row.fetchOne(db, sql: "SELECT fqdn, role, \(TopologyRepository.hasRoleSQL) AS fits FROM pool WHERE fqdn = ?",
                                      arguments: [kind, kind, wanted]) {
            if row["fits"] as Bool { return row["fqdn"] }
            throw DeploymentError(.invalidArgument, id: "NotAPersistentChatPool",
                                  "The pool '\(wanted)' is a \(row["role"] as String) pool, not a Persistent Chat pool. Name a Persistent Chat pool of the topology.",
                                  target: wanted)
        }
        let pools = try persistentChatPools(in: db)
        let known = pools.isEmpty ? "The published topology has no Persistent Chat pool; add one and publish it again."
            : "Persistent Chat pools: \(pools.joined(separator: ", "))."
        throw DeploymentError(.objectNotFound, id: "PersistentChatPoolNotFound",
                              "The published topology has no Persistent Chat pool '\(wanted)'. \(known)", target: wanted)
    }

    /// The GUID in `CN={guid},CN=Application Contacts,…` of this forest, or nil.
    private static func guid(inDistinguishedName dn: String, in db: Database) -> String? {
        guard let forest = try? CentralManagementStore.forestFqdn(in: db),
              let path = DirectoryNames.ouPath(ofDistinguishedName: dn, forest: forest) else { return nil }
        let parts = DirectoryRepository.splitRelativeNames(path)
        guard parts.count >= 2, parts[0].lowercased().hasPrefix("cn="),
              parts.dropFirst().joined(separator: ",").caseInsensitiveCompare(DirectoryNames.applicationContactsContainer) == .orderedSame
        else { return nil }
        return DirectoryRepository.guidText(String(parts[0].dropFirst(3)))
    }

    private static func fetch(_ db: Database, _ condition: String, _ arguments: [String]) throws -> [PersistentChatEndpoint] {
        try Row.fetchAll(db, sql: "SELECT * FROM contact WHERE kind = '\(kind)' AND (\(condition)) ORDER BY sipAddress COLLATE NOCASE",
                         arguments: StatementArguments(arguments)).map(PersistentChatEndpoint.init(row:))
    }
}

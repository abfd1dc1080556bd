import Foundation
import GRDB

/// Trusted application endpoints: contact objects (kind `TrustedApplication`) that route calls
/// to an application of a pool.
extension TrustedApplicationRepository {
    /// The endpoints, optionally only those of one application id and/or pool.
    public func endpoints(applicationId: String? = nil, pool: String? = nil) throws -> [TrustedApplicationEndpoint] {
        try store.read { db in try Self.fetchEndpoints(applicationId: applicationId, pool: pool, in: db) }
    }

    /// The endpoint with this DN, SIP address (`sip:` required) or display name.
    public func endpoint(_ identity: String) throws -> TrustedApplicationEndpoint {
        try store.read { db in try Self.requireEndpoint(identity, in: db) }
    }

    /// Creates an endpoint for an application of a pool that has a registrar. Without a SIP
    /// address one is generated (`sip:RtcApplication-<guid>@<domain>`). Returns nil when
    /// `proceed` declined.
    public func newEndpoint(_ settings: TrustedApplicationEndpointSettings, proceed: Proceed) throws -> TrustedApplicationEndpoint? {
        try store.write { db in
            guard let pool = try Self.findPool(settings.poolFqdn, in: db) else {
                throw DeploymentError.notFound("trusted application pool", settings.poolFqdn, id: "TrustedApplicationPoolNotFound",
                                               hint: "List the pools with Get-CsTrustedApplicationPool.")
            }
            guard pool.registrar != nil else {
                throw DeploymentError(.invalidOperation, id: "TrustedApplicationPoolHasNoRegistrar",
                                      "The trusted application pool '\(pool.fqdn)' has no registrar, so its endpoints could not register. Set one with Set-CsTrustedApplicationPool -Identity \(pool.fqdn) -Registrar <Front End pool FQDN>.",
                                      target: pool.identity)
            }
            let id = TrustedApplicationNames.applicationId(settings.applicationId)
            guard try Self.fetchApplicationRow(pool: pool.fqdn, applicationId: id, in: db) != nil else {
                throw DeploymentError.notFound("trusted application", "\(pool.fqdn)/\(TrustedApplicationNames.applicationUrnPrefix)\(id)",
                                               id: "TrustedApplicationNotFound",
                                               hint: "Create the application on that pool first with New-CsTrustedApplication.")
            }
            let forest = try CentralManagementStore.forestFqdn(in: db)
            let objectGuid = UUID().uuidString.lowercased()
            let sipAddress: String
            if let given = settings.sipAddress?.trimmingWhitespace {
                guard SipAddressRegistry.isWellFormed(given) else {
                    throw DeploymentError(.invalidArgument, id: "InvalidSipAddress",
                                          "'\(given)' is not a SIP address. Write it as sip:<name>@<domain>, for example sip:endpoint1@litwareinc.com.",
                                          target: given)
                }
                sipAddress = SipAddressRegistry.normalize(given)
            } else {
                sipAddress = "sip:RtcApplication-\(objectGuid)@\(TrustedApplicationNames.sipDomain(forest: forest, pool: pool.fqdn))"
            }
            try SipAddressRegistry.requireFree(sipAddress, in: db)
            try Self.requireLineUri(settings.lineUri)
            try Self.requireLanguages([settings.primaryLanguage].compactMap { $0 } + settings.secondaryLanguages)
            guard try proceed() else { return nil }
            try db.execute(sql: """
                INSERT INTO contact (objectGuid, kind, sipAddress, displayName, pool, applicationId, displayNumber, lineUri,
                    primaryLanguage, secondaryLanguages, whenCreated)
                VALUES (?, 'TrustedApplication', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [objectGuid, sipAddress, settings.displayName, pool.fqdn, id, settings.displayNumber,
                                 settings.lineUri, settings.primaryLanguage, Self.json(settings.secondaryLanguages),
                                 Date().timeIntervalSince1970])
            return try Self.requireEndpoint(sipAddress, in: db)
        }
    }

    /// Changes an endpoint. Its SIP address cannot change. Returns nil when `proceed` declined.
    public func setEndpoint(_ identity: String, _ changes: TrustedApplicationEndpointChanges,
                            proceed: Proceed) throws -> TrustedApplicationEndpoint? {
        try store.write { db in
            let endpoint = try Self.requireEndpoint(identity, in: db)
            if let sip = changes.sipAddress,
               SipAddressRegistry.normalize(sip).caseInsensitiveCompare(endpoint.sipAddress) != .orderedSame {
                throw DeploymentError(.invalidOperation, id: "SipAddressCannotChange",
                                      "The SIP address of an endpoint is fixed when it is created and cannot be changed. To use '\(sip)', create a new endpoint with that address and remove this one.",
                                      target: endpoint.distinguishedName)
            }
            var policy = endpoint.exchangeArchivingPolicy
            if let text = changes.exchangeArchivingPolicy {
                guard let value = ExchangeArchivingPolicy.named(text) else {
                    throw DeploymentError(.invalidArgument, id: "InvalidExchangeArchivingPolicy",
                                          "'\(text)' is not an Exchange archiving policy. Use one of: \(ExchangeArchivingPolicy.allCases.map(\.rawValue).joined(separator: ", ")).",
                                          target: text)
                }
                policy = value.rawValue
            }
            try Self.requireLineUri(changes.lineUri)
            var languages = changes.replaceSecondaryLanguages ?? endpoint.secondaryLanguages
            for added in changes.addSecondaryLanguages where !languages.contains(where: { $0.caseInsensitiveCompare(added) == .orderedSame }) {
                languages.append(added)
            }
            languages.removeAll { language in changes.removeSecondaryLanguages.contains { $0.caseInsensitiveCompare(language) == .orderedSame } }
            try Self.requireLanguages([changes.primaryLanguage].compactMap { $0 } + languages)
            guard try proceed() else { return nil }
            try db.execute(sql: """
                UPDATE contact SET displayName = ?, displayNumber = ?, lineUri = ?, primaryLanguage = ?, secondaryLanguages = ?,
                    enabled = ?, enabledForFederation = ?, enterpriseVoiceEnabled = ?, exchangeArchivingPolicy = ?
                WHERE objectGuid = ?
                """, arguments: [changes.displayName ?? endpoint.displayName, changes.displayNumber ?? endpoint.displayNumber,
                                 changes.lineUri ?? endpoint.lineUri, changes.primaryLanguage ?? endpoint.primaryLanguage,
                                 Self.json(languages), changes.enabled ?? endpoint.enabled,
                                 changes.enabledForFederation ?? endpoint.enabledForFederation,
                                 changes.enterpriseVoiceEnabled ?? endpoint.enterpriseVoiceEnabled, policy, endpoint.objectGuid])
            return try Self.requireEndpoint(endpoint.sipAddress, in: db)
        }
    }

    /// Deletes an endpoint's contact object. Returns false when `proceed` declined.
    public func removeEndpoint(_ identity: String, proceed: Proceed) throws -> Bool {
        try store.write { db in
            let endpoint = try Self.requireEndpoint(identity, in: db)
            guard try proceed() else { return false }
            try Self.deleteEndpoint(objectGuid: endpoint.objectGuid, in: db)
            return true
        }
    }

    // MARK: Helpers

    /// The endpoints, optionally only those of one application id and/or pool, oldest first.
    static func fetchEndpoints(applicationId: String?, pool: String?, in db: Database) throws -> [TrustedApplicationEndpoint] {
        var sql = endpointQuery
        var values: [String] = []
        if let applicationId {
            sql += " AND c.applicationId = ?"
            values.append(TrustedApplicationNames.applicationId(applicationId))
        }
        if let pool {
            sql += " AND c.pool = ?"
            values.append(TrustedApplicationNames.strippingPoolPrefix(pool))
        }
        let forest = try CentralManagementStore.forestFqdn(in: db)
        return try Row.fetchAll(db, sql: sql + " ORDER BY c.whenCreated, c.sipAddress", arguments: StatementArguments(values))
            .map { TrustedApplicationEndpoint(row: $0, forest: forest) }
    }

    /// Deletes an endpoint's contact object, which frees its SIP address.
    static func deleteEndpoint(objectGuid: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM contact WHERE kind = 'TrustedApplication' AND objectGuid = ?", arguments: [objectGuid])
    }

    static let endpointQuery = """
        SELECT c.*, p.registrar FROM contact c LEFT JOIN trustedApplicationPool p ON p.fqdn = c.pool
        WHERE c.kind = 'TrustedApplication'
        """

    /// The endpoint named by DN, SIP address, objectGuid or display name; a display name two
    /// endpoints share is an error.
    static func findEndpoint(_ identity: String, in db: Database) throws -> TrustedApplicationEndpoint? {
        let text = identity.trimmingWhitespace
        let forest = try CentralManagementStore.forestFqdn(in: db)
        let all = try Row.fetchAll(db, sql: endpointQuery).map { TrustedApplicationEndpoint(row: $0, forest: forest) }
        let normalizedDn = DirectoryNames.normalize(text)
        let guid = text.trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
        if let match = all.first(where: {
            $0.sipAddress.caseInsensitiveCompare(text) == .orderedSame
                || $0.distinguishedName.caseInsensitiveCompare(normalizedDn) == .orderedSame
                || $0.objectGuid.caseInsensitiveCompare(guid) == .orderedSame
        }) {
            return match
        }
        let byName = all.filter { ($0.displayName ?? "").caseInsensitiveCompare(text) == .orderedSame }
        if byName.count > 1 {
            throw DeploymentError(.invalidArgument, id: "AmbiguousEndpointIdentity",
                                  "\(byName.count) trusted application endpoints have the display name '\(text)'. Name the one you mean by its SIP address or distinguished name.",
                                  target: text)
        }
        return byName.first
    }

    static func requireEndpoint(_ identity: String, in db: Database) throws -> TrustedApplicationEndpoint {
        guard let endpoint = try findEndpoint(identity, in: db) else {
            throw DeploymentError.notFound("trusted application endpoint", identity, id: "TrustedApplicationEndpointNotFound",
                                           hint: "Name it by distinguished name, SIP address (with sip:) or display name; Get-CsTrustedApplicationEndpoint lists them.")
        }
        return endpoint
    }

    /// A line URI is `tel:` followed by the number.
    static func requireLineUri(_ value: String?) throws {
        guard let value else { return }
        let number = value.dropFirst(4)
        guard value.lowercased().hasPrefix("tel:"), !number.isEmpty, !number.contains(where: \.isWhitespace) else {
            throw DeploymentError(.invalidArgument, id: "InvalidLineUri",
                                  "'\(value)' is not a line URI. Write it as tel:<number>, for example tel:+14255551212.",
                                  target: value)
        }
    }

    /// Language codes such as `en-US`.
    static func requireLanguages(_ codes: [String]) throws {
        for code in codes {
            let parts = code.split(separator: "-", omittingEmptySubsequences: false)
            let valid = (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLetter }
                && parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
            guard valid else {
                throw DeploymentError(.invalidArgument, id: "InvalidLanguageCode",
                                      "'\(code)' is not a language code. Use codes such as en-US or fr-FR.", target: code)
            }
        }
    }

    static func json(_ items: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(items), as: UTF8.self)) ?? "[]"
    }
}

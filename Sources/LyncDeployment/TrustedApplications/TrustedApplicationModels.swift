import Foundation
import GRDB

/// A trusted application pool (an external service of role ExternalServer) as stored in
/// `trustedApplicationPool`, with its computers and application ids.
public struct TrustedApplicationPool: Sendable, Equatable {
    public var fqdn: String
    public var siteId: Int?
    /// The site's name when the site is in the published topology.
    public var siteName: String?
    /// `Registrar:<fqdn>`, or nil when the pool has none.
    public var registrar: String?
    public var serviceNumber: Int
    public var outboundOnly: Bool
    public var requiresReplication: Bool
    public var throttleAsServer: Bool
    public var treatAsAuthenticated: Bool
    public var audioPortStart: Int?
    public var audioPortCount: Int?
    public var videoPortStart: Int?
    public var videoPortCount: Int?
    public var appSharingPortStart: Int?
    public var appSharingPortCount: Int?
    public var computers: [String]
    /// Application ids without the `urn:application:` prefix.
    public var applicationIds: [String]

    /// `TrustedApplicationPool:<fqdn>`.
    public var identity: String { TrustedApplicationNames.poolIdentityPrefix + fqdn }

    /// `<siteId>-ExternalServer-<n>`; the site number is 0 when the pool has no site.
    public var serviceId: String { "\(siteId ?? 0)-ExternalServer-\(serviceNumber)" }

    /// `Site:<name>` (or `Site:<id>` when the site is not in the topology), nil without a site.
    public var siteIdentity: String? {
        if let siteName { return "Site:" + siteName }
        return siteId.map { "Site:\($0)" }
    }

    /// The registrar's FQDN, without the `Registrar:` prefix.
    public var registrarFqdn: String? { registrar.map(TrustedApplicationNames.strippingRegistrarPrefix) }

    init(row: Row, computers: [String], applicationIds: [String]) {
        fqdn = row["fqdn"]
        siteId = row["siteId"]
        siteName = row["siteName"]
        registrar = row["registrar"]
        serviceNumber = row["serviceNumber"]
        outboundOnly = row["outboundOnly"]
        requiresReplication = row["requiresReplication"]
        throttleAsServer = row["throttleAsServer"]
        treatAsAuthenticated = row["treatAsAuthenticated"]
        audioPortStart = row["audioPortStart"]
        audioPortCount = row["audioPortCount"]
        videoPortStart = row["videoPortStart"]
        videoPortCount = row["videoPortCount"]
        appSharingPortStart = row["appSharingPortStart"]
        appSharingPortCount = row["appSharingPortCount"]
        self.computers = computers
        self.applicationIds = applicationIds
    }
}

/// A trusted application on a pool, as stored in `trustedApplication`, with the GRUUs derived
/// from its pool's computers.
public struct TrustedApplication: Sendable, Equatable {
    public var pool: String
    /// Without the `urn:application:` prefix.
    public var applicationId: String
    public var port: Int
    public var enableTcp: Bool
    public var legacyApplicationName: String?
    public var computerGruus: [String]
    public var serviceGruu: String
    /// The Trusted Service Entry's objectGuid (the directory record of this application).
    public var serviceEntryGuid: String?

    /// `<pool>/urn:application:<id>`.
    public var identity: String { pool + "/" + ownerUrn }
    /// `urn:application:<id>`.
    public var ownerUrn: String { TrustedApplicationNames.applicationUrnPrefix + applicationId }
    /// `Tcp` with -EnableTcp, else `Mtls`.
    public var protocolName: String { enableTcp ? "Tcp" : "Mtls" }
}

/// Where a trusted application endpoint's instant messages are archived.
public enum ExchangeArchivingPolicy: String, CaseIterable, Sendable {
    case uninitialized = "Uninitialized"
    case useLyncArchivingPolicy = "UseLyncArchivingPolicy"
    case noArchiving = "NoArchiving"
    case archivingToExchange = "ArchivingToExchange"

    /// The value named `text`, compared case-insensitively.
    public static func named(_ text: String) -> ExchangeArchivingPolicy? {
        allCases.first { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }
    }
}

/// A trusted application endpoint: a contact object of kind `TrustedApplication`.
public struct TrustedApplicationEndpoint: Sendable, Equatable {
    public var objectGuid: String
    public var sipAddress: String
    public var displayName: String?
    public var pool: String
    public var applicationId: String
    public var displayNumber: String?
    public var lineUri: String?
    public var enabled: Bool
    public var enabledForFederation: Bool
    public var enterpriseVoiceEnabled: Bool
    public var exchangeArchivingPolicy: String
    public var primaryLanguage: String?
    public var secondaryLanguages: [String]
    public var whenCreated: Double
    /// The DN, derived from the objectGuid and the forest.
    public var distinguishedName: String
    /// The registrar of the endpoint's pool (FQDN), nil when the pool has none.
    public var registrarPool: String?

    /// `urn:application:<id>`.
    public var ownerUrn: String { TrustedApplicationNames.applicationUrnPrefix + applicationId }

    init(row: Row, forest: String) {
        objectGuid = row["objectGuid"]
        sipAddress = row["sipAddress"]
        displayName = row["displayName"]
        pool = row["pool"]
        applicationId = row["applicationId"] ?? ""
        displayNumber = row["displayNumber"]
        lineUri = row["lineUri"]
        enabled = row["enabled"]
        enabledForFederation = row["enabledForFederation"]
        enterpriseVoiceEnabled = row["enterpriseVoiceEnabled"]
        exchangeArchivingPolicy = row["exchangeArchivingPolicy"]
        primaryLanguage = row["primaryLanguage"]
        let languages: String = row["secondaryLanguages"] ?? "[]"
        secondaryLanguages = (try? JSONDecoder().decode([String].self, from: Data(languages.utf8))) ?? []
        whenCreated = row["whenCreated"]
        distinguishedName = DirectoryNames.contactDistinguishedName(objectGuid: objectGuid, forest: forest)
        let registrar: String? = row["registrar"]
        registrarPool = registrar.map(TrustedApplicationNames.strippingRegistrarPrefix)
    }
}

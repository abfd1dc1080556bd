// The inputs of the trusted application operations: what a New- creates and what a Set- changes.

/// Settings for a new trusted application pool; nil means the documented default.
public struct TrustedApplicationPoolSettings: Sendable {
    public var fqdn: String
    public var registrar: String?
    public var site: String?
    public var computerFqdn: String?
    public var outboundOnly: Bool?
    public var requiresReplication: Bool?
    public var throttleAsServer: Bool?
    public var treatAsAuthenticated: Bool?
    public var ports = PortRanges()

    public init(fqdn: String) { self.fqdn = fqdn }
}

/// Changes to a trusted application pool; nil leaves a setting as it is.
public struct TrustedApplicationPoolChanges: Sendable {
    public var registrar: String?
    public var outboundOnly: Bool?
    public var requiresReplication: Bool?
    public var throttleAsServer: Bool?
    public var treatAsAuthenticated: Bool?
    public var ports = PortRanges()

    public init() {}
}

/// The media port ranges of a pool (start and count for audio, video and application sharing).
public struct PortRanges: Sendable {
    public var audioPortStart: Int?
    public var audioPortCount: Int?
    public var videoPortStart: Int?
    public var videoPortCount: Int?
    public var appSharingPortStart: Int?
    public var appSharingPortCount: Int?

    public init() {}
}

/// Settings for a new trusted application endpoint.
public struct TrustedApplicationEndpointSettings: Sendable {
    public var applicationId: String
    public var poolFqdn: String
    public var sipAddress: String?
    public var displayName: String?
    public var displayNumber: String?
    public var lineUri: String?
    public var primaryLanguage: String?
    public var secondaryLanguages: [String] = []

    public init(applicationId: String, poolFqdn: String) {
        self.applicationId = applicationId
        self.poolFqdn = poolFqdn
    }
}

/// Changes to a trusted application endpoint; nil leaves a setting as it is.
public struct TrustedApplicationEndpointChanges: Sendable {
    public var displayName: String?
    public var displayNumber: String?
    public var lineUri: String?
    public var primaryLanguage: String?
    public var enabled: Bool?
    public var enabledForFederation: Bool?
    public var enterpriseVoiceEnabled: Bool?
    public var exchangeArchivingPolicy: String?
    /// The SIP address the caller asked for: refused unless it is the current one.
    public var sipAddress: String?
    /// Languages to add and remove, or a replacement list.
    public var addSecondaryLanguages: [String] = []
    public var removeSecondaryLanguages: [String] = []
    public var replaceSecondaryLanguages: [String]?

    public init() {}
}

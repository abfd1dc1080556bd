import LyncDeployment
import PSRuntime

/// The objects the trusted application cmdlets write, named and shaped like Lync's.
enum TrustedApplicationObjects {
    static let poolType = "Microsoft.Rtc.Management.Xds.DisplayExternalServer"
    static let applicationType = "Microsoft.Rtc.Management.Xds.DisplayTrustedApplication"
    static let endpointType = "Microsoft.Rtc.Management.ADConnect.Schema.OCSADApplicationContact"

    static func pool(_ pool: TrustedApplicationPool) -> PSValue {
        DeploymentObjects.object(poolType, [
            ("Identity", .string(pool.identity)),
            ("Registrar", DeploymentObjects.string(pool.registrar)),
            ("FileStore", .null),
            ("ThrottleAsServer", .bool(pool.throttleAsServer)),
            ("TreatAsAuthenticated", .bool(pool.treatAsAuthenticated)),
            ("OutboundOnly", .bool(pool.outboundOnly)),
            ("RequiresReplication", .bool(pool.requiresReplication)),
            ("AudioPortStart", number(pool.audioPortStart)),
            ("AudioPortCount", number(pool.audioPortCount)),
            ("AppSharingPortStart", number(pool.appSharingPortStart)),
            ("AppSharingPortCount", number(pool.appSharingPortCount)),
            ("VideoPortStart", number(pool.videoPortStart)),
            ("VideoPortCount", number(pool.videoPortCount)),
            ("Applications", DeploymentObjects.strings(pool.applicationIds.map { TrustedApplicationNames.applicationUrnPrefix + $0 })),
            ("DependentServiceList", .array([])),
            ("ServiceId", .string(pool.serviceId)),
            ("SiteId", DeploymentObjects.string(pool.siteIdentity)),
            ("PoolFqdn", .string(pool.fqdn)),
            ("Computers", DeploymentObjects.strings(pool.computers)),
            ("Role", .string("TrustedApplicationPool")),
        ])
    }

    static func application(_ application: TrustedApplication) -> PSValue {
        DeploymentObjects.object(applicationType, [
            ("Identity", .string(application.identity)),
            ("ComputerGruus", DeploymentObjects.strings(application.computerGruus)),
            ("ServiceGruu", .string(application.serviceGruu)),
            ("Protocol", .string(application.protocolName)),
            ("ApplicationId", .string(application.ownerUrn)),
            ("TrustedApplicationPoolFqdn", .string(application.pool)),
            ("Port", .int(Int32(clamping: application.port))),
            ("LegacyApplicationName", DeploymentObjects.string(application.legacyApplicationName)),
        ])
    }

    static func endpoint(_ endpoint: TrustedApplicationEndpoint) -> PSValue {
        DeploymentObjects.object(endpointType, [
            ("Identity", .string(endpoint.distinguishedName)),
            ("RegistrarPool", DeploymentObjects.string(endpoint.registrarPool)),
            ("HomeServer", .string(TrustedApplicationNames.poolIdentityPrefix + endpoint.pool)),
            ("OwnerUrn", .string(endpoint.ownerUrn)),
            ("SipAddress", .string(endpoint.sipAddress)),
            ("DisplayName", DeploymentObjects.string(endpoint.displayName)),
            ("DisplayNumber", DeploymentObjects.string(endpoint.displayNumber)),
            ("LineURI", DeploymentObjects.string(endpoint.lineUri)),
            ("PrimaryLanguage", DeploymentObjects.string(endpoint.primaryLanguage)),
            ("SecondaryLanguages", DeploymentObjects.strings(endpoint.secondaryLanguages)),
            ("EnterpriseVoiceEnabled", .bool(endpoint.enterpriseVoiceEnabled)),
            ("EnabledForFederation", .bool(endpoint.enabledForFederation)),
            ("Enabled", .bool(endpoint.enabled)),
            ("ExchangeArchivingPolicy", .string(endpoint.exchangeArchivingPolicy)),
            ("DistinguishedName", .string(endpoint.distinguishedName)),
            ("WhenCreated", DeploymentObjects.date(endpoint.whenCreated)),
        ])
    }

    private static func number(_ value: Int?) -> PSValue { value.map { .int(Int32(clamping: $0)) } ?? .null }
}

extension CommandContext {
    /// The trusted application store of this session's deployment.
    func trustedApplications() throws -> TrustedApplicationRepository {
        TrustedApplicationRepository(store: try store())
    }

    /// Items whose identity matches a `-Filter` wildcard (all items without a filter).
    func matchingFilter<T>(_ items: [T], filter: String?, identity: (T) -> String) -> [T] {
        guard let filter else { return items }
        let pattern = WildcardPattern(filter)
        return items.filter { pattern.matches(identity($0)) }
    }
}

import PSCmdlets
import PSRuntime

/// The TrustedApplications cmdlets and their default views.
enum TrustedApplicationCmdlets {
    static var all: [CmdletDeclaration] {
        [
            GetCsTrustedApplicationPoolCommand.declaration, NewCsTrustedApplicationPoolCommand.declaration,
            SetCsTrustedApplicationPoolCommand.declaration, RemoveCsTrustedApplicationPoolCommand.declaration,
            GetCsTrustedApplicationCommand.declaration, NewCsTrustedApplicationCommand.declaration,
            SetCsTrustedApplicationCommand.declaration, RemoveCsTrustedApplicationCommand.declaration,
            GetCsTrustedApplicationEndpointCommand.declaration, NewCsTrustedApplicationEndpointCommand.declaration,
            SetCsTrustedApplicationEndpointCommand.declaration, RemoveCsTrustedApplicationEndpointCommand.declaration,
        ]
    }

    /// Lync shows these objects as lists, with the properties in this order. (The formatter keeps
    /// one view per type, so no table view is registered; Format-Table lists every property.)
    static func registerViews(_ context: ExecutionContext) {
        FormatData.registerListView(context, name: "TrustedApplicationPoolList", typeNames: [TrustedApplicationObjects.poolType], properties: [
            "Identity", "Registrar", "FileStore", "ThrottleAsServer", "TreatAsAuthenticated", "OutboundOnly",
            "RequiresReplication", "AudioPortStart", "AudioPortCount", "AppSharingPortStart", "AppSharingPortCount",
            "VideoPortStart", "VideoPortCount", "Applications", "DependentServiceList", "ServiceId", "SiteId",
            "PoolFqdn", "Computers", "Role",
        ])
        FormatData.registerListView(context, name: "TrustedApplicationList", typeNames: [TrustedApplicationObjects.applicationType], properties: [
            "Identity", "ComputerGruus", "ServiceGruu", "Protocol", "ApplicationId", "TrustedApplicationPoolFqdn",
            "Port", "LegacyApplicationName",
        ])
        FormatData.registerListView(context, name: "TrustedApplicationEndpointList", typeNames: [TrustedApplicationObjects.endpointType], properties: [
            "Identity", "RegistrarPool", "HomeServer", "OwnerUrn", "SipAddress", "DisplayName", "DisplayNumber",
            "LineURI", "PrimaryLanguage", "SecondaryLanguages", "EnterpriseVoiceEnabled", "EnabledForFederation",
            "Enabled", "ExchangeArchivingPolicy",
        ])
    }
}

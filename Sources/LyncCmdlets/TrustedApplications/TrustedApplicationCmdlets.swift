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
        // Format-Table's views: what an admin compares across many items.
        FormatData.registerTableView(context, name: "TrustedApplicationPoolTable", typeNames: [TrustedApplicationObjects.poolType], columns: [
            FormatData.Column("PoolFqdn", width: 32), FormatData.Column("Registrar", width: 40), FormatData.Column("SiteId", width: 14),
            FormatData.Column("ServiceId"),
        ], asDefault: false)
        FormatData.registerTableView(context, name: "TrustedApplicationTable", typeNames: [TrustedApplicationObjects.applicationType], columns: [
            FormatData.Column("Identity", width: 56), FormatData.Column("Port", width: 6, alignRight: true), FormatData.Column("Protocol"),
        ], asDefault: false)
        FormatData.registerTableView(context, name: "TrustedApplicationEndpointTable", typeNames: [TrustedApplicationObjects.endpointType], columns: [
            FormatData.Column("SipAddress", width: 44), FormatData.Column("DisplayName", width: 24), FormatData.Column("OwnerUrn"),
        ], asDefault: false)
    }
}

import PSCmdlets
import PSRuntime

/// The Topology cmdlets and their default views.
enum TopologyCmdlets {
    static var all: [CmdletDeclaration] {
        [PublishCsTopologyCommand.declaration, GetCsTopologyCommand.declaration, EnableCsTopologyCommand.declaration,
         GetCsPoolCommand.declaration, GetCsServiceCommand.declaration, GetCsSiteCommand.declaration]
    }

    static func registerViews(_ context: ExecutionContext) {
        FormatData.registerListView(context, name: "Topology", typeNames: [TopologyObjects.topologyType],
                                    properties: ["ForestFqdn", "LocalComputer", "Sites", "Pools", "Version", "PublishedAt",
                                                 "PublishedBy", "EnabledAt"])
        FormatData.registerTableView(context, name: "Site", typeNames: [TopologyObjects.siteType], columns: [
            FormatData.Column("SiteId", width: 6), FormatData.Column("Name", width: 16), FormatData.Column("City", width: 14),
            FormatData.Column("Country", width: 10), FormatData.Column("Pools"),
        ])
        FormatData.registerTableView(context, name: "Pool", typeNames: [TopologyObjects.poolType], columns: [
            FormatData.Column("Identity", width: 36), FormatData.Column("Role", width: 14),
            FormatData.Column("Site", width: 16), FormatData.Column("Computers"),
        ])
        FormatData.registerTableView(context, name: "Service", typeNames: TopologyObjects.serviceKinds.map(TopologyObjects.serviceType),
                                     columns: [FormatData.Column("Identity", width: 60), FormatData.Column("PoolFqdn", width: 36),
                                               FormatData.Column("SiteId")])
    }
}

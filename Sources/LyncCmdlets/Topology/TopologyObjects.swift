import Foundation
import LyncDeployment
import PSRuntime

/// The objects the topology cmdlets write.
enum TopologyObjects {
    static let topologyType = "Microsoft.Rtc.Management.Xds.DisplayTopology"
    static let siteType = "Microsoft.Rtc.Management.Xds.DisplaySite"
    static let poolType = "Microsoft.Rtc.Management.Xds.DisplayPool"
    /// Get-CsService objects: `Microsoft.Rtc.Management.Xds.Display<Kind>`.
    static let serviceKinds = ["Registrar", "UserServices", "ApplicationServer", "WebServer", "PersistentChatServer",
                               "PersistentChatStore", "PersistentChatComplianceStore", "GroupChatServer"]
    static func serviceType(_ kind: String) -> String { "Microsoft.Rtc.Management.Xds.Display\(kind)" }

    static func topology(_ current: PublishedTopology) -> PSValue {
        let pools = current.document.poolsWithSites.map(\.pool.fqdn)
        return DeploymentObjects.object(topologyType, [
            ("ForestFqdn", .string(current.document.forestFqdn)),
            ("LocalComputer", DeploymentObjects.string(current.document.localComputer)),
            ("Sites", .array(current.document.sites.map(site))),
            ("Pools", DeploymentObjects.strings(pools)),
            ("Version", .int(Int32(clamping: current.version))),
            ("PublishedAt", .dateTime(current.publishedAt)),
            ("PublishedBy", .string(current.publishedBy)),
            ("SourceFile", DeploymentObjects.string(current.sourceFile)),
            ("EnabledAt", current.enabledAt.map(PSValue.dateTime) ?? .null),
        ])
    }

    static func site(_ site: TopologyDocument.Site) -> PSValue {
        DeploymentObjects.object(siteType, [
            ("Identity", .string("Site:\(site.name)")),
            ("SiteId", .int(Int32(clamping: site.siteId))),
            ("Name", .string(site.name)),
            ("Description", DeploymentObjects.string(site.description)),
            ("City", DeploymentObjects.string(site.city)),
            ("State", DeploymentObjects.string(site.state)),
            ("Country", DeploymentObjects.string(site.country)),
            ("Pools", DeploymentObjects.strings(site.pools.map(\.fqdn))),
        ])
    }

    static func pool(_ pool: PoolInfo) -> PSValue {
        DeploymentObjects.object(poolType, [
            ("Identity", .string(pool.fqdn)),
            ("Services", DeploymentObjects.strings(pool.services.map(\.identity))),
            ("Computers", DeploymentObjects.strings(pool.computers)),
            ("Fqdn", .string(pool.fqdn)),
            ("Site", .string("Site:\(pool.siteName)")),
            ("SiteId", .int(Int32(clamping: pool.siteId))),
            ("Role", .string(pool.role.rawValue)),
            ("Roles", DeploymentObjects.strings(pool.roles.map(\.rawValue))),
            ("HomePool", DeploymentObjects.string(pool.homePool)),
            ("SqlStore", DeploymentObjects.string(pool.sqlStore)),
            ("DatabaseName", DeploymentObjects.string(pool.databaseName)),
            ("FileStore", DeploymentObjects.string(pool.fileStore)),
            ("ComplianceSqlStore", DeploymentObjects.string(pool.complianceSqlStore)),
            ("Version", DeploymentObjects.string(pool.version)),
        ])
    }

    static func service(_ service: ServiceIdentity, pool: PoolInfo) -> PSValue {
        var properties: [(String, PSValue)] = [
            ("Identity", .string(service.identity)),
            ("Role", .string(service.kind)),
            ("PoolFqdn", .string(service.poolFqdn)),
            ("SiteId", .string("Site:\(pool.siteName)")),
        ]
        switch service.kind {
        case "PersistentChatServer":
            properties += [
                ("Registrar", DeploymentObjects.string(pool.homePool.map { "Registrar:\($0)" })),
                ("PersistentChatDatabase", DeploymentObjects.string(pool.sqlStore.map { "PersistentChatStore:\($0)" })),
                ("PersistentChatComplianceDatabase",
                 DeploymentObjects.string(pool.complianceSqlStore.map { "PersistentChatComplianceStore:\($0)" })),
                ("FileStore", DeploymentObjects.string(pool.fileStore)),
            ]
        case "PersistentChatStore":
            properties += [("SqlInstance", .string(service.target)), ("DatabaseName", DeploymentObjects.string(pool.databaseName))]
        case "PersistentChatComplianceStore":
            properties += [("SqlInstance", .string(service.target)), ("DatabaseName", .string(PoolInfo.complianceDatabaseName))]
        case "GroupChatServer":
            properties += [
                ("SqlInstance", DeploymentObjects.string(pool.sqlStore)),
                ("DatabaseName", DeploymentObjects.string(pool.databaseName)),
                ("FileStore", DeploymentObjects.string(pool.fileStore)),
                ("Version", DeploymentObjects.string(pool.version)),
            ]
        default:
            break
        }
        properties.append(("Computers", DeploymentObjects.strings(pool.computers)))
        return DeploymentObjects.object(serviceType(service.kind), properties)
    }
}

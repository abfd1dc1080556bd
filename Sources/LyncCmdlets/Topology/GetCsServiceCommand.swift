import LyncDeployment
import PSRuntime

/// Get-CsService: the services the pools of the current topology offer.
final class GetCsServiceCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsServiceCommand.self, name: "Get-CsService",
        synopsis: "Returns the services offered by the pools of the current topology.",
        description: """
            Every pool offers services named Kind:target. Front End pools offer Registrar, \
            UserServices, ApplicationServer and WebServer; Persistent Chat pools offer \
            PersistentChatServer (target: the pool FQDN), PersistentChatStore and, with a compliance \
            store, PersistentChatComplianceStore (target: the SQL instance); legacy Group Chat pools \
            offer GroupChatServer. -Identity returns one service; the switches keep only services of \
            their kinds (several may be combined); -PoolFqdn keeps the services of one pool.
            """,
        module: "Lync", securityArea: SecurityArea.topology.rawValue,
        outputTypes: TopologyObjects.serviceKinds.map(TopologyObjects.serviceType),
        examples: [
            HelpExample("Get-CsService", "Lists every service of every pool."),
            HelpExample("Get-CsService -PersistentChatServer", "Lists the Persistent Chat servers."),
            HelpExample("Get-CsService -Identity PersistentChatServer:atl-pcpool-001.litwareinc.com",
                        "Shows one Persistent Chat server with its database and file store."),
            HelpExample("Get-CsService -Registrar -PoolFqdn atl-cs-001.litwareinc.com", "Shows the registrar of one pool."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, help: "The service to return, such as Registrar:atl-cs-001.litwareinc.com."),
            Parameter("PoolFqdn", \.poolFqdn, help: "Keeps only the services of this pool."),
            .switchParameter("Registrar", \.registrar, help: "Returns Registrar services."),
            .switchParameter("UserServices", \.userServices, help: "Returns UserServices services."),
            .switchParameter("ApplicationServer", \.applicationServer, help: "Returns ApplicationServer services."),
            .switchParameter("WebServer", \.webServer, help: "Returns WebServer services."),
            .switchParameter("PersistentChatServer", \.persistentChatServer, help: "Returns Persistent Chat servers."),
            .switchParameter("PersistentChatStore", \.persistentChatStore, help: "Returns Persistent Chat databases."),
            .switchParameter("PersistentChatComplianceStore", \.persistentChatComplianceStore,
                             help: "Returns Persistent Chat compliance databases."),
            .switchParameter("GroupChatServer", \.groupChatServer, help: "Returns legacy Group Chat servers."),
        ])

    var identity: String?
    var poolFqdn: String?
    var registrar = false
    var userServices = false
    var applicationServer = false
    var webServer = false
    var persistentChatServer = false
    var persistentChatStore = false
    var persistentChatComplianceStore = false
    var groupChatServer = false

    private var selectedKinds: Set<String> {
        let switches: [(Bool, String)] = [
            (registrar, "Registrar"), (userServices, "UserServices"), (applicationServer, "ApplicationServer"),
            (webServer, "WebServer"), (persistentChatServer, "PersistentChatServer"),
            (persistentChatStore, "PersistentChatStore"), (persistentChatComplianceStore, "PersistentChatComplianceStore"),
            (groupChatServer, "GroupChatServer"),
        ]
        return Set(switches.filter(\.0).map { $0.1.lowercased() })
    }

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let pools = try context.domain { try store.read { try TopologyRepository.pools(in: $0) } }
        if let poolFqdn, !pools.contains(where: { $0.fqdn.caseInsensitiveCompare(poolFqdn) == .orderedSame }) {
            _ = try context.domain { try store.read { try TopologyRepository.requirePool(fqdn: poolFqdn, in: $0) } }
        }
        let kinds = selectedKinds
        var found = false
        for pool in pools where poolFqdn.map({ pool.fqdn.caseInsensitiveCompare($0) == .orderedSame }) ?? true {
            for service in pool.services {
                if let identity, service.identity.caseInsensitiveCompare(identity) != .orderedSame { continue }
                if !kinds.isEmpty && !kinds.contains(service.kind.lowercased()) { continue }
                found = true
                try context.write(TopologyObjects.service(service, pool: pool))
            }
        }
        if let identity, !found {
            try context.writeError("Cannot find the service '\(identity)'. Service identities look like Registrar:atl-cs-001.litwareinc.com; run Get-CsService to list them.",
                                   id: "ServiceNotFound", category: .ObjectNotFound, target: .string(identity))
        }
    }
}

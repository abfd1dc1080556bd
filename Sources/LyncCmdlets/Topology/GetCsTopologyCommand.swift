import LyncDeployment
import PSRuntime

/// Get-CsTopology: the current topology.
final class GetCsTopologyCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsTopologyCommand.self, name: "Get-CsTopology",
        synopsis: "Returns the current topology of the deployment.",
        description: """
            Writes the current (last published) topology: its forest, sites, pool FQDNs, version and \
            publication data. With -AsXml it writes the topology as one XML string instead, with \
            defaults filled in and the computers and service identities of every pool (layout in \
            Scripts/topology/FORMAT.md). Fails when no topology has been published.
            """,
        module: "Lync", securityArea: SecurityArea.topology.rawValue,
        outputTypes: [TopologyObjects.topologyType, "System.String"],
        examples: [
            HelpExample("Get-CsTopology", "Shows the current topology."),
            HelpExample("(Get-CsTopology).Sites | Format-Table SiteId, Name, Pools", "Lists the sites and their pools."),
            HelpExample("Get-CsTopology -AsXml | Set-Content ./topology.xml", "Saves the topology as XML."),
        ],
        parameters: [
            .switchParameter("AsXml", \.asXml, help: "Writes the topology as an XML string."),
            .switchParameter("LocalStore", \.localStore,
                             help: "Reads the local copy of the store. pcsh has a single store, so the result is the same."),
        ])

    var asXml = false
    var localStore = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let current = try context.domain { try store.read { try TopologyRepository.requireCurrent(in: $0) } }
        if asXml {
            try context.write(.string(current.document.xml(version: current.version)))
        } else {
            try context.write(TopologyObjects.topology(current))
        }
    }
}

import LyncDeployment
import PSRuntime

/// Get-CsSite: the sites of the current topology.
final class GetCsSiteCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsSiteCommand.self, name: "Get-CsSite",
        synopsis: "Returns the sites of the current topology.",
        description: """
            Writes one object per site of the published topology: its identity (Site:<name>), SiteId, name, \
            location and the pools it holds. -Identity takes Site:<name>, the name or the SiteId; -Filter \
            selects sites whose identity matches a wildcard.
            """,
        module: "Lync", securityArea: SecurityArea.topology.rawValue, defaultParameterSet: "Identity",
        outputTypes: [TopologyObjects.siteType],
        examples: [
            HelpExample("Get-CsSite", "Lists every site."),
            HelpExample("Get-CsSite -Identity Redmond", "Shows the site Redmond (Site:Redmond and its SiteId work too)."),
            HelpExample("Get-CsSite | Select-Object -ExpandProperty Pools", "Lists the pools of every site."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, sets: ["Identity"], help: "Site:<name>, the site's name, or its SiteId."),
            Parameter("Filter", \.filter, sets: ["Filter"], help: "A wildcard the site identities must match, such as Site:Red*."),
        ])

    var identity: String?
    var filter: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let sites = try context.domain { try store.read { try TopologyRepository.current(in: $0)?.document.sites ?? [] } }
        if let identity {
            let wanted = identity.lowercased().hasPrefix("site:") ? String(identity.dropFirst(5)) : identity
            guard let site = sites.first(where: { $0.name.caseInsensitiveCompare(wanted) == .orderedSame || String($0.siteId) == wanted }) else {
                throw context.terminatingError(
                    "Cannot find the site '\(identity)' in the published topology. Known sites: \(sites.map { "Site:\($0.name)" }.joined(separator: ", ")).",
                    id: "SiteNotFound", category: .ObjectNotFound, target: .string(identity))
            }
            try context.write(TopologyObjects.site(site))
            return
        }
        let pattern = filter.map { WildcardPattern($0) }
        for site in sites where pattern?.matches("Site:\(site.name)") ?? true {
            try context.write(TopologyObjects.site(site))
        }
    }
}

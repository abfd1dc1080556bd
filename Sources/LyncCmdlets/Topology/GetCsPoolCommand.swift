import LyncDeployment
import PSRuntime

/// Get-CsPool: the pools of the current topology.
final class GetCsPoolCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsPoolCommand.self, name: "Get-CsPool",
        synopsis: "Returns the pools of the current topology.",
        description: """
            Writes one object per pool: its FQDN, site, role (and collocated roles), computers, the \
            service identities it offers (such as Registrar:atl-cs-001.litwareinc.com or \
            PersistentChatServer:atl-pcpool-001.litwareinc.com) and, for chat pools, the SQL store, \
            database and file store. -Identity names one pool; -Filter selects pools whose FQDN \
            matches a wildcard.
            """,
        module: "Lync", securityArea: SecurityArea.topology.rawValue, defaultParameterSet: "Identity",
        outputTypes: [TopologyObjects.poolType],
        examples: [
            HelpExample("Get-CsPool", "Lists every pool."),
            HelpExample("Get-CsPool -Identity atl-cs-001.litwareinc.com", "Shows one pool."),
            HelpExample("Get-CsPool -Filter *pc*", "Lists the pools whose FQDN contains pc."),
            HelpExample("Get-CsPool | Where-Object {$_.Services -like \"PersistentChatServer:*\"}",
                        "Lists the Persistent Chat pools."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, sets: ["Identity"], help: "The FQDN of the pool to return."),
            Parameter("Filter", \.filter, sets: ["Filter"], help: "A wildcard the pool FQDNs must match, such as *.litwareinc.com."),
        ])

    var identity: String?
    var filter: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        if let identity {
            let pool = try context.domain { try store.read { try TopologyRepository.requirePool(fqdn: identity, in: $0) } }
            try context.write(TopologyObjects.pool(pool))
            return
        }
        let pattern = filter.map { WildcardPattern($0) }
        let pools = try context.domain { try store.read { try TopologyRepository.pools(in: $0) } }
        for pool in pools where pattern?.matches(pool.fqdn) ?? true {
            try context.write(TopologyObjects.pool(pool))
        }
    }
}

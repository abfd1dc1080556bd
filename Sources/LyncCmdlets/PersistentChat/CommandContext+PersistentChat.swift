import LyncDeployment
import PSRuntime

extension CommandContext {
    /// The Persistent Chat pool a command works on: the one named, or the only one of the
    /// topology (the docs: -PersistentChatPoolFqdn is needed only with several pools).
    func persistentChatPool(_ fqdn: String?) throws -> PoolInfo {
        let store = try store()
        return try domain {
            try store.read { db in
                if let fqdn { return try TopologyRepository.requirePool(fqdn: fqdn.trimmingCharacters(in: .whitespaces), role: .persistentChat, in: db) }
                let pools = try TopologyRepository.persistentChatPools(in: db)
                guard pools.count == 1, let only = pools.first else {
                    throw DeploymentError(.invalidArgument, id: "PersistentChatPoolRequired",
                                          pools.isEmpty
                                              ? "The published topology has no Persistent Chat pool. Add one to the topology and run Publish-CsTopology and Enable-CsTopology."
                                              : "The topology has \(pools.count) Persistent Chat pools (\(pools.map(\.fqdn).joined(separator: ", "))); name one with -PersistentChatPoolFqdn or in the identity (pool\\name).")
                }
                return only
            }
        }
    }

    /// Splits an identity `pool\name` (a bare name means the only pool) into its pool and name.
    func persistentChatIdentity(_ identity: String) throws -> (pool: PoolInfo, name: String) {
        let text = identity.trimmingCharacters(in: .whitespaces)
        if let slash = text.firstIndex(of: "\\") {
            let name = String(text[text.index(after: slash)...])
            return (try persistentChatPool(String(text[..<slash])), name)
        }
        return (try persistentChatPool(nil), text)
    }

    /// The pool's Persistent Chat database, created (as Enable-CsTopology would) on first use.
    func persistentChatDatabase(_ pool: PoolInfo) throws -> PersistentChatDatabase {
        guard let instance = pool.sqlStore else {
            throw terminatingError("The Persistent Chat pool \(pool.fqdn) has no SqlStore in the topology; add one and publish it again.",
                                   id: "PersistentChatStoreMissing", category: .InvalidData, target: .string(pool.fqdn))
        }
        let home = try store().home
        guard let deployment = session.deployment else {
            throw terminatingError("This session has no deployment.", id: "DeploymentNotAvailable", category: .ResourceUnavailable)
        }
        return try domain {
            try deployment.chatDatabase(file: try home.databaseFile(instance: instance, database: pool.databaseName ?? "mgc"))
        }
    }

    /// Principals named in a list parameter (SIP URIs, user, group, OU or domain DNs), resolved
    /// against the directory; an unknown one is the documented "principal not provisioned".
    func chatPrincipals(_ texts: [String]) throws -> [ChatPrincipal] {
        let store = try store()
        return try domain { try store.read { db in try texts.map { try ChatPrincipalDirectory.resolve($0, in: db) } } }
    }
}

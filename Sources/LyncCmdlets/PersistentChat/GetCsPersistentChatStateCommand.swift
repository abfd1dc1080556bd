import LyncDeployment
import PSRuntime

/// Shows whether each Persistent Chat pool runs normally or is failed over.
final class GetCsPersistentChatStateCommand: SettingsQueryCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsPersistentChatStateCommand.self, name: "Get-CsPersistentChatState",
        synopsis: "Shows the failover state of Persistent Chat pools.",
        description: """
            Returns one object per Persistent Chat pool of the topology, with its PoolState: Normal, or \
            FailedOver after Set-CsPersistentChatState moved service to the backup pool. -Identity takes \
            PersistentChatServer:<fqdn> (service:<fqdn> also works); -Filter matches identities with \
            wildcards.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Filter",
        outputTypes: [PersistentChatOutput.stateType],
        examples: [
            HelpExample("Get-CsPersistentChatState", "The state of every Persistent Chat pool."),
            HelpExample("Get-CsPersistentChatState -Identity \"PersistentChatServer:atl-gc-001.litwareinc.com\"", "One pool's state."),
            HelpExample("Get-CsPersistentChatState -Filter \"*.litwareinc.com\"", "Pools whose identity ends in litwareinc.com."),
            HelpExample("Get-CsPersistentChatState | Where-Object {$_.PoolState -eq \"FailedOver\"}", "Pools that are failed over."),
        ],
        parameters: queryParameters(identityHelp: "PersistentChatServer:<pool FQDN>."))

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let pools: [PoolInfo]
        if let identity {
            pools = [try context.persistentChatPool(PersistentChatStateIdentity.poolFqdn(identity))]
        } else {
            pools = try context.persistentChatPools(nil)
        }
        let pattern = filter.map { WildcardPattern($0) }
        for pool in pools where pattern?.matches("PersistentChatServer:\(pool.fqdn)") ?? true {
            let state = try context.domain { try store.read { db in try PersistentChatSettings.poolState(pool.fqdn, in: db) } }
            try context.write(PersistentChatOutput.state(pool: pool.fqdn, state: state))
        }
    }
}

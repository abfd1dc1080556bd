import LyncDeployment
import PSRuntime

/// Fails a Persistent Chat pool over to its backup, or back.
final class SetCsPersistentChatStateCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsPersistentChatStateCommand.self, name: "Set-CsPersistentChatState",
        synopsis: "Sets a Persistent Chat pool's failover state.",
        description: """
            Records that a Persistent Chat pool is FailedOver (its backup serves users) or Normal again, \
            as the failover and failback procedures do. -Identity takes PersistentChatServer:<fqdn>, \
            service:<fqdn> or service:PersistentChatServer:<fqdn>; the pool must be a Persistent Chat pool \
            of the published topology.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        examples: [
            HelpExample("Set-CsPersistentChatState -Identity \"PersistentChatServer:atl-gc-001.litwareinc.com\" -PoolState \"FailedOver\"",
                        "Marks the pool as failed over."),
            HelpExample("Set-CsPersistentChatState -Identity \"service:atl-cs-001.litwareinc.com\" -PoolState Normal", "Fails the pool back."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, help: "PersistentChatServer:<pool FQDN> (or service:<pool FQDN>)."),
            Parameter("PoolState", \.poolState, validate: [.set(["Normal", "FailedOver"], ignoreCase: true)], help: "Normal or FailedOver."),
            .switchParameter("Force", \.force, help: "Changes the state without asking for confirmation."),
        ])

    var identity: String?
    var poolState: String?
    var force = false

    func process(_ context: CommandContext) throws {
        let pool = try context.persistentChatPool(identity.map(PersistentChatStateIdentity.poolFqdn))
        guard let poolState else { return }
        let state = poolState.caseInsensitiveCompare("FailedOver") == .orderedSame ? "FailedOver" : "Normal"
        guard try context.shouldProcess(target: "PersistentChatServer:\(pool.fqdn)", action: "Set-CsPersistentChatState", force: force) else { return }
        let store = try context.store()
        try context.domain { try store.write { db in try PersistentChatSettings.setPoolState(pool.fqdn, state, in: db) } }
    }
}

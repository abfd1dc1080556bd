import LyncDeployment
import PSRuntime

/// Changes a trusted application pool's registrar, connection settings or port ranges.
final class SetCsTrustedApplicationPoolCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsTrustedApplicationPoolCommand.self, name: "Set-CsTrustedApplicationPool",
        synopsis: "Changes the settings of a trusted application pool.",
        description: """
            Updates the registrar, the connection settings (OutboundOnly, RequiresReplication, \
            ThrottleAsServer, TreatAsAuthenticated) or the media port ranges of an existing trusted \
            application pool; parameters left out keep their values. The pool's computers and site are not \
            changed here. Changing the registrar moves the pool's endpoints to the new registrar. A pool \
            object piped in is matched by its Identity.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue, supportsShouldProcess: true,
        examples: [
            HelpExample("Set-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -OutboundOnly $True",
                        "From now on only the pool's servers open connections to its applications."),
            HelpExample("Set-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar pool0.litwareinc.com",
                        "Gives a pool a registrar, which it needs before endpoints can be created on it or it can be removed."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, pipeline: .byPropertyName,
                      help: "The pool to change: its FQDN, TrustedApplicationPool:<FQDN> or service id."),
        ] + TrustedApplicationPoolParameters.portParameters(SetCsTrustedApplicationPoolCommand.self) + [
        ] + TrustedApplicationPoolParameters.connectionParameters(SetCsTrustedApplicationPoolCommand.self) + [
        ])

    var identity: String?
    var connection = PoolConnectionValues()
    var ports = PortRanges()

    func process(_ context: CommandContext) throws {
        guard let identity, !identity.isEmpty else {
            throw context.terminatingError("Name the pool to change with -Identity (its FQDN), or pipe a pool from Get-CsTrustedApplicationPool.",
                                           id: "IdentityRequired", category: .InvalidArgument)
        }
        var changes = TrustedApplicationPoolChanges()
        changes.registrar = connection.registrar
        changes.outboundOnly = connection.outboundOnly
        changes.requiresReplication = connection.requiresReplication
        changes.throttleAsServer = connection.throttleAsServer
        changes.treatAsAuthenticated = connection.treatAsAuthenticated
        changes.ports = ports
        let repository = try context.trustedApplications()
        try context.reportingErrors {
            _ = try repository.setPool(identity, changes) {
                try context.shouldProcess(target: identity, action: "Set-CsTrustedApplicationPool", force: connection.force)
            }
        }
    }
}

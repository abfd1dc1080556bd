import LyncDeployment
import PSRuntime

/// Lists trusted application pools.
final class GetCsTrustedApplicationPoolCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsTrustedApplicationPoolCommand.self, name: "Get-CsTrustedApplicationPool",
        synopsis: "Gets the pools that hold the computers running trusted applications.",
        description: """
            Writes one object per trusted application pool: its identity (TrustedApplicationPool:<FQDN>), \
            registrar, site, service id (<site id>-ExternalServer-<n>), connection settings, media port \
            ranges, computers and applications. Without parameters every pool is returned. -Identity takes \
            the pool FQDN, its TrustedApplicationPool: identity or its service id; -Filter matches the \
            identity against a wildcard; -PoolFqdn narrows either form to one FQDN.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue,
        defaultParameterSet: "Identity", outputTypes: [TrustedApplicationObjects.poolType],
        examples: [
            HelpExample("Get-CsTrustedApplicationPool", "Lists every trusted application pool of the deployment."),
            HelpExample("Get-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com", "Shows the one pool with that FQDN."),
            HelpExample("Get-CsTrustedApplicationPool -Filter *:TrustPool.*",
                        "Matches identities such as TrustedApplicationPool:TrustPool.litwareinc.com; the filter looks at the identity, prefix included."),
            HelpExample("Get-CsTrustedApplicationPool | Where-Object {$_.ServiceId -like \"1-ExternalServer-*\"}",
                        "Selects pools by service id, which -Filter does not look at."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, sets: ["Identity"],
                      help: "The pool to get: its FQDN, TrustedApplicationPool:<FQDN> or service id."),
            Parameter("Filter", \.filter, sets: ["Filter"],
                      help: "A wildcard matched against each pool's identity (TrustedApplicationPool:<FQDN>)."),
            Parameter("PoolFqdn", \.poolFqdn, help: "Returns only the pool with this FQDN (unlike -Identity, no service id)."),
        ])

    var identity: String?
    var filter: String?
    var poolFqdn: String?

    func process(_ context: CommandContext) throws {
        let repository = try context.trustedApplications()
        var pools: [TrustedApplicationPool]
        if let identity {
            guard let pool = try context.reportingErrors({ try repository.pool(identity) }) else { return }
            pools = [pool]
        } else {
            pools = context.matchingFilter(try context.domain { try repository.pools() }, filter: filter) { $0.identity }
        }
        if let poolFqdn {
            let wanted = TrustedApplicationNames.strippingPoolPrefix(poolFqdn)
            pools = pools.filter { $0.fqdn.caseInsensitiveCompare(wanted) == .orderedSame }
        }
        for pool in pools { try context.write(TrustedApplicationObjects.pool(pool)) }
    }
}

import LyncDeployment
import PSRuntime

/// Creates a trusted application pool and its first computer.
final class NewCsTrustedApplicationPoolCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsTrustedApplicationPoolCommand.self, name: "New-CsTrustedApplicationPool",
        synopsis: "Creates a pool for the computers that run trusted applications.",
        description: """
            Adds a trusted application pool (an ExternalServer service) with the FQDN given as -Identity, \
            and one computer in it: the pool FQDN itself, or -ComputerFqdn. The stored identity is \
            TrustedApplicationPool:<FQDN> and the pool gets the service id <site id>-ExternalServer-<n>. \
            Once a topology is published, -Registrar must name one of its Front End pools (FQDN or \
            Registrar:<FQDN>) and -Site one of its sites (name, site:<name> or SiteId); without -Site the \
            pool joins its registrar's site. An FQDN that is already a pool (trusted or of the topology) is \
            refused. Endpoints can only be created on a pool that has a registrar, and only such a pool can \
            later be removed. Defaults: OutboundOnly False, RequiresReplication, ThrottleAsServer and \
            TreatAsAuthenticated True, port counts 0.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue, supportsShouldProcess: true,
        outputTypes: [TrustedApplicationObjects.poolType],
        examples: [
            HelpExample("New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar pool0.litwareinc.com -Site Redmond",
                        "Creates TrustPool.litwareinc.com in site Redmond, registered with pool0; its one computer has the pool's FQDN."),
            HelpExample("New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar Registrar:redmond.litwareinc.com -Site Redmond -ComputerFqdn AppServer.litwareinc.com",
                        "Names the registrar by service id and gives the pool's first computer its own FQDN."),
            HelpExample("New-CsTrustedApplicationPool -Identity atl-owa-001.litwareinc.com -Registrar atl-cs-001.litwareinc.com -Site Redmond -RequiresReplication $False",
                        "A pool for Outlook Web App integration that needs no replication."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true,
                      help: "The FQDN of the new pool (an IP address is accepted too)."),
        ] + TrustedApplicationPoolParameters.portParameters(NewCsTrustedApplicationPoolCommand.self) + [
            Parameter("ComputerFqdn", \.computerFqdn,
                      help: "The FQDN of the pool's first computer. Default: the pool FQDN; give another one if the pool will have several computers."),
            Parameter("Site", \.site, help: "The site of the pool: its name, site:<name> or SiteId."),
        ] + TrustedApplicationPoolParameters.connectionParameters(NewCsTrustedApplicationPoolCommand.self) + [
        ])

    var identity = ""
    var computerFqdn: String?
    var site: String?
    var connection = PoolConnectionValues()
    var ports = PortRanges()

    func process(_ context: CommandContext) throws {
        var settings = TrustedApplicationPoolSettings(fqdn: identity)
        settings.computerFqdn = computerFqdn
        settings.registrar = connection.registrar
        settings.site = site
        settings.outboundOnly = connection.outboundOnly
        settings.requiresReplication = connection.requiresReplication
        settings.throttleAsServer = connection.throttleAsServer
        settings.treatAsAuthenticated = connection.treatAsAuthenticated
        settings.ports = ports
        let repository = try context.trustedApplications()
        let created = try context.domain {
            try repository.newPool(settings) {
                try context.shouldProcess(target: identity, action: "New-CsTrustedApplicationPool", force: connection.force)
            }
        }
        if let created { try context.write(TrustedApplicationObjects.pool(created)) }
    }
}

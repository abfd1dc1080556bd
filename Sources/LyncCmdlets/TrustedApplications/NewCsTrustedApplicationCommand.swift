import LyncDeployment
import PSRuntime

/// Adds a trusted application to a pool.
final class NewCsTrustedApplicationCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsTrustedApplicationCommand.self, name: "New-CsTrustedApplication",
        synopsis: "Adds a trusted application to a trusted application pool.",
        description: """
            Registers an application on a trusted application pool, on a port (1–65535) that no other \
            application of that pool uses, and creates its Trusted Service Entry in the directory. Name the \
            application either with -Identity <pool FQDN>/<id> or with -ApplicationId and \
            -TrustedApplicationPoolFqdn; ids are unique within a pool. The service GRUU and the computer \
            GRUUs are derived from the pool and its computers. -EnableTcp is for applications that do not \
            use mutual TLS; -LegacyApplicationName keeps an application migrated from Office Communications \
            Server 2007 R2 working with its old GRUU type.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue, defaultParameterSet: "Identity",
        supportsShouldProcess: true, outputTypes: [TrustedApplicationObjects.applicationType],
        examples: [
            HelpExample("New-CsTrustedApplication -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -Port 6000",
                        "Adds application tapp1 on port 6000 to pool TrustPool.litwareinc.com."),
            HelpExample("New-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp2 -Port 6100",
                        "The same kind of change, naming the pool and the id in one identity."),
            HelpExample("New-CsTrustedApplication -ApplicationID RccGateway-1 -TrustedApplicationPoolFqdn rccgateway.contoso.net -Port 5065 -EnableTcp",
                        "An application that talks plain TCP, such as a remote call control gateway."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, sets: ["Identity"],
                      help: "<pool FQDN>/<application id> of the new application; the id may carry the urn:application: prefix."),
            Parameter("ApplicationId", \.applicationId, mandatory: true, sets: ["AppIdAndPoolFqdn"],
                      help: "The id of the new application, unique within its pool."),
            Parameter("TrustedApplicationPoolFqdn", \.poolFqdn, mandatory: true, sets: ["AppIdAndPoolFqdn"],
                      help: "The FQDN of the trusted application pool the application runs on."),
            Parameter("Port", \.port, mandatory: true,
                      help: "The port the application listens on (1–65535), unique within the pool."),
            .switchParameter("EnableTcp", \.enableTcp,
                             help: "The application uses TCP instead of mutual TLS (only for applications not built on UCMA)."),
            Parameter("LegacyApplicationName", \.legacyApplicationName,
                      help: "For an application migrated from Office Communications Server 2007 R2: its old GRUU type."),
            .switchParameter("Force", \.force, help: "Adds the application without asking for confirmation."),
        ])

    var identity: String?
    var applicationId = ""
    var poolFqdn = ""
    var port = 0
    var enableTcp = false
    var legacyApplicationName: String?
    var force = false

    func process(_ context: CommandContext) throws {
        let pool: String
        let id: String
        if context.isBound("ApplicationId") {
            (pool, id) = (poolFqdn, applicationId)
        } else {
            guard let identity else {
                throw context.terminatingError("Name the new application with -Identity <pool FQDN>/<application id>, or with -ApplicationId and -TrustedApplicationPoolFqdn.",
                                               id: "IdentityRequired", category: .InvalidArgument)
            }
            (pool, id) = try context.domain { try TrustedApplicationNames.parseApplicationIdentity(identity) }
        }
        let target = "\(TrustedApplicationNames.strippingPoolPrefix(pool))/\(TrustedApplicationNames.applicationUrnPrefix)\(TrustedApplicationNames.applicationId(id))"
        let repository = try context.trustedApplications()
        let created = try context.domain {
            try repository.newApplication(pool: pool, applicationId: id, port: port, enableTcp: enableTcp,
                                          legacyApplicationName: legacyApplicationName) {
                try context.shouldProcess(target: target, action: "New-CsTrustedApplication", force: force)
            }
        }
        if let created { try context.write(TrustedApplicationObjects.application(created)) }
    }
}

import LyncDeployment
import PSRuntime

/// Lists trusted applications.
final class GetCsTrustedApplicationCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsTrustedApplicationCommand.self, name: "Get-CsTrustedApplication",
        synopsis: "Gets trusted applications with their ports and GRUUs.",
        description: """
            Writes one object per trusted application: its identity (<pool FQDN>/urn:application:<id>), \
            port, protocol (Mtls, or Tcp for applications created with -EnableTcp), the service GRUU and \
            one GRUU per computer of its pool. Without parameters all applications are returned. \
            -Identity takes <pool FQDN>/<id> with or without the urn:application: prefix; -Filter \
            matches identities against a wildcard; -ApplicationId and -TrustedApplicationPoolFqdn select by \
            id and by pool.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue,
        defaultParameterSet: "Identity", outputTypes: [TrustedApplicationObjects.applicationType],
        examples: [
            HelpExample("Get-CsTrustedApplication", "Lists every trusted application."),
            HelpExample("Get-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp2",
                        "Gets application tapp2 of pool TrustPool.litwareinc.com; the urn:application: prefix may be left out."),
            HelpExample("Get-CsTrustedApplication -Filter *trust*", "Gets the applications whose identity contains 'trust'."),
            HelpExample("Get-CsTrustedApplication -ApplicationId tapp2 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com",
                        "The same application as the second example, named by id and pool."),
            HelpExample("Get-CsTrustedApplication | Where-Object {$_.TrustedApplicationPoolFqdn -eq \"TrustPool.litwareinc.com\"}",
                        "Every application of one pool."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, sets: ["Identity"],
                      help: "The application: <pool FQDN>/<application id>, the id with or without urn:application:."),
            Parameter("Filter", \.filter, sets: ["Filter"],
                      help: "A wildcard matched against each application's identity (<pool FQDN>/urn:application:<id>)."),
            Parameter("ApplicationId", \.applicationId, sets: ["ParentAndRelativeKey"],
                      help: "Only applications with this id (with or without urn:application:)."),
            Parameter("TrustedApplicationPoolFqdn", \.poolFqdn, sets: ["ParentAndRelativeKey"],
                      help: "Only applications of the pool with this FQDN."),
        ])

    var identity: String?
    var filter: String?
    var applicationId: String?
    var poolFqdn: String?

    func process(_ context: CommandContext) throws {
        let repository = try context.trustedApplications()
        var applications: [TrustedApplication]
        if let identity {
            guard let application = try context.reportingErrors({ try repository.application(identity) }) else { return }
            applications = [application]
        } else {
            applications = context.matchingFilter(try context.domain { try repository.applications() }, filter: filter) { $0.identity }
        }
        if let applicationId {
            let id = TrustedApplicationNames.applicationId(applicationId)
            applications = applications.filter { $0.applicationId.caseInsensitiveCompare(id) == .orderedSame }
        }
        if let poolFqdn {
            let pool = TrustedApplicationNames.strippingPoolPrefix(poolFqdn)
            applications = applications.filter { $0.pool.caseInsensitiveCompare(pool) == .orderedSame }
        }
        for application in applications { try context.write(TrustedApplicationObjects.application(application)) }
    }
}

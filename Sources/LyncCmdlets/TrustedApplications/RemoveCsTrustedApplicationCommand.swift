import LyncDeployment
import PSRuntime

/// Removes a trusted application from its pool.
final class RemoveCsTrustedApplicationCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsTrustedApplicationCommand.self, name: "Remove-CsTrustedApplication",
        synopsis: "Removes a trusted application from its pool and trusted service.",
        description: """
            Ends a trusted application's association with its pool: its registration and its Trusted \
            Service Entry in the directory are deleted (the application's own software is not touched). \
            The endpoints created for the application are removed with it, since nothing would answer them \
            any more. The command asks before removing, as its impact is High; -Force or -Confirm:$false \
            skip the question. Applications piped from Get-CsTrustedApplication are matched by Identity.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue, supportsShouldProcess: true,
        confirmImpact: .High,
        examples: [
            HelpExample("Remove-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp2",
                        "Removes application tapp2 from pool TrustPool.litwareinc.com."),
            HelpExample("Get-CsTrustedApplication -Filter *trust* | Remove-CsTrustedApplication",
                        "Removes every application whose identity contains 'trust'."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byPropertyName,
                      help: "The application: <pool FQDN>/<application id>, the id with or without urn:application:."),
            .switchParameter("Force", \.force, help: "Removes the application without asking for confirmation."),
        ])

    var identity = ""
    var force = false

    func process(_ context: CommandContext) throws {
        let repository = try context.trustedApplications()
        try context.reportingErrors {
            _ = try repository.removeApplication(identity) {
                try context.shouldProcess(target: identity, action: "Remove-CsTrustedApplication", force: force)
            }
        }
    }
}

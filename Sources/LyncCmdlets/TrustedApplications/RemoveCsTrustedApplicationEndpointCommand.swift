import LyncDeployment
import PSRuntime

/// Deletes a trusted application endpoint.
final class RemoveCsTrustedApplicationEndpointCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsTrustedApplicationEndpointCommand.self, name: "Remove-CsTrustedApplicationEndpoint",
        synopsis: "Removes the contact object of a trusted application endpoint.",
        description: """
            Deletes an endpoint's contact from the directory; its SIP address becomes free again. The \
            application itself stays. The command asks before removing, as its impact is High; add \
            -Confirm:$false to skip the question in scripts. Endpoints piped from \
            Get-CsTrustedApplicationEndpoint are matched by Identity.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue, supportsShouldProcess: true,
        confirmImpact: .High,
        examples: [
            HelpExample("Remove-CsTrustedApplicationEndpoint -Identity \"Endpoint 1\"",
                        "Removes the endpoint whose display name is Endpoint 1."),
            HelpExample("Get-CsTrustedApplicationEndpoint -ApplicationId tapp2 | Remove-CsTrustedApplicationEndpoint",
                        "Removes every endpoint of applications with id tapp2, on whatever pool they are."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: [.byValue, .byPropertyName],
                      help: "The endpoint: its distinguished name, SIP address (sip:…) or display name."),
        ])

    var identity = ""

    func process(_ context: CommandContext) throws {
        let repository = try context.trustedApplications()
        try context.reportingErrors {
            _ = try repository.removeEndpoint(identity) {
                try context.shouldProcess(target: identity, action: "Remove-CsTrustedApplicationEndpoint")
            }
        }
    }
}

import LyncDeployment
import PSRuntime

/// Moves a trusted application to another port.
final class SetCsTrustedApplicationCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsTrustedApplicationCommand.self, name: "Set-CsTrustedApplication",
        synopsis: "Changes the port of a trusted application.",
        description: """
            Sets the port a trusted application listens on. The port must be 1–65535 and not used by \
            another application of the same pool. Name the application as <pool FQDN>/<id> (the \
            urn:application: prefix is optional) or pipe it from Get-CsTrustedApplication.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue, supportsShouldProcess: true,
        examples: [
            HelpExample("Set-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp2 -Port 6200",
                        "Moves application tapp2 of pool TrustPool.litwareinc.com to port 6200."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, pipeline: .byPropertyName,
                      help: "The application: <pool FQDN>/<application id>."),
            Parameter("Port", \.port, help: "The new port (1–65535), unique within the pool."),
            .switchParameter("Force", \.force, help: "Changes the application without asking for confirmation."),
        ])

    var identity: String?
    var port: Int?
    var force = false

    func process(_ context: CommandContext) throws {
        guard let identity, !identity.isEmpty else {
            throw context.terminatingError("Name the application to change with -Identity <pool FQDN>/<application id>, or pipe it from Get-CsTrustedApplication.",
                                           id: "IdentityRequired", category: .InvalidArgument)
        }
        let repository = try context.trustedApplications()
        try context.reportingErrors {
            _ = try repository.setApplication(identity, port: port) {
                try context.shouldProcess(target: identity, action: "Set-CsTrustedApplication", force: force)
            }
        }
    }
}

import LyncDeployment
import PSRuntime

/// Removes a trusted application pool with its computers.
final class RemoveCsTrustedApplicationPoolCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsTrustedApplicationPoolCommand.self, name: "Remove-CsTrustedApplicationPool",
        synopsis: "Removes a trusted application pool.",
        description: """
            Deletes a trusted application pool and its computers. Two rules apply. A pool without a \
            registrar cannot be removed: give it one with Set-CsTrustedApplicationPool -Registrar first. A \
            pool that still has applications is refused unless -Force is given; with -Force its \
            applications, their Trusted Service Entries and their endpoints are removed together with the \
            pool. -Force also skips the confirmation question (-WhatIf still only reports). Without -Force \
            the command asks before removing, as its impact is High; add -Confirm:$false to skip the \
            question in scripts. Pools piped from Get-CsTrustedApplicationPool are matched by Identity.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue, supportsShouldProcess: true,
        confirmImpact: .High,
        examples: [
            HelpExample("Remove-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com",
                        "Removes the pool TrustPool.litwareinc.com, after asking."),
            HelpExample("Get-CsTrustedApplicationPool | Where-Object {$_.PoolFqdn -match \"trust*\"} | Remove-CsTrustedApplicationPool",
                        "Removes every pool whose FQDN matches the regular expression trust*."),
            HelpExample("Remove-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Force",
                        "Removes the pool with all its applications and their endpoints, without asking."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byPropertyName,
                      help: "The pool to remove: its FQDN, TrustedApplicationPool:<FQDN> or service id."),
            .switchParameter("Force", \.force,
                             help: "Skips the confirmation question and also removes a pool that still has applications (with their endpoints)."),
        ])

    var identity = ""
    var force = false

    func process(_ context: CommandContext) throws {
        let repository = try context.trustedApplications()
        try context.reportingErrors {
            _ = try repository.removePool(identity, force: force) {
                try context.shouldProcess(target: identity, action: "Remove-CsTrustedApplicationPool", force: force)
            }
        }
    }
}

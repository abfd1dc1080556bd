import LyncDeployment
import PSRuntime

/// Removes a trusted application pool with everything that belongs to it.
final class RemoveCsTrustedApplicationPoolCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsTrustedApplicationPoolCommand.self, name: "Remove-CsTrustedApplicationPool",
        synopsis: "Removes a trusted application pool with its computers, applications and endpoints.",
        description: """
            Deletes a trusted application pool together with everything that belongs to it: its computers, its \
            trusted applications (and their Trusted Service Entries) and the endpoints created for those \
            applications. Either all of it goes or, if anything fails, nothing does. A pool without a registrar \
            cannot be removed: give it one with Set-CsTrustedApplicationPool -Registrar first. As its impact is \
            High, the command asks before removing (naming how many applications, endpoints and computers go \
            with the pool); -Force or -Confirm:$false skip the question. -WhatIf lists every application, \
            endpoint and computer that would be removed, then the pool, and changes nothing; -Verbose lists what \
            was removed. Pools piped from Get-CsTrustedApplicationPool are matched by Identity.
            """,
        module: "Lync", securityArea: SecurityArea.trustedApplications.rawValue, supportsShouldProcess: true,
        confirmImpact: .High,
        examples: [
            HelpExample("Remove-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com",
                        "Removes the pool TrustPool.litwareinc.com with its applications, endpoints and computers, after asking."),
            HelpExample("Get-CsTrustedApplicationPool | Where-Object {$_.PoolFqdn -match \"trust*\"} | Remove-CsTrustedApplicationPool",
                        "Removes every pool whose FQDN matches the regular expression trust*."),
            HelpExample("Remove-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -WhatIf",
                        "Lists the applications, endpoints and computers that would go with the pool, without removing anything."),
            HelpExample("Remove-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Force -Verbose",
                        "Removes the pool without asking and lists everything that was removed."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byPropertyName,
                      help: "The pool to remove: its FQDN, TrustedApplicationPool:<FQDN> or service id."),
            .switchParameter("Force", \.force, help: "Removes the pool without asking for confirmation."),
        ])

    var identity = ""
    var force = false

    func process(_ context: CommandContext) throws {
        let repository = try context.trustedApplications()
        guard let removed = try context.reportingErrors({
            try repository.removePool(identity) { removal in try self.shouldRemove(removal, context) }
        }) ?? nil else { return }
        for application in removed.applications {
            try context.writeVerbose("Removed the trusted application '\(application)' and its Trusted Service Entry.")
        }
        for endpoint in removed.endpoints { try context.writeVerbose("Removed the trusted application endpoint '\(endpoint)'.") }
        for computer in removed.computers { try context.writeVerbose("Removed the computer '\(computer)' from the pool.") }
        try context.writeVerbose("Removed the trusted application pool '\(removed.pool.identity)'.")
    }

    /// Under -WhatIf, one line for each item that would go, then the pool; otherwise one
    /// question for the whole removal.
    private func shouldRemove(_ removal: TrustedApplicationPoolRemoval, _ context: CommandContext) throws -> Bool {
        guard context.isWhatIf else {
            return try context.shouldProcess(target: removal.summary, action: "Remove-CsTrustedApplicationPool", force: force)
        }
        for application in removal.applications {
            _ = try context.shouldProcess(target: application, action: "Remove-CsTrustedApplication")
        }
        for endpoint in removal.endpoints {
            _ = try context.shouldProcess(target: endpoint, action: "Remove-CsTrustedApplicationEndpoint")
        }
        for computer in removal.computers {
            _ = try context.shouldProcess(target: computer, action: "Remove trusted application computer")
        }
        return try context.shouldProcess(target: removal.pool.fqdn, action: "Remove-CsTrustedApplicationPool")
    }
}

import LyncDeployment
import PSRuntime

/// Disable-CsUser: takes an account out of Lync Server, keeping it in the directory.
final class DisableCsUserCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        DisableCsUserCommand.self, name: "Disable-CsUser",
        synopsis: "Removes a user's Lync Server settings and SIP address; the directory account stays.",
        description: """
            Clears the SIP address and every Lync setting of the account, so it no longer signs in to Lync and its \
            SIP address is free for another object (for example a Persistent Chat endpoint taking over the legacy \
            Lookup address). The account itself remains; delete it with Remove-ADUser. Accepts users piped from \
            Get-CsUser.
            """,
        module: "Lync", securityArea: SecurityArea.users.rawValue, supportsShouldProcess: true,
        examples: [
            HelpExample("Disable-CsUser -Identity sip:ocschat@litwareinc.com", "Frees the Lookup account's SIP address."),
            HelpExample("Get-CsUser -OU 'OU=Leavers,DC=litwareinc,DC=com' | Disable-CsUser -WhatIf",
                        "Shows which users of the Leavers OU would be disabled."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: [.byValue, .byPropertyName],
                      help: "The user: SIP address, UPN, SamAccountName, DOMAIN\\name, display name or distinguished name."),
            .switchParameter("PassThru", \.passThru, help: "Writes the disabled user (as Get-CsUser shows it) to the pipeline."),
            Parameter("DomainController", \.domainController, help: "Accepted for compatibility; there is one directory."),
        ])

    var identity = ""
    var passThru = false
    var domainController: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        guard let user = try context.reportingErrors({
            try store.read { db in try DirectoryRepository.requireUser(identity, forms: .lync, in: db) }
        }) else { return }
        guard try context.shouldProcess(target: user.sipAddress ?? user.samAccountName, action: "Disable") else { return }
        guard let disabled = try context.reportingErrors({
            try store.write { db in
                try DirectoryOutput.csUser(try DirectoryRepository.disableForLync(user.samAccountName, in: db),
                                           forest: try CentralManagementStore.forestFqdn(in: db), in: db)
            }
        }) else { return }
        if passThru { try context.write(.object(disabled)) }
    }
}

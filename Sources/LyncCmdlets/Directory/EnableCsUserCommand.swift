import LyncDeployment
import PSRuntime

extension SipAddressType: ParameterEnum {
    public static var parameterTypeName: String { "AddressType" }
}

/// Enable-CsUser: enables a directory account for Lync Server.
final class EnableCsUserCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        EnableCsUserCommand.self, name: "Enable-CsUser",
        synopsis: "Enables a directory account for Lync Server: gives it a SIP address and a Registrar pool.",
        description: """
            A user can sign in to Lync Server once the account has a SIP address and is homed on a Registrar pool. \
            -RegistrarPool names the pool: a Front End pool of the published topology. The SIP address is either \
            given with -SipAddress (it must start with sip:) or made from the account with -SipAddressType: \
            SamAccountName and FirstLastName (GivenName.Surname) need -SipDomain; EmailAddress and UserPrincipalName \
            take the domain from the account's own value. A SIP address belongs to one user or endpoint in the \
            whole deployment. Accounts already enabled are refused (change them with Set-CsUser). Accounts piped \
            from Get-ADUser are enabled one after another; each failure is reported and the others go on.
            """,
        module: "Lync", securityArea: SecurityArea.users.rawValue, supportsShouldProcess: true,
        examples: [
            HelpExample("Enable-CsUser -Identity \"Pilar Ackerman\" -RegistrarPool \"atl-cs-001.litwareinc.com\" -SipAddressType SamAccountName -SipDomain litwareinc.com",
                        "Enables Pilar Ackerman on pool atl-cs-001 with a SIP address made from her account name (sip:pilar@litwareinc.com)."),
            HelpExample("Enable-CsUser -Identity \"Pilar Ackerman\" -RegistrarPool \"atl-cs-001.litwareinc.com\" -SipAddress \"sip:pilar@litwareinc.com\"",
                        "Enables Pilar Ackerman with the SIP address given."),
            HelpExample("Get-ADUser -Filter * -SearchBase \"OU=Finance,DC=litwareinc,DC=com\" | Enable-CsUser -RegistrarPool \"atl-cs-001.litwareinc.com\" -SipAddressType SamAccountName -SipDomain litwareinc.com",
                        "Enables every account of the Finance OU, each with an address made from its account name."),
            HelpExample("Enable-CsUser -Identity kmyer -RegistrarPool atl-cs-001.litwareinc.com -SipAddressType UserPrincipalName -WhatIf",
                        "Shows the SIP address kmyer would get, without enabling the account."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: [.byValue, .byPropertyName],
                      help: "The account: SIP address, UPN, SamAccountName, DOMAIN\\name, display name or distinguished name, or an object piped from Get-ADUser."),
            Parameter("RegistrarPool", \.registrarPool, help: "The FQDN of the Front End pool the user is homed on."),
            Parameter("SipAddressType", \.sipAddressType,
                      help: "Makes the SIP address from the account: FirstLastName, EmailAddress, UserPrincipalName or SamAccountName (None makes none)."),
            Parameter("SipDomain", \.sipDomain, help: "The domain of the SIP addresses SamAccountName and FirstLastName make, e.g. litwareinc.com."),
            Parameter("SipAddress", \.sipAddress, help: "The SIP address to give, e.g. sip:kenmyer@litwareinc.com; not together with -SipAddressType."),
            .switchParameter("PassThru", \.passThru, help: "Writes the enabled user (as Get-CsUser shows it) to the pipeline."),
            Parameter("DomainController", \.domainController, help: "Accepted for compatibility; there is one directory."),
        ])

    var identity: PSValue = .null
    var registrarPool: String?
    var sipAddressType: SipAddressType?
    var sipDomain: String?
    var sipAddress: String?
    var passThru = false
    var domainController: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let name = DirectoryOutput.identityText(identity, context: context)
        let settings = LyncUserEnablement(registrarPool: registrarPool, sipAddress: sipAddress, sipAddressType: sipAddressType,
                                          sipDomain: sipDomain)
        guard let enabled = try context.reportingErrors({
            try store.write { db -> PSObject? in
                let user = try DirectoryRepository.enableForLync(name, settings, in: db) { user, sip in
                    try context.shouldProcess(target: "\(user.samAccountName) as \(sip)", action: "Enable-CsUser")
                }
                return try user.map { try DirectoryOutput.csUser($0, forest: try CentralManagementStore.forestFqdn(in: db), in: db) }
            }
        }), let enabled else { return }
        if passThru { try context.write(.object(enabled)) }
    }
}

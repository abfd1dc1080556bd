import LyncDeployment
import PSRuntime

/// Get-CsUser: the users enabled for Lync (those with a SIP address).
final class GetCsUserCommand: DirectoryQueryCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsUserCommand.self, name: "Get-CsUser",
        synopsis: "Gets the user accounts that are enabled for Lync Server.",
        description: """
            Returns the accounts enabled for Lync Server (those with a SIP address), including those whose sign-in \
            was turned off with Set-CsUser -Enabled $false (their Enabled property is False). -Identity names one \
            by SIP address, user principal name, SamAccountName (or DOMAIN\\name), display name or distinguished \
            name; -Filter keeps those passing a comparison on their properties (for example \
            {DisplayName -like '*Chat*'}); -OU keeps those in an OU and below; -ResultSize caps the number returned. \
            Accounts without a SIP address are directory-only and are not listed.
            """,
        module: "Lync", securityArea: SecurityArea.users.rawValue,
        outputTypes: [DirectoryOutput.csUserType],
        examples: [
            HelpExample("Get-CsUser", "Lists every user enabled for Lync Server."),
            HelpExample("Get-CsUser -Identity sip:ocschat@litwareinc.com", "Shows the legacy Group Chat Lookup account, if it is still enabled."),
            HelpExample("Get-CsUser -Filter {SipAddress -like '*@litwareinc.com'} -ResultSize 10", "Shows up to ten users of one SIP domain."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, pipeline: [.byValue, .byPropertyName],
                      help: "The user: SIP address, UPN, SamAccountName, DOMAIN\\name, display name or distinguished name."),
            Parameter("LdapFilter", \.ldapFilter, help: "Accepted for compatibility; LDAP filters are not evaluated here."),
        ] + queryParameters(noun: "users", ouHelp: "An OU distinguished name; only users in it and below it are returned."))

    var identity: String?
    var ldapFilter: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let limit = try limit(context)
        if let identity {
            guard let user = try context.reportingErrors({
                try store.read { db -> PSObject in
                    let user = try DirectoryRepository.findUser(identity, forms: .lync, in: db)
                    guard let user, user.isLyncUser else {
                        throw DeploymentError(.objectNotFound, id: "UserNotFound",
                                              "No user enabled for Lync Server has the identity '\(identity)'. Get-ADUser finds accounts without a SIP address.",
                                              target: identity)
                    }
                    return try DirectoryOutput.csUser(user, forest: try CentralManagementStore.forestFqdn(in: db), in: db)
                }
            }) else { return }
            if limit != 0 { try context.write(.object(user)) }
            return
        }
        let parsed = try parsedFilter(context)
        let users = try context.domain {
            try store.read { db in
                let base = try ou.map { try DirectoryRepository.organizationalUnitPath($0, in: db) }
                let forest = try CentralManagementStore.forestFqdn(in: db)
                return try DirectoryRepository.users(in: db)
                    .filter(\.isLyncUser)
                    .filter { user in base.map { DirectoryNames.isWithin(user.ou, $0) } ?? true }
                    .map { try DirectoryOutput.csUser($0, forest: forest, in: db) }
            }
        }
        var written = 0
        for user in users where parsed?.matches(user) ?? true {
            if let limit, written >= limit { break }
            try context.write(.object(user))
            written += 1
        }
    }
}

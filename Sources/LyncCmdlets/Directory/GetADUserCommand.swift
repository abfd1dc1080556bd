import LyncDeployment
import PSRuntime

/// Get-ADUser: reads user accounts of the deployment's directory.
final class GetADUserCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetADUserCommand.self, name: "Get-ADUser",
        synopsis: "Gets user accounts from the deployment's directory.",
        description: """
            Returns one account named by -Identity (a SamAccountName, distinguished name, GUID or SID), or every \
            account that passes -Filter. Each result carries the usual ActiveDirectory properties \
            (DistinguishedName, Enabled, GivenName, Name, ObjectClass, ObjectGUID, SamAccountName, SID, Surname, \
            UserPrincipalName); ask for more, such as DisplayName, MemberOf or the Lync SIP address \
            (msRTCSIP-PrimaryUserAddress, also shown as SipAddress), with -Properties.
            """,
        module: "ActiveDirectory", securityArea: SecurityArea.directory.rawValue, defaultParameterSet: "Filter",
        outputTypes: [DirectoryOutput.adUserType],
        examples: [
            HelpExample("Get-ADUser -Identity kmyer", "Shows the account whose SamAccountName is kmyer."),
            HelpExample("Get-ADUser -Filter * -Properties DisplayName, SipAddress", "Lists every account with its display name and SIP address."),
            HelpExample("Get-ADUser -Filter {SamAccountName -like 'ocs*' -and Enabled -eq $true}", "Lists the enabled accounts whose names start with ocs."),
            HelpExample("Get-ADUser -Filter * -SearchBase 'OU=Sales,DC=litwareinc,DC=com'", "Lists the accounts in the Sales OU and the OUs below it."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, sets: ["Identity"], pipeline: .byValue,
                      help: "The account: its SamAccountName, distinguished name, ObjectGUID or SID, or an object piped from another AD cmdlet."),
            Parameter("Filter", \.filter, mandatory: true, sets: ["Filter"],
                      help: "Which accounts to return: * for all, or comparisons such as {Name -eq 'Ken Myer'} or \"SamAccountName -like 'a*'\" joined with -and / -or."),
            Parameter("Properties", \.properties, aliases: ["Property"],
                      help: "Properties to add to the default ones: names (wildcards allowed) or * for all."),
            Parameter("SearchBase", \.searchBase, sets: ["Filter"],
                      help: "An OU distinguished name; only accounts in it and below it are returned."),
            Parameter("ResultSetSize", \.resultSetSize, sets: ["Filter"], help: "The largest number of accounts to return."),
        ])

    var identity: PSValue?
    var filter: PSValue?
    var properties: [String] = []
    var searchBase: String?
    var resultSetSize: Int?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        if let identity {
            let text = DirectoryOutput.identityText(identity, context: context)
            guard let object = try context.reportingErrors({
                try store.read { db -> PSObject in
                    let user = try DirectoryRepository.requireUser(text, in: db)
                    return DirectoryOutput.fullUser(user, forest: try CentralManagementStore.forestFqdn(in: db),
                                                    memberOf: try DirectoryRepository.memberOf(.user(user), in: db))
                }
            }) else { return }
            try context.write(try DirectoryOutput.select(object, defaults: DirectoryOutput.userDefaultProperties,
                                                         requested: properties, context: context))
            return
        }
        let parsed = try DirectoryFilter.parse(filter ?? .string("*"), context: context)
        let objects = try context.domain {
            try store.read { db -> [PSObject] in
                let base = try searchBase.map { try DirectoryRepository.organizationalUnitPath($0, in: db) }
                return try DirectoryRepository.users(in: db)
                    .filter { user in base.map { DirectoryNames.isWithin(user.ou, $0) } ?? true }
                    .map { user in
                        DirectoryOutput.fullUser(user, forest: try CentralManagementStore.forestFqdn(in: db),
                                                 memberOf: try DirectoryRepository.memberOf(.user(user), in: db))
                    }
            }
        }
        var written = 0
        for object in objects where parsed.matches(object) {
            if let limit = resultSetSize, written >= limit { break }
            try context.write(try DirectoryOutput.select(object, defaults: DirectoryOutput.userDefaultProperties,
                                                         requested: properties, context: context))
            written += 1
        }
    }

}

import LyncDeployment
import PSRuntime

/// New-ADUser: creates a user account in the deployment's directory.
final class NewADUserCommand: NewADObjectCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        NewADUserCommand.self, name: "New-ADUser",
        synopsis: "Creates a user account in the deployment's directory.",
        description: """
            Adds an account named -Name. The SamAccountName defaults to the name (at most 20 characters) and the \
            user principal name to <SamAccountName>@<forest>. -Path puts the account in an OU, which is created \
            when missing; without it the account goes to CN=Users. To give the account a Lync SIP address pass \
            -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:…'}: the address must be well formed and held by \
            no other user or contact.
            """,
        module: "ActiveDirectory", securityArea: SecurityArea.directory.rawValue, supportsShouldProcess: true,
        outputTypes: [DirectoryOutput.adUserType],
        examples: [
            HelpExample("New-ADUser -Name 'Ken Myer' -SamAccountName kmyer -GivenName Ken -Surname Myer",
                        "Creates the account kmyer in CN=Users."),
            HelpExample("New-ADUser ocschat -DisplayName 'Group Chat Lookup' -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:ocschat@litwareinc.com'}",
                        "Creates the legacy Group Chat Lookup account with its SIP address."),
            HelpExample("New-ADUser -Name pilot1 -Path 'OU=Pilot,DC=litwareinc,DC=com' -PassThru",
                        "Creates an account in the Pilot OU (creating the OU) and shows it."),
        ],
        parameters: objectParameters(noun: "account") + [
            Parameter("UserPrincipalName", \.userPrincipalName, help: "The UPN; defaults to <SamAccountName>@<forest>."),
            Parameter("GivenName", \.givenName, help: "The first name."),
            Parameter("Surname", \.surname, help: "The last name."),
            Parameter("Enabled", \.enabled, help: "Whether the account can sign in; true unless you pass $false."),
            Parameter("EmailAddress", \.emailAddress, help: "The e-mail address (the mail attribute), e.g. kmyer@litwareinc.com."),
            Parameter("OtherAttributes", \.otherAttributes,
                      help: "Further attributes by LDAP name: msRTCSIP-PrimaryUserAddress (the SIP address), msRTCSIP-PrimaryHomeServer (the registrar pool FQDN), mail, displayName, description, givenName, sn."),
        ])

    var userPrincipalName: String?
    var givenName: String?
    var surname: String?
    var enabled: Bool?
    var emailAddress: String?
    var otherAttributes: PSHashtable?

    func process(_ context: CommandContext) throws {
        var spec = NewDirectoryUser(name: name, samAccountName: samAccountName, userPrincipalName: userPrincipalName,
                                    displayName: displayName, givenName: givenName, surname: surname, path: path,
                                    enabled: enabled ?? true, description: objectDescription,
                                    mail: emailAddress)
        try applyOtherAttributes(to: &spec, context: context)
        let store = try context.store()
        guard try context.shouldProcess(target: target(store), action: "New") else { return }
        let object = try context.domain {
            try store.write { db in
                let user = try DirectoryRepository.createUser(spec, in: db)
                return DirectoryOutput.fullUser(user, forest: try CentralManagementStore.forestFqdn(in: db), memberOf: [])
            }
        }
        if passThru {
            try context.write(try DirectoryOutput.select(object, defaults: DirectoryOutput.userDefaultProperties,
                                                         requested: [], context: context))
        }
    }

    private func applyOtherAttributes(to spec: inout NewDirectoryUser, context: CommandContext) throws {
        guard let otherAttributes else { return }
        for (key, value) in otherAttributes.pairs {
            let attribute = LanguagePrimitives.toString(key, context: context.session)
            // A one-element array is how AD takes single values too: @{a=@('x')}.
            let single = value.baseValue.asArray?.items.first ?? value
            let text = LanguagePrimitives.toString(single, context: context.session)
            switch attribute.lowercased() {
            case "msrtcsip-primaryuseraddress": spec.sipAddress = text
            case "msrtcsip-primaryhomeserver": spec.registrarPool = text
            case "displayname": spec.displayName = text
            case "description": spec.description = text
            case "givenname": spec.givenName = text
            case "sn": spec.surname = text
            case "userprincipalname": spec.userPrincipalName = text
            case "mail": spec.mail = text
            default:
                throw context.terminatingError(
                    "The attribute '\(attribute)' is not kept by this directory. Supported: msRTCSIP-PrimaryUserAddress, msRTCSIP-PrimaryHomeServer, mail, displayName, description, givenName, sn, userPrincipalName.",
                    id: "UnsupportedAttribute", category: .InvalidArgument, target: .string(attribute))
            }
        }
    }
}

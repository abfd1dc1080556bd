import LyncDeployment
import PSRuntime

/// `Microsoft.ActiveDirectory.Management.ADCurrentDomainType`.
enum ADCurrentDomainType: String, ParameterEnum {
    case LocalComputer, LoggedOnUser
}

/// Get-ADDomain: the directory's domain.
final class GetADDomainCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetADDomainCommand.self, name: "Get-ADDomain",
        synopsis: "Gets the domain of the deployment's directory.",
        description: """
            Returns the directory's one domain, named after the published topology's forest (litwareinc.com gives \
            DNSRoot litwareinc.com, NetBIOSName LITWAREINC and DistinguishedName DC=litwareinc,DC=com), with its \
            SID, GUID, well-known containers and operations masters. The directory lives in the deployment's \
            store, so the topology's local computer is shown as its domain controller. Without -Identity, or with \
            -Current, the domain of the local computer and of the signed-in user is returned (the same one here); \
            -Identity may name it by DNS name, NetBIOS name, distinguished name, SID or GUID, and any other domain \
            is not found.
            """,
        module: "ActiveDirectory", securityArea: SecurityArea.directory.rawValue, defaultParameterSet: "Identity",
        outputTypes: [DirectoryOutput.adDomainType],
        examples: [
            HelpExample("Get-ADDomain", "Shows the domain of the directory."),
            HelpExample("Get-ADDomain -Identity litwareinc.com", "Shows the domain named by its DNS name."),
            HelpExample("Get-ADDomain -Current LoggedOnUser", "Shows the domain of the signed-in user."),
            HelpExample("(Get-ADDomain).DistinguishedName", "Shows the domain's distinguished name, the suffix of every DN in it."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, sets: ["Identity"], pipeline: .byValue,
                      help: "The domain: its DNS name, NetBIOS name, distinguished name, SID or GUID."),
            Parameter("Current", \.current, mandatory: true, sets: ["Current"],
                      help: "Returns the domain of the LocalComputer or of the LoggedOnUser."),
            Parameter("Server", \.server, help: "Accepted for compatibility; the directory has one domain controller."),
            Parameter("Credential", \.credential, help: "Accepted for compatibility; the local store needs no credentials."),
            Parameter("AuthType", \.authType, help: "Accepted for compatibility (Negotiate or Basic)."),
        ])

    var identity: PSValue?
    var current: ADCurrentDomainType?
    var server: String?
    var credential: PSValue?
    var authType: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let name = identity.map { DirectoryOutput.identityText($0, context: context) }
        guard let domain = try context.reportingErrors({
            try store.read { db in try DirectoryDomain.require(name, in: db) }
        }) else { return }
        try context.write(.object(DirectoryOutput.domain(domain)))
    }
}

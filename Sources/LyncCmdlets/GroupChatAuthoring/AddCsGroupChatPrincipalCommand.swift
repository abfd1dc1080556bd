import LyncDeployment
import PSRuntime

/// Add-CsGroupChatPrincipal: adds a user, group, federated principal, OU or domain.
final class AddCsGroupChatPrincipalCommand: GroupChatAuthoringCommand, Cmdlet {
    static let types: [(String, LegacyPrincipalType)] = [
        ("User", .user), ("Group", .group), ("FederatedUser", .federatedUser), ("FederatedGroup", .federatedGroup),
        ("ExternalUser", .externalUser), ("Folder", .folder), ("Domain", .domain),
    ]

    static let declaration = CmdletDeclaration(
        AddCsGroupChatPrincipalCommand.self, name: "Add-CsGroupChatPrincipal",
        synopsis: "Adds a principal (user, group, federated user or group, OU, domain) to a legacy Group Chat database.",
        description: """
            Writes a tblPrincipal row to the legacy database -Database, with its self row in \
            tblPrincipalAffiliations. Users (User, ExternalUser, FederatedUser) need a sip: URI; groups, folders \
            and domains get an ma-grp:<guid>@u.g URI when -Uri is left out. -Name is the display name (default: \
            the account part of the URI). -Disabled marks a principal that left the company or lost SIP. \
            -MemberOf names groups (by URI or display name) the principal belongs to. URIs are unique, compared \
            without regard to case. Federated and external types (FederatedUser, FederatedGroup, ExternalUser) \
            have no place in Persistent Chat 2013: the migration drops them from role lists.
            """,
        module: "GroupChatAuthoring", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        outputTypes: [GroupChatAuthoringOutput.principalType],
        examples: [
            HelpExample("Add-CsGroupChatPrincipal -Database ./legacy.db -Uri sip:kenmyer@litwareinc.com -Name 'Ken Myer'",
                        "Adds the user Ken Myer."),
            HelpExample("Add-CsGroupChatPrincipal ./legacy.db -Name Engineering -Type Group -PassThru; Add-CsGroupChatPrincipal ./legacy.db sip:pilar@litwareinc.com -MemberOf Engineering",
                        "Adds the group Engineering (it gets an ma-grp: URI), then a user who belongs to it."),
            HelpExample("Add-CsGroupChatPrincipal ./legacy.db sip:ann@fabrikam.com -Type FederatedUser", "Adds a federated user."),
        ],
        parameters: [
            databaseParameter(),
            Parameter("Uri", \.uri, position: 1, help: "sip:user@domain for users; groups, folders and domains may leave it out."),
            Parameter("Name", \.name, help: "The display name."),
            Parameter("Type", \.type, validate: [.set(types.map(\.0), ignoreCase: true)],
                      help: "User (default), Group, FederatedUser, FederatedGroup, ExternalUser, Folder or Domain."),
            Parameter("MemberOf", \.memberOf, help: "Groups (URIs or display names) the principal belongs to."),
            Parameter("Email", \.email, help: "The e-mail address."),
            .switchParameter("Disabled", \.disabled, help: "Marks the principal disabled (prinDisabled = 1)."),
            .switchParameter("PassThru", \.passThru, help: "Writes the new principal to the pipeline."),
        ])

    var uri: String?
    var name: String?
    var type = "User"
    var memberOf: [String] = []
    var email: String?
    var disabled = false
    var passThru = false

    func process(_ context: CommandContext) throws {
        let file = try databaseFile(context)
        let kind = Self.types.first { $0.0.caseInsensitiveCompare(type) == .orderedSame }?.1 ?? .user
        guard try context.shouldProcess(target: uri ?? name ?? type, action: "Add legacy Group Chat principal to \(file)") else { return }
        let added = try context.domain {
            try LegacyGroupChatWriter.open(path: file).addPrincipal(
                .init(uri: uri, name: name, type: kind, disabled: disabled, memberOf: memberOf, email: email))
        }
        if passThru { try context.write(GroupChatAuthoringOutput.principal(added)) }
    }
}

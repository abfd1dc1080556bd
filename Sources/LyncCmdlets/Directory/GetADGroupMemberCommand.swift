import LyncDeployment
import PSRuntime

/// Get-ADGroupMember: lists a group's members.
final class GetADGroupMemberCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetADGroupMemberCommand.self, name: "Get-ADGroupMember",
        synopsis: "Lists the members of a group.",
        description: """
            Writes one object per direct member of the group (users and groups), with distinguishedName, name, \
            objectClass (user or group), objectGUID, SamAccountName and SID. With -Recursive it follows nested \
            groups and writes every user reached, once each; groups themselves are then left out. Nesting that \
            loops back on itself is followed only once.
            """,
        module: "ActiveDirectory", securityArea: SecurityArea.directory.rawValue,
        outputTypes: [DirectoryOutput.adPrincipalType],
        examples: [
            HelpExample("Get-ADGroupMember -Identity RTCUniversalServerAdmins", "Lists the deployment's administrators."),
            HelpExample("Get-ADGroupMember CsAdministrator -Recursive | Select-Object SamAccountName",
                        "Lists every user who holds the CsAdministrator role, directly or through nested groups."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byValue,
                      help: "The group: SamAccountName, distinguished name, ObjectGUID or SID, or a piped group object."),
            .switchParameter("Recursive", \.recursive, help: "Follows nested groups and lists the users reached."),
        ])

    var identity: PSValue = .null
    var recursive = false

    func process(_ context: CommandContext) throws {
        let text = DirectoryOutput.identityText(identity, context: context)
        let store = try context.store()
        guard let members = try context.reportingErrors({
            try store.read { db in
                let forest = try CentralManagementStore.forestFqdn(in: db)
                let group = try DirectoryRepository.requireGroup(text, in: db)
                return try DirectoryRepository.members(of: group, recursive: recursive, in: db)
                    .map { DirectoryOutput.principal($0, forest: forest) }
            }
        }) else { return }
        for member in members { try context.write(member) }
    }
}

import LyncDeployment
import PSRuntime

/// Add-ADGroupMember: puts users or groups into a group.
final class AddADGroupMemberCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        AddADGroupMemberCommand.self, name: "Add-ADGroupMember",
        synopsis: "Adds users or groups to a group.",
        description: """
            Adds each principal in -Members (users or groups, by SamAccountName, distinguished name, GUID or SID) \
            to the group -Identity. Adding a principal that is already a member changes nothing. Groups may be \
            nested in one another; membership in an RBAC role's group (CsAdministrator, CsPersistentChatAdministrator…) \
            grants the role. All members are checked before any is added.
            """,
        module: "ActiveDirectory", securityArea: SecurityArea.directory.rawValue, supportsShouldProcess: true,
        examples: [
            HelpExample("Add-ADGroupMember -Identity CsPersistentChatAdministrator -Members kmyer",
                        "Gives kmyer the Persistent Chat administrator role."),
            HelpExample("Add-ADGroupMember RTCUniversalServerAdmins -Members ChatAdmins, pilar",
                        "Nests the group ChatAdmins and adds the user pilar."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byValue,
                      help: "The group to add to: SamAccountName, distinguished name, ObjectGUID or SID."),
            Parameter("Members", \.members, position: 1, mandatory: true, aliases: ["Member"],
                      help: "The users and groups to add."),
        ])

    var identity: PSValue = .null
    var members: [PSValue] = []

    func process(_ context: CommandContext) throws {
        let groupText = DirectoryOutput.identityText(identity, context: context)
        let memberTexts = members.map { DirectoryOutput.identityText($0, context: context) }
        let store = try context.store()
        let (group, principals) = try context.domain {
            try store.read { db in
                (try DirectoryRepository.requireGroup(groupText, in: db),
                 try memberTexts.map { try DirectoryRepository.requirePrincipal($0, in: db) })
            }
        }
        let names = principals.map(\.samAccountName).joined(separator: ", ")
        guard try context.shouldProcess(target: group.samAccountName, action: "Add member(s) \(names)") else { return }
        try context.domain {
            try store.write { db in
                for principal in principals { try DirectoryRepository.addMember(principal, to: group, in: db) }
            }
        }
    }
}

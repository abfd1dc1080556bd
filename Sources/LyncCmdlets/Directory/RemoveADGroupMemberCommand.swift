import LyncDeployment
import PSRuntime

/// Remove-ADGroupMember: takes users or groups out of a group.
final class RemoveADGroupMemberCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveADGroupMemberCommand.self, name: "Remove-ADGroupMember",
        synopsis: "Removes users or groups from a group.",
        description: """
            Takes each principal in -Members out of the group -Identity. Each must be a direct member; otherwise \
            nothing is removed and the command says which one is not. Removing a user from an RBAC role's group \
            takes the role away. Asks for confirmation unless you pass -Confirm:$false.
            """,
        module: "ActiveDirectory", securityArea: SecurityArea.directory.rawValue, supportsShouldProcess: true,
        confirmImpact: .High,
        examples: [
            HelpExample("Remove-ADGroupMember -Identity CsHelpDesk -Members kmyer -Confirm:$false",
                        "Takes the help-desk role away from kmyer without asking."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byValue,
                      help: "The group: SamAccountName, distinguished name, ObjectGUID or SID."),
            Parameter("Members", \.members, position: 1, mandatory: true, aliases: ["Member"],
                      help: "The users and groups to remove."),
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
        guard try context.shouldProcess(target: group.samAccountName, action: "Remove member(s) \(names)") else { return }
        try context.domain {
            try store.write { db in
                for principal in principals { try DirectoryRepository.removeMember(principal, from: group, in: db) }
            }
        }
    }
}

import LyncDeployment
import PSRuntime

/// Remove-ADGroupMember: takes users or groups out of a group.
final class RemoveADGroupMemberCommand: GroupMembershipCommand, Cmdlet {
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
        parameters: membershipParameters(verb: "remove"))

    override class var actionVerb: String { "Remove" }

    override func apply(_ principal: DirectoryPrincipal, to group: DirectoryGroup, in db: DirectoryRepository.Transaction) throws {
        try DirectoryRepository.removeMember(principal, from: group, in: db)
    }
}

import LyncDeployment
import PSRuntime

/// Add-ADGroupMember: puts users or groups into a group.
final class AddADGroupMemberCommand: GroupMembershipCommand, Cmdlet {
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
        parameters: membershipParameters(verb: "add"))

    override class var actionVerb: String { "Add" }

    override func apply(_ principal: DirectoryPrincipal, to group: DirectoryGroup, in db: DirectoryRepository.Transaction) throws {
        try DirectoryRepository.addMember(principal, to: group, in: db)
    }
}

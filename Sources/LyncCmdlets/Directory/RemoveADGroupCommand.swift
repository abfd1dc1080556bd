import LyncDeployment
import PSRuntime

/// Remove-ADGroup: deletes groups.
final class RemoveADGroupCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveADGroupCommand.self, name: "Remove-ADGroup",
        synopsis: "Deletes groups from the deployment's directory.",
        description: """
            Deletes the group named by -Identity, its member list and its place in other groups. The groups every \
            deployment starts with (RTCUniversal* and the RBAC role groups) cannot be deleted, nor can a group that \
            backs a custom RBAC role. Asks for confirmation unless you pass -Confirm:$false.
            """,
        module: "ActiveDirectory", securityArea: SecurityArea.directory.rawValue, supportsShouldProcess: true,
        confirmImpact: .High,
        examples: [
            HelpExample("Remove-ADGroup -Identity ChatUsers -Confirm:$false", "Deletes the group ChatUsers without asking."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byValue,
                      help: "The group: SamAccountName, distinguished name, ObjectGUID or SID, or a piped group object."),
        ])

    var identity: PSValue = .null

    func process(_ context: CommandContext) throws {
        let text = DirectoryOutput.identityText(identity, context: context)
        let store = try context.store()
        guard let group = try context.reportingErrors({ try store.read { db in try DirectoryRepository.requireGroup(text, in: db) } })
        else { return }
        guard try context.shouldProcess(target: group.samAccountName, action: "Remove") else { return }
        try context.reportingErrors {
            try store.write { db in try DirectoryRepository.removeGroup(group.samAccountName, in: db) }
        }
    }
}

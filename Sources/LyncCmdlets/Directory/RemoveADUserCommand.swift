import LyncDeployment
import PSRuntime

/// Remove-ADUser: deletes user accounts.
final class RemoveADUserCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveADUserCommand.self, name: "Remove-ADUser",
        synopsis: "Deletes user accounts from the deployment's directory.",
        description: """
            Deletes the account named by -Identity (SamAccountName, distinguished name, GUID or SID, or an object \
            piped from Get-ADUser) together with its group memberships. Its SIP address becomes free, which is \
            the step a Group Chat migration needs before the legacy Lookup account's address (ocschat@…) can be \
            given to a Persistent Chat endpoint. Asks for confirmation unless you pass -Confirm:$false.
            """,
        module: "ActiveDirectory", securityArea: SecurityArea.directory.rawValue, supportsShouldProcess: true,
        confirmImpact: .High,
        examples: [
            HelpExample("Remove-ADUser -Identity ocschat -Confirm:$false", "Deletes the legacy Lookup account ocschat without asking."),
            HelpExample("Get-ADUser -Filter {Name -like 'test*'} | Remove-ADUser -WhatIf", "Shows which test accounts would be deleted."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byValue,
                      help: "The account: SamAccountName, distinguished name, ObjectGUID or SID, or a piped user object."),
        ])

    var identity: PSValue = .null

    func process(_ context: CommandContext) throws {
        let text = DirectoryOutput.identityText(identity, context: context)
        let store = try context.store()
        guard let user = try context.reportingErrors({ try store.read { db in try DirectoryRepository.requireUser(text, in: db) } })
        else { return }
        let dn = (try? store.read { db in user.distinguishedName(forest: try CentralManagementStore.forestFqdn(in: db)) }) ?? text
        guard try context.shouldProcess(target: dn, action: "Remove") else { return }
        try context.reportingErrors {
            try store.write { db in try DirectoryRepository.removeUser(user.samAccountName, in: db) }
        }
    }
}

import Foundation
import LyncDeployment
import PSCmdlets
import PSRuntime

/// Remove-CsManagementLogin: removes a login's mapping.
final class RemoveCsManagementLoginCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsManagementLoginCommand.self, name: "Remove-CsManagementLogin",
        synopsis: "Removes a Unix login's mapping to a directory user.",
        description: "Afterwards the login acts as the directory user of the same name, if there is one.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, supportsShouldProcess: true, confirmImpact: .Medium,
        examples: [HelpExample("Remove-CsManagementLogin -Identity kmyer", "The login kmyer no longer acts as another directory user.")],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byPropertyName, aliases: ["LoginName"],
                      help: "The Unix login name."),
        ])

    var identity = ""

    func process(_ context: CommandContext) throws {
        guard try context.shouldProcess(target: identity, action: "Remove the login mapping") else { return }
        let store = try context.store()
        let removed = try context.domain { try store.write { try ManagementLoginRepository.remove(login: identity, in: $0) } }
        if !removed {
            try context.writeError("The login '\(identity)' has no mapping; Get-CsManagementLogin lists them.",
                                   id: "ManagementLoginNotFound", category: .ObjectNotFound, target: .string(identity))
        }
    }
}

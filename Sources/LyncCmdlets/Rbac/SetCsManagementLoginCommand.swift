import Foundation
import LyncDeployment
import PSCmdlets
import PSRuntime

/// Set-CsManagementLogin: maps a Unix login to a directory user.
final class SetCsManagementLoginCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsManagementLoginCommand.self, name: "Set-CsManagementLogin",
        synopsis: "Maps a Unix login to the directory user it acts as through the management endpoint.",
        description: "The endpoint learns a client's login from the kernel; this says which directory user (and so which roles) that login has. An earlier mapping of the login is replaced. The change applies to open sessions at their next command.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, supportsShouldProcess: true, confirmImpact: .Medium,
        outputTypes: [ManagementLoginCmdlets.typeName],
        examples: [HelpExample("Set-CsManagementLogin -Identity kmyer -SamAccountName kenmyer",
                               "The login kmyer now works as the directory user kenmyer.")],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byPropertyName, aliases: ["LoginName"],
                      help: "The Unix login name."),
            Parameter("SamAccountName", \.samAccountName, position: 1, mandatory: true, pipeline: .byPropertyName,
                      help: "The directory user the login acts as."),
        ])

    var identity = ""
    var samAccountName = ""

    func process(_ context: CommandContext) throws {
        guard try context.shouldProcess(target: identity, action: "Map the login to the directory user '\(samAccountName)'") else { return }
        let store = try context.store()
        let changedBy = context.session.deployment?.userName ?? ""
        let login = try context.domain {
            try store.write { try ManagementLoginRepository.set(login: identity, samAccountName: samAccountName, changedBy: changedBy, in: $0) }
        }
        try context.write(ManagementLoginCmdlets.object(login))
    }
}

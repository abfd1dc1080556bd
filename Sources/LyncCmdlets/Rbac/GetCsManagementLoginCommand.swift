import Foundation
import LyncDeployment
import PSCmdlets
import PSRuntime

/// Get-CsManagementLogin: lists the login mappings.
final class GetCsManagementLoginCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsManagementLoginCommand.self, name: "Get-CsManagementLogin",
        synopsis: "Lists which directory user each mapped Unix login acts as through the management endpoint.",
        description: "A login without a mapping acts as the directory user whose SamAccountName is the login name.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, outputTypes: [ManagementLoginCmdlets.typeName],
        examples: [HelpExample("Get-CsManagementLogin", "Lists every mapping.")],
        parameters: [
            Parameter("Identity", \.identity, position: 0, help: "A login name (wildcards allowed)."),
        ])

    var identity: String?

    func end(_ context: CommandContext) throws {
        let store = try context.store()
        let logins = try context.domain { try store.read { try ManagementLoginRepository.all(in: $0) } }
        let pattern = identity.map { WildcardPattern($0) }
        for login in logins where pattern?.matches(login.loginName) ?? true {
            try context.write(ManagementLoginCmdlets.object(login))
        }
    }
}

import LyncDeployment
import PSRuntime

/// Names the RBAC roles a user holds.
final class GetCsAdminRoleAssignmentCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsAdminRoleAssignmentCommand.self, name: "Get-CsAdminRoleAssignment",
        synopsis: "Names the RBAC roles a user holds.",
        description: "Writes the identity of every role the user holds through the groups they belong to, nested groups included, as strings.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, outputTypes: ["System.String"],
        examples: [
            HelpExample("Get-CsAdminRoleAssignment -Identity kenmyer", "Names the roles of the user kenmyer."),
            HelpExample("Get-CsUser | ForEach-Object {$_.DisplayName; Get-CsAdminRoleAssignment -Identity $_.SamAccountName}",
                        "Lists every enabled user with their roles."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byValue,
                      help: "The user's SamAccountName."),
            .switchParameter("Force", \.force, help: "Accepted for compatibility."),
            .switchParameter("LocalStore", \.localStore, help: "Accepted for compatibility; pcsh has one store."),
        ])

    var identity = ""
    var force = false
    var localStore = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let repository = RbacCmdlets.repository(context)
        let user = identity.trimmingCharacters(in: .whitespaces)
        let names: [String]? = try context.reportingErrors {
            try store.read { db in
                guard try DirectoryRepository.userExists(user, in: db) else {
                    throw DeploymentError(.objectNotFound, id: "UserNotFound",
                                          "There is no user with the SamAccountName '\(user)'. Run Get-ADUser -Filter * to list the users.",
                                          target: user)
                }
                return try SessionIdentity.resolve(userName: user, roles: repository, in: db).roles.map(\.identity)
            }
        }
        for name in names ?? [] { try context.write(.string(name)) }
    }
}

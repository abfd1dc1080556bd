import LyncDeployment
import PSRuntime

/// Deletes custom RBAC roles.
final class RemoveCsAdminRoleCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsAdminRoleCommand.self, name: "Remove-CsAdminRole",
        synopsis: "Deletes custom RBAC roles.",
        description: "Deletes a custom role, chosen by identity, security identifier or wildcard. Its group stays in the directory; its members lose the role. Built-in roles cannot be deleted.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, defaultParameterSet: "Identity",
        supportsShouldProcess: true, confirmImpact: .High,
        examples: [
            HelpExample("Remove-CsAdminRole -Identity RedmondHelpDesk", "Deletes one custom role."),
            HelpExample("Get-CsAdminRole | Where-Object {$_.IsStandardRole -eq $False} | Remove-CsAdminRole",
                        "Deletes every custom role."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, sets: ["Identity"], pipeline: .byPropertyName,
                      help: "The role to delete."),
            Parameter("Filter", \.filter, sets: ["Filter"], help: "Deletes every custom role whose identity matches this wildcard."),
            Parameter("Sid", \.sid, mandatory: true, sets: ["SID"], help: "The security identifier of the role to delete."),
            .switchParameter("Force", \.force, help: "Deletes without asking for confirmation."),
        ])

    var identity = ""
    var filter: String?
    var sid = ""
    var force = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let repository = RbacCmdlets.repository(context)
        let targets: [AdminRole] = try context.domain {
            try store.read { db in
                switch context.parameterSetName {
                case "Filter":
                    let pattern = WildcardPattern(filter ?? "*")
                    return try repository.all(in: db).filter { !$0.isStandardRole && pattern.matches($0.identity) }
                case "SID":
                    return [try repository.require(sid: sid, in: db)]
                default:
                    return [try repository.require(identity, in: db)]
                }
            }
        }
        for role in targets {
            guard try context.shouldProcess(target: role.identity, action: "Remove RBAC role", force: force) else { continue }
            try context.reportingErrors { try store.write { db in try repository.remove(role.identity, in: db) } }
        }
    }
}

import LyncDeployment
import PSRuntime

/// Lists RBAC roles with the cmdlets each may run.
final class GetCsAdminRoleCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsAdminRoleCommand.self, name: "Get-CsAdminRole",
        synopsis: "Lists the RBAC roles and the cmdlets each role may run.",
        description: "Returns every role of the deployment, one role by its identity (the SamAccountName of its universal security group) or security identifier, or the roles whose identity matches a wildcard. Built-in roles list the cmdlets their areas grant; custom roles list their own.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, defaultParameterSet: "Identity",
        outputTypes: [RbacCmdlets.roleTypeName],
        examples: [
            HelpExample("Get-CsAdminRole", "Lists every role."),
            HelpExample("Get-CsAdminRole -Identity CsPersistentChatAdministrator | Select-Object -ExpandProperty Cmdlets",
                        "Shows what Persistent Chat administrators may run."),
            HelpExample("Get-CsAdminRole | Where-Object {$_.Cmdlets -match \"Remove-CsTrustedApplication\\b\"}",
                        "Finds the roles that may remove trusted applications."),
            HelpExample("Get-CsAdminRole | Where-Object {$_.IsStandardRole -eq $False}", "Lists the custom roles."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, sets: ["Identity"], pipeline: .byValue,
                      help: "The role's identity, the SamAccountName of its group (CsHelpDesk)."),
            Parameter("Filter", \.filter, sets: ["Filter"], help: "A wildcard matched against role identities (\"*Chat*\")."),
            Parameter("Sid", \.sid, position: 0, sets: ["SID"], help: "The role's security identifier (S-1-5-21-…)."),
            .switchParameter("LocalStore", \.localStore, help: "Accepted for compatibility; pcsh has one store."),
        ])

    var identity: String?
    var filter: String?
    var sid: String?
    var localStore = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let repository = RbacCmdlets.repository(context)
        let roles: [AdminRole] = try context.domain {
            try store.read { db in
                if let identity { return [try repository.require(identity, in: db)] }
                if let sid { return [try repository.require(sid: sid, in: db)] }
                let all = try repository.all(in: db)
                guard let filter else { return all }
                let pattern = WildcardPattern(filter)
                return all.filter { pattern.matches($0.identity) }
            }
        }
        for role in roles { try context.write(RbacCmdlets.object(role)) }
    }
}

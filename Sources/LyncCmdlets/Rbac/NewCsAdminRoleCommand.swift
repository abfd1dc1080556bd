import LyncDeployment
import PSRuntime

/// Creates a custom RBAC role from a built-in one.
final class NewCsAdminRoleCommand: AdminRoleChangingCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsAdminRoleCommand.self, name: "New-CsAdminRole",
        synopsis: "Creates a custom RBAC role from a built-in role.",
        description: "The new role starts with the template's cmdlets and scopes; -Cmdlets, -ScriptModules, -ConfigScopes and -UserScopes change them. A universal security group with the role's identity as its SamAccountName must already exist: its members hold the role.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, supportsShouldProcess: true,
        outputTypes: [RbacCmdlets.roleTypeName],
        examples: [
            HelpExample("New-ADGroup -Name RedmondChatAdmins -GroupScope Universal -GroupCategory Security\nNew-CsAdminRole -Identity RedmondChatAdmins -Template CsPersistentChatAdministrator",
                        "Creates the group, then a role for it with the Persistent Chat administrators' cmdlets."),
            HelpExample("New-CsAdminRole -Identity ChatReaders -Template CsViewOnlyAdministrator -Cmdlets @{Add=\"Set-CsPersistentChatRoom\"}",
                        "A view-only role that may also change rooms."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true,
                      help: "The role's identity: the SamAccountName of its (existing) universal security group."),
            Parameter("Template", \.template, mandatory: true, help: "The built-in role to start from."),
            .switchParameter("InMemory", \.inMemory, help: "Returns the role without saving it."),
        ] + listParameters())

    var template = ""
    var inMemory = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let repository = RbacCmdlets.repository(context)
        guard try context.shouldProcess(target: identity, action: "Create RBAC role from template \(template)") else { return }
        do {
            // The role is created and read back in one transaction; -InMemory rolls it back.
            let role = try context.domain {
                try store.write { db -> AdminRole in
                    // An unknown template is reported by create, with the list of templates.
                    let base = try repository.role(template, in: db)
                    let created = try repository.create(
                        identity: identity, template: template, cmdlets: Self.applied(cmdlets, to: base?.cmdlets ?? []),
                        scriptModules: Self.applied(scriptModules, to: []) ?? [],
                        configScopes: Self.applied(configScopes, to: base?.configScopes ?? []) ?? [],
                        userScopes: Self.applied(userScopes, to: base?.userScopes ?? []) ?? [], in: db)
                    if inMemory { throw InMemoryRollback(role: created) }
                    return created
                }
            }
            try context.write(RbacCmdlets.object(role))
        } catch let rollback as InMemoryRollback {
            try context.write(RbacCmdlets.object(rollback.role))
        }
    }

    /// Thrown inside the transaction to undo it while keeping the object.
    private struct InMemoryRollback: Error { let role: AdminRole }
}

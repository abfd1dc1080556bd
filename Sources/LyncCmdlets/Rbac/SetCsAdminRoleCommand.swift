import LyncDeployment
import PSRuntime

/// Changes a custom role's cmdlets, scopes or scripts (a built-in role's scripts only).
final class SetCsAdminRoleCommand: AdminRoleChangingCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsAdminRoleCommand.self, name: "Set-CsAdminRole",
        synopsis: "Changes the cmdlets, scopes or scripts of an RBAC role.",
        description: "Each list takes a replacement list or @{Add=…; Remove=…; Replace=…}. Built-in roles keep their cmdlets and scopes; only their script modules can change.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, supportsShouldProcess: true,
        examples: [
            HelpExample("Set-CsAdminRole -Identity RedmondChatAdmins -Cmdlets @{Remove=\"Import-CsPersistentChatData\"}",
                        "Takes one cmdlet away from a custom role."),
            HelpExample("Set-CsAdminRole -Identity \"RedmondVoiceAdministrators\" -UserScopes @{Add=\"OU:ou=Portland,dc=litwareinc,dc=com\"}",
                        "Adds a user scope."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byValue, help: "The role to change."),
        ] + listParameters())

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let repository = RbacCmdlets.repository(context)
        guard try context.shouldProcess(target: identity, action: "Change RBAC role") else { return }
        try context.domain {
            try store.write { db in
                let current = try repository.require(identity, in: db)
                _ = try repository.update(
                    current.identity, cmdlets: Self.applied(cmdlets, to: current.cmdlets),
                    scriptModules: Self.applied(scriptModules, to: current.scriptModules),
                    configScopes: Self.applied(configScopes, to: current.configScopes),
                    userScopes: Self.applied(userScopes, to: current.userScopes), in: db)
            }
        }
    }
}

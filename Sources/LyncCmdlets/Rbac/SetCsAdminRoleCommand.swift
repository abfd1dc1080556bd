import LyncDeployment
import PSRuntime

/// Changes a custom role's cmdlets, scopes or scripts (a built-in role's scripts only).
final class SetCsAdminRoleCommand: Cmdlet {
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
            Parameter("Cmdlets", \.cmdlets, help: "The new cmdlet list, or changes to it."),
            Parameter("ConfigScopes", \.configScopes, help: "The new configuration scopes, or changes to them."),
            Parameter("UserScopes", \.userScopes, help: "The new user scopes, or changes to them."),
            Parameter("ScriptModules", \.scriptModules, help: "The new script modules, or changes to them."),
            .switchParameter("Force", \.force, help: "Accepted for compatibility."),
        ])

    var identity = ""
    var cmdlets: ListModifier<String>?
    var configScopes: ListModifier<String>?
    var userScopes: ListModifier<String>?
    var scriptModules: ListModifier<String>?
    var force = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let repository = RbacCmdlets.repository(context)
        guard try context.shouldProcess(target: identity, action: "Change RBAC role") else { return }
        try context.domain {
            try store.write { db in
                let current = try repository.require(identity, in: db)
                _ = try repository.update(
                    current.identity, cmdlets: RbacCmdlets.applied(cmdlets, to: current.cmdlets),
                    scriptModules: RbacCmdlets.applied(scriptModules, to: current.scriptModules),
                    configScopes: RbacCmdlets.applied(configScopes, to: current.configScopes),
                    userScopes: RbacCmdlets.applied(userScopes, to: current.userScopes), in: db)
            }
        }
    }
}

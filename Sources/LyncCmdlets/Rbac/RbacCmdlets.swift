import LyncDeployment
import PSCmdlets
import PSRuntime

/// The RBAC cmdlets (roles, role assignments, the audit log) and their default views.
enum RbacCmdlets {
    static var all: [CmdletDeclaration] {
        [GetCsAdminRoleCommand.declaration, GetCsAdminRoleAssignmentCommand.declaration, NewCsAdminRoleCommand.declaration,
         SetCsAdminRoleCommand.declaration, RemoveCsAdminRoleCommand.declaration, SearchCsAdminAuditLogCommand.declaration]
            + ManagementLoginCmdlets.all
    }

    static let roleTypeName = "Microsoft.Rtc.Management.WritableConfig.Settings.Roles.Role"
    static let auditTypeName = "Pcsh.Deployment.AdminAuditLogEntry"

    static func registerViews(_ context: ExecutionContext) {
        ManagementLoginCmdlets.registerViews(context)
        FormatData.registerListView(context, name: "Role", typeNames: [roleTypeName],
                                    properties: ["Identity", "SID", "IsStandardRole", "Template", "Cmdlets", "ScriptModules",
                                                 "ConfigScopes", "UserScopes"])
        FormatData.registerTableView(context, name: "RoleTable", typeNames: [roleTypeName], columns: [
            FormatData.Column("Identity", width: 32), FormatData.Column("IsStandardRole", width: 14),
            FormatData.Column("Template", width: 30), FormatData.Column("UserScopes"),
        ], asDefault: false)
        FormatData.registerTableView(context, name: "AdminAuditLogEntry", typeNames: [auditTypeName], columns: [
            FormatData.Column("RunDate", width: 20), FormatData.Column("User", width: 14), FormatData.Column("Command", width: 34),
            FormatData.Column("WhatIf", width: 6), FormatData.Column("Outcome", width: 9), FormatData.Column("Parameters"),
        ])
    }

    /// A role as the cmdlets write it.
    static func object(_ role: AdminRole) -> PSValue {
        DeploymentObjects.object(roleTypeName, [
            ("Identity", .string(role.identity)), ("SID", .string(role.sid)), ("IsStandardRole", .bool(role.isStandardRole)),
            ("Template", DeploymentObjects.string(role.template)), ("Cmdlets", DeploymentObjects.strings(role.cmdlets)),
            ("ScriptModules", DeploymentObjects.strings(role.scriptModules)),
            ("ConfigScopes", DeploymentObjects.strings(role.configScopes)),
            ("UserScopes", DeploymentObjects.strings(role.userScopes)),
        ])
    }

    /// The role repository over the cmdlets this session knows.
    static func repository(_ context: CommandContext) -> RoleRepository {
        (context.session.authorizer as? RoleBasedAuthorizer)?.roles
            ?? RoleRepository(catalog: RoleBasedAuthorizer.catalog(of: context.session.commands.all))
    }
}

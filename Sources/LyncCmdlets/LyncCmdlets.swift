import LyncDeployment
import PSCmdlets
import PSRuntime

/// The Lync Server cmdlets: topology, directory, services, trusted applications, Persistent Chat
/// endpoints and RBAC. Each group keeps its own list (and its default views) next to its cmdlets.
public enum LyncCmdlets {
    public static var all: [CmdletDeclaration] {
        TopologyCmdlets.all + DirectoryCmdlets.all + EndpointCmdlets.all + TrustedApplicationCmdlets.all
            + ServiceCmdlets.all + RbacCmdlets.all + GroupChatAuthoringCmdlets.all + PersistentChatCmdlets.all
            + MigrationCmdlets.all
    }

    /// Adds the cmdlets, their views and the deployment to a session.
    public static func install(into context: ExecutionContext, deployment: DeploymentSession) {
        for declaration in all {
            context.commands.register(declaration)
            for alias in declaration.aliases {
                context.defineAlias(AliasInfo(name: alias, definition: declaration.name, options: [.readOnly, .allScope]),
                                    in: context.globalScope)
            }
        }
        context.register(service: deployment)
        let home = deployment.home
        context.foreignPathMapper = { home.localPath(forWindowsPath: $0)?.path }
        let authorizer = RoleBasedAuthorizer(deployment: deployment, commands: context.commands.all)
        context.authorizer = authorizer
        if authorizer.startsLimited { context.languageMode = .constrainedLanguage }
        TopologyCmdlets.registerViews(context)
        DirectoryCmdlets.registerViews(context)
        EndpointCmdlets.registerViews(context)
        TrustedApplicationCmdlets.registerViews(context)
        ServiceCmdlets.registerViews(context)
        RbacCmdlets.registerViews(context)
        GroupChatAuthoringCmdlets.registerViews(context)
        PersistentChatCmdlets.registerViews(context)
        MigrationCmdlets.registerViews(context)
    }
}

extension LyncCmdlets {
    /// For a session limited by `-Role`: nil when the user may take that role, else the reason
    /// (the role does not exist, or the user does not hold it).
    public static func restrictedRoleProblem(_ context: ExecutionContext) -> String? {
        guard let deployment = context.deployment, let limited = deployment.restrictedRole,
              let authorizer = context.authorizer as? RoleBasedAuthorizer else { return nil }
        do {
            let store = try deployment.store()
            let repository = authorizer.roles
            return try store.read { db in
                guard let role = try repository.role(limited, in: db) else {
                    return "There is no RBAC role '\(limited)'. The roles are: \(try repository.all(in: db).map(\.identity).joined(separator: ", "))."
                }
                let identity = try SessionIdentity.resolve(userName: deployment.userName, roles: repository, in: db)
                if identity.role(named: role.identity) == nil && !identity.isServerAdministrator {
                    return "The user '\(deployment.userName)' does not hold the role '\(role.identity)'; a session can only be limited to a role the user holds."
                }
                return nil
            }
        } catch {
            return "\(error)"
        }
    }
}

extension LyncCmdlets {
    /// The roles that count in this session (RTCUniversalServerAdmins first when it applies),
    /// for the endpoint's greeting.
    public static func sessionRoleNames(_ context: ExecutionContext) -> [String] {
        guard let deployment = context.deployment, let authorizer = context.authorizer as? RoleBasedAuthorizer,
              let store = try? deployment.store(),
              let identity = try? store.read({ try SessionIdentity.resolve(userName: deployment.userName, roles: authorizer.roles, in: $0) })
        else { return [] }
        let held = identity.effectiveRoles(limitedTo: deployment.restrictedRole, roles: authorizer.roles, store: store).map(\.identity)
        return (identity.isServerAdministrator && deployment.restrictedRole == nil ? [BuiltinRoles.serverAdmins] : []) + held
    }
}

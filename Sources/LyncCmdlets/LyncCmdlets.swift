import PSCmdlets
import PSRuntime

/// The Lync Server cmdlets: topology, directory, services, trusted applications, Persistent Chat
/// endpoints and RBAC. Each group keeps its own list (and its default views) next to its cmdlets.
public enum LyncCmdlets {
    public static var all: [CmdletDeclaration] {
        TopologyCmdlets.all + DirectoryCmdlets.all + EndpointCmdlets.all + TrustedApplicationCmdlets.all
            + ServiceCmdlets.all + RbacCmdlets.all
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
        TopologyCmdlets.registerViews(context)
        DirectoryCmdlets.registerViews(context)
        EndpointCmdlets.registerViews(context)
        TrustedApplicationCmdlets.registerViews(context)
        ServiceCmdlets.registerViews(context)
        RbacCmdlets.registerViews(context)
    }
}

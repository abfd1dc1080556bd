import PSCmdlets
import PSRuntime

/// The Rbac cmdlets and their default views.
enum RbacCmdlets {
    static var all: [CmdletDeclaration] { [] }

    static func registerViews(_ context: ExecutionContext) {}
}

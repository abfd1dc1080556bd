import PSCmdlets
import PSRuntime

/// The Topology cmdlets and their default views.
enum TopologyCmdlets {
    static var all: [CmdletDeclaration] { [] }

    static func registerViews(_ context: ExecutionContext) {}
}

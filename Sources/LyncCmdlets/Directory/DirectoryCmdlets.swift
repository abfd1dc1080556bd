import PSCmdlets
import PSRuntime

/// The Directory cmdlets and their default views.
enum DirectoryCmdlets {
    static var all: [CmdletDeclaration] { [] }

    static func registerViews(_ context: ExecutionContext) {}
}

import PSCmdlets
import PSRuntime

/// The Services cmdlets and their default views.
enum ServiceCmdlets {
    static var all: [CmdletDeclaration] { [] }

    static func registerViews(_ context: ExecutionContext) {}
}

import PSCmdlets
import PSRuntime

/// The Endpoints cmdlets and their default views.
enum EndpointCmdlets {
    static var all: [CmdletDeclaration] { [] }

    static func registerViews(_ context: ExecutionContext) {}
}

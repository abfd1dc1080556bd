import PSCmdlets
import PSRuntime

/// The TrustedApplications cmdlets and their default views.
enum TrustedApplicationCmdlets {
    static var all: [CmdletDeclaration] { [] }

    static func registerViews(_ context: ExecutionContext) {}
}

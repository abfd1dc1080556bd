import PSCmdlets
import PSRuntime

/// The cmdlets that author legacy Group Chat databases (the migration's source) and their views.
enum GroupChatAuthoringCmdlets {
    static var all: [CmdletDeclaration] { [] }

    static func registerViews(_ context: ExecutionContext) {}
}

import PSCmdlets
import PSRuntime

/// The Persistent Chat management cmdlets (categories, rooms, add-ins, messages, state,
/// policies, configuration) and their default views.
enum PersistentChatCmdlets {
    static var all: [CmdletDeclaration] { [] }

    static func registerViews(_ context: ExecutionContext) {}
}

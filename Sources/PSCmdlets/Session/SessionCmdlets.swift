import PSRuntime

/// The Session group of built-in cmdlets.
enum SessionCmdlets {
    static var all: [CmdletDeclaration] { [] }
}

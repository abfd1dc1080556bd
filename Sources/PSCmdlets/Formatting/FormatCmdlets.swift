import PSRuntime

/// The Format-* cmdlets.
enum FormatCmdlets {
    static var all: [CmdletDeclaration] { [] }
}

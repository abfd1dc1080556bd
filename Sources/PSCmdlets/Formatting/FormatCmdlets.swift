import PSRuntime

/// The Format-* cmdlets.
enum FormatCmdlets {
    static var all: [CmdletDeclaration] {
        [FormatTableCommand.declaration, FormatListCommand.declaration, FormatWideCommand.declaration]
    }
}

import PSRuntime

/// The Help group of built-in cmdlets.
enum HelpCmdlets {
    static var all: [CmdletDeclaration] { [GetHelpCommand.declaration, GetMemberCommand.declaration] }
}

import PSRuntime

/// The FileSystem group of built-in cmdlets.
enum FileSystemCmdlets {
    static var all: [CmdletDeclaration] { [] }
}

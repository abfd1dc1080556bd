import PSRuntime

/// The Data group of built-in cmdlets.
enum DataCmdlets {
    static var all: [CmdletDeclaration] { [] }
}

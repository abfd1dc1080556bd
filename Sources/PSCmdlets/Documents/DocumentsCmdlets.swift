import PSRuntime

/// The Documents group of built-in cmdlets.
enum DocumentsCmdlets {
    static var all: [CmdletDeclaration] { [] }
}

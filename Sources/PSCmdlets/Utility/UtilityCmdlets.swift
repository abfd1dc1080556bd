import PSRuntime

/// The Utility group of built-in cmdlets.
enum UtilityCmdlets {
    static var all: [CmdletDeclaration] { [] }
}

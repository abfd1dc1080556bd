import PSRuntime

/// The ModuleSupport group of built-in cmdlets.
enum ModuleSupportCmdlets {
    static var all: [CmdletDeclaration] { [] }
}

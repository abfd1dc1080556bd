import PSRuntime

/// The Scripting group of built-in cmdlets: what scripts use around their own code — strict
/// mode, timing, error details, searching text — and the console-less stand-in for Out-GridView.
enum ScriptingCmdlets {
    static var all: [CmdletDeclaration] {
        [
            SetStrictModeCommand.declaration,
            MeasureCommandCommand.declaration,
            GetErrorCommand.declaration,
            SelectStringCommand.declaration,
            OutGridViewCommand.declaration,
        ]
    }
}

import PSRuntime

/// The Session group of built-in cmdlets: output, variables, commands and aliases, dates, host.
enum SessionCmdlets {
    static var all: [CmdletDeclaration] {
        [
            OutDefaultCommand.declaration, OutHostCommand.declaration, OutNullCommand.declaration,
            OutStringCommand.declaration, OutFileCommand.declaration,
            GetDateCommand.declaration, NewTimeSpanCommand.declaration, StartSleepCommand.declaration, InvokeExpressionCommand.declaration,
            InvokeCommandCommand.declaration,
            GetVariableCommand.declaration, SetVariableCommand.declaration, NewVariableCommand.declaration,
            RemoveVariableCommand.declaration, ClearVariableCommand.declaration,
            GetCommandCommand.declaration, GetAliasCommand.declaration, SetAliasCommand.declaration,
            NewAliasCommand.declaration,
            ReadHostCommand.declaration, GetCredentialCommand.declaration, GetHostCommand.declaration, GetRandomCommand.declaration,
            ClearHostCommand.declaration,
            GetHistoryCommand.declaration, InvokeHistoryCommand.declaration, ClearHistoryCommand.declaration,
        ]
    }
}

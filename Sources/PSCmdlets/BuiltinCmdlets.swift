import PSRuntime

/// Every built-in cmdlet, in one list. Each group keeps its own list next to its cmdlets.
public enum BuiltinCmdlets {
    public static var all: [CmdletDeclaration] {
        UtilityCmdlets.all + SessionCmdlets.all + FileSystemCmdlets.all + DataCmdlets.all
            + FormatCmdlets.all + HelpCmdlets.all + ModuleSupportCmdlets.all + DocumentsCmdlets.all
            + ScriptingCmdlets.all + RemotingCmdlets.all
    }

    /// A session with every built-in cmdlet and its aliases, and the default formatter installed.
    public static func makeSession(host: HostUI) -> ExecutionContext {
        let context = ExecutionContext(host: host, commands: CommandTable(all))
        for declaration in all {
            for alias in declaration.aliases {
                context.defineAlias(AliasInfo(name: alias, definition: declaration.name, options: [.readOnly, .allScope]),
                                    in: context.globalScope)
            }
        }
        installFormatter(context)
        RemotingCmdlets.registerViews(context)
        context.register(service: TerminalProgressReporter() as any ProgressReporting)
        ModuleLoader.initializeSession(context)
        return context
    }
}

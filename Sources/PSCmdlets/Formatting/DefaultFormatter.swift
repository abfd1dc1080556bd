import PSRuntime

extension BuiltinCmdlets {
    /// Installs the default value formatter (used by Out-Default, Out-String and the host).
    static func installFormatter(_ context: ExecutionContext) {}
}

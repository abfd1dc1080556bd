// SKELETON — being implemented by the lead.
final class CompiledScriptBlock {}

extension ExecutionContext {
    /// Runs a script block, streaming its output to `output`. With `newScope: false` it runs in
    /// the current scope (dot-sourcing, ForEach-Object); `dollarUnder` sets `$_`.
    public func invokeScriptBlock(_ block: ScriptBlock, dollarUnder: PSValue?, arguments: [PSValue],
                                  newScope: Bool, output: (PSValue) throws -> Void) throws {
    }

    /// Parses text into a script block (`[scriptblock]::Create`, Invoke-Expression); parse errors throw.
    public func createScriptBlock(_ text: String) throws -> ScriptBlock {
        throw RuntimeError("not yet", id: "NotImplemented", category: .NotImplemented)
    }
}

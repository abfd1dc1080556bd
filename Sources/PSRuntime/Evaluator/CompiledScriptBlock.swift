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

extension ExecutionContext {
    /// Parses and runs script text in the current scope, streaming output values.
    /// Parse errors throw a `RuntimeError` (id `ParseException`) listing every error.
    public func runScript(_ text: String, path: String? = nil, output: (PSValue) throws -> Void) throws {
        throw RuntimeError("not yet", id: "NotImplemented", category: .NotImplemented)
    }

    /// Runs script text and collects its output values.
    public func evaluate(_ text: String) throws -> [PSValue] {
        var values: [PSValue] = []
        try runScript(text) { values.append($0) }
        return values
    }
}

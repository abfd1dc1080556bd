import PSLanguage

/// A script block: parsed code that can be invoked (`& $sb`, `. $sb`, ForEach-Object), stored in
/// variables and passed as an argument. Compiled on first use; the compiled form is reused.
public final class ScriptBlock {
    public let ast: ScriptBlockAst
    /// Compiled form, built on first invocation.
    var compiled: CompiledScriptBlock?
    /// True for the body of a `filter` (runs its end block once per input object).
    public internal(set) var isFilter = false

    public init(ast: ScriptBlockAst) {
        self.ast = ast
    }

    /// A copy sharing the same code (used when a parameter needs a fresh reference).
    public convenience init(unbound other: ScriptBlock) {
        self.init(ast: other.ast)
        self.compiled = other.compiled
        self.isFilter = other.isFilter
    }

    /// The source text of the block, without the outer braces (what `"$sb"` shows).
    public var text: String {
        var t = ast.extent.text
        if t.hasPrefix("{") && t.hasSuffix("}") { t = String(t.dropFirst().dropLast()) }
        return t
    }
}

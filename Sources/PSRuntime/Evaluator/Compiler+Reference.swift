import PSLanguage

extension Compiler {
    /// `[ref]$x`: a reference to the variable itself (created in the current scope when it does
    /// not exist yet, so `[int]::TryParse($s, [ref]$n)` works without declaring `$n`). Nil when
    /// the cast is not `[ref]` over a plain variable.
    func compileReference(_ typeName: TypeName, _ operand: Expression) -> CompiledExpression? {
        let lowered = typeName.name.lowercased()
        guard lowered == "ref" || lowered == "psreference" || lowered.hasSuffix(".psreference"),
              case .variable(let path, _) = operand.kind, VariableSite.isPlain(path) else { return nil }
        let site = VariableSite(path)
        return { context in
            let variable = site.resolve(context) ?? site.resolveForWrite(context)
            return .object(PSReferenceValue(variable: variable))
        }
    }
}

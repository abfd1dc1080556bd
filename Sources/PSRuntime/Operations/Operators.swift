import PSLanguage

/// PowerShell's operators on values. Arithmetic lives in `Operators+Arithmetic.swift`, comparisons
/// in `Operators+Comparison.swift`, and the text operators (`-match -replace -split -join -f`)
/// in `Operators+Strings.swift`.
public enum Operators {
    /// Every binary operator except the short-circuiting `-and`, `-or` and `??` (the evaluator does those).
    public static func binary(_ op: BinaryOperator, _ lhs: PSValue, _ rhs: PSValue, context: ExecutionContext) throws -> PSValue {
        switch op {
        case .add: return try add(lhs, rhs, context: context)
        case .subtract: return try subtract(lhs, rhs)
        case .multiply: return try multiply(lhs, rhs)
        case .divide: return try divide(lhs, rhs)
        case .remainder: return try remainder(lhs, rhs)
        case .band, .bor, .bxor, .shl, .shr: return try bitwise(op, lhs, rhs)
        case .xor: return .bool(LanguagePrimitives.isTrue(lhs) != LanguagePrimitives.isTrue(rhs))
        case .and: return .bool(LanguagePrimitives.isTrue(lhs) && LanguagePrimitives.isTrue(rhs))
        case .or: return .bool(LanguagePrimitives.isTrue(lhs) || LanguagePrimitives.isTrue(rhs))
        case .nullCoalesce: return lhs.isNull ? rhs : lhs
        case .range: return try range(lhs, rhs)
        case .format: return try format(lhs, rhs, context: context)
        case .isType: return .bool(try resolveType(rhs, context: context).isInstance(lhs))
        case .isNotType: return .bool(!(try resolveType(rhs, context: context).isInstance(lhs)))
        case .asType: return LanguagePrimitives.tryConvert(lhs, to: try resolveType(rhs, context: context), context: context)
        case .comparison(let cmp, let caseSensitive):
            return try comparison(cmp, lhs, rhs, ignoreCase: !caseSensitive, context: context)
        }
    }

    /// Unary operators except `++`/`--` (the evaluator does those on variables).
    public static func unary(_ op: UnaryOperator, _ operand: PSValue, context: ExecutionContext) throws -> PSValue {
        switch op {
        case .not, .exclaim: return .bool(!LanguagePrimitives.isTrue(operand))
        case .comma: return .array([operand])
        case .negate: return try negate(operand)
        case .plus:
            if case .string = operand { return try LanguagePrimitives.numericOperand(operand).value }
            return operand
        case .bnot: return try bitwiseNot(operand)
        case .split: return try SplitOperator.unarySplit(operand, context: context)
        case .join: return .string(join(operand, separator: "", context: context))
        case .preIncrement, .postIncrement: return try add(operand, .int(1), context: context)
        case .preDecrement, .postDecrement: return try subtract(operand, .int(1))
        }
    }

    /// The type named by the right operand of `-is`/`-as`: a type object or a type name.
    static func resolveType(_ v: PSValue, context: ExecutionContext?) throws -> PSTypeInfo {
        if case .object(let o) = v.baseValue, let t = o as? PSTypeInfo { return t }
        let name = LanguagePrimitives.toString(v, context: nil)
        if let t = context?.resolveType(name: name) ?? PSTypeInfo.resolve(name: name) { return t }
        throw RuntimeError("Unable to find type [\(name)].", id: "TypeNotFound", category: .InvalidOperation,
                           exceptionType: "System.Management.Automation.RuntimeException", target: .string(name))
    }

    static func methodNotFound(_ v: PSValue, _ method: String) -> RuntimeError {
        RuntimeError("Method invocation failed because [\(LanguagePrimitives.typeName(of: v))] does not contain a method named '\(method)'.",
                     id: "MethodNotFound", category: .InvalidOperation, target: v)
    }
}

import PSLanguage

// STUB — to be replaced by the full operator implementation.
public enum Operators {
    /// Every binary operator except the short-circuiting `-and`, `-or` and `??` (the evaluator does those).
    public static func binary(_ op: BinaryOperator, _ lhs: PSValue, _ rhs: PSValue, context: ExecutionContext) throws -> PSValue {
        switch op {
        case .add:
            if case .string(let s) = lhs { return .string(s + LanguagePrimitives.toString(rhs, context: context)) }
            return .double(try LanguagePrimitives.toDouble(lhs) + LanguagePrimitives.toDouble(rhs))
        case .comparison(.eq, let cs): return .bool(LanguagePrimitives.equals(lhs, rhs, ignoreCase: !cs))
        case .comparison(.lt, let cs): return .bool(try LanguagePrimitives.compare(lhs, rhs, ignoreCase: !cs) < 0)
        default:
            throw RuntimeError("The operator '\(op.text)' is not supported yet.", id: "OperatorNotSupported", category: .NotImplemented)
        }
    }

    /// Unary operators except `++`/`--` (the evaluator does those on variables).
    public static func unary(_ op: UnaryOperator, _ operand: PSValue, context: ExecutionContext) throws -> PSValue {
        switch op {
        case .not, .exclaim: return .bool(!LanguagePrimitives.isTrue(operand))
        case .comma: return .array([operand])
        default:
            throw RuntimeError("The operator '\(op.rawValue)' is not supported yet.", id: "OperatorNotSupported", category: .NotImplemented)
        }
    }
}

import PSLanguage

extension Operators {
    /// The comparison-family operators. With a collection on the left, `-eq -ne -gt -ge -lt -le
    /// -like -notlike -match -notmatch` filter the collection and return the matching elements.
    static func comparison(_ op: ComparisonOperator, _ lhs: PSValue, _ rhs: PSValue, ignoreCase: Bool,
                           context: ExecutionContext) throws -> PSValue {
        switch op {
        case .eq, .ne, .gt, .ge, .lt, .le:
            if case .object = lhs, let items = lhs.enumerated {
                var kept: [PSValue] = []
                for item in items where try scalarTest(op, item, rhs, ignoreCase: ignoreCase) { kept.append(item) }
                return .array(kept)
            }
            return .bool(try scalarTest(op, lhs, rhs, ignoreCase: ignoreCase))
        case .like, .notlike:
            let pattern = WildcardPattern(LanguagePrimitives.toString(rhs, context: context), ignoreCase: ignoreCase)
            let want = op == .like
            if let items = lhs.enumerated {
                return .array(items.filter { pattern.matches(LanguagePrimitives.toString($0, context: context)) == want })
            }
            return .bool(pattern.matches(LanguagePrimitives.toString(lhs, context: context)) == want)
        case .match, .notmatch:
            return try match(lhs, rhs, negate: op == .notmatch, ignoreCase: ignoreCase, context: context)
        case .contains, .notcontains:
            let found = contains(lhs, rhs, ignoreCase: ignoreCase)
            return .bool(op == .contains ? found : !found)
        case .in, .notin:
            let found = contains(rhs, lhs, ignoreCase: ignoreCase)
            return .bool(op == .in ? found : !found)
        case .replace:
            return try replace(lhs, rhs, ignoreCase: ignoreCase, context: context)
        case .split:
            return try SplitOperator.split(lhs, rhs, ignoreCase: ignoreCase, context: context)
        case .join:
            return .string(join(lhs, separator: LanguagePrimitives.toString(rhs, context: context), context: context))
        }
    }

    /// One element test for the equality and ordering operators (no closures: this is the loop hot path).
    @inline(__always)
    private static func scalarTest(_ op: ComparisonOperator, _ lhs: PSValue, _ rhs: PSValue, ignoreCase: Bool) throws -> Bool {
        switch op {
        case .eq: return LanguagePrimitives.equals(lhs, rhs, ignoreCase: ignoreCase)
        case .ne: return !LanguagePrimitives.equals(lhs, rhs, ignoreCase: ignoreCase)
        case .gt: return try LanguagePrimitives.compare(lhs, rhs, ignoreCase: ignoreCase) > 0
        case .ge: return try LanguagePrimitives.compare(lhs, rhs, ignoreCase: ignoreCase) >= 0
        case .lt: return try LanguagePrimitives.compare(lhs, rhs, ignoreCase: ignoreCase) < 0
        default: return try LanguagePrimitives.compare(lhs, rhs, ignoreCase: ignoreCase) <= 0
        }
    }

    /// `-contains`: element equality (the collection's element is the left side of `-eq`).
    static func contains(_ collection: PSValue, _ value: PSValue, ignoreCase: Bool) -> Bool {
        let items = collection.enumerated ?? [collection]
        for item in items where LanguagePrimitives.equals(item, value, ignoreCase: ignoreCase) { return true }
        return false
    }

    /// Scalar convenience for callers (switch statements, cmdlets): evaluates one comparison to a Bool.
    public static func compareScalar(_ op: ComparisonOperator, _ lhs: PSValue, _ rhs: PSValue, caseSensitive: Bool = false,
                                     context: ExecutionContext) throws -> Bool {
        LanguagePrimitives.isTrue(try comparison(op, lhs, rhs, ignoreCase: !caseSensitive, context: context))
    }
}

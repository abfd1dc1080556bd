import BigInt
/// An expression with its extent.
public struct Expression: Sendable {
    public var kind: ExpressionKind
    public var extent: SourceExtent

    public init(_ kind: ExpressionKind, extent: SourceExtent) {
        self.kind = kind
        self.extent = extent
    }
}

public indirect enum ExpressionKind: Sendable {
    case constant(ConstantValue)
    /// A string without expansion: `'single'`, `@'here'@`, a bareword command argument, or a
    /// double-quoted string that contains no `$`.
    case stringConstant(String, quoting: StringQuoting)
    /// A double-quoted string with `$var`, `${name}`, `$(…)` parts; escapes already resolved.
    case expandableString(parts: [StringPart], quoting: StringQuoting)
    case variable(VariablePath, splatted: Bool)
    /// `a, b, c`
    case arrayLiteral([Expression])
    /// `@( … )`
    case arrayExpression([Statement])
    /// `$( … )`
    case subExpression([Statement])
    /// `( pipeline )` — also holds an assignment: `($x = 1)`.
    case paren(Statement)
    /// `@{ k = v; … }`; keys are expressions (a bareword key is a string constant); values are statements.
    case hashtable([HashtableEntry])
    case scriptBlock(ScriptBlockAst)
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// `[type] expr` — a cast. `[ordered]@{}` and `[pscustomobject]@{}` arrive here too.
    case convert(TypeName, Expression)
    /// `[type]` on its own.
    case typeLiteral(TypeName)
    /// `target.member`, `target::member`, `target?.member`. The member is usually a string
    /// constant; `$x.$name` and `$x.($expr)` give other expressions.
    case member(target: Expression, member: Expression, isStatic: Bool, nullConditional: Bool)
    /// `target.member(args)`, `[type]::member(args)`.
    case invokeMember(target: Expression, member: Expression, arguments: [Expression], isStatic: Bool,
                      nullConditional: Bool)
    /// `target[index]`, `target?[index]`.
    case index(target: Expression, index: Expression, nullConditional: Bool)
    /// `cond ? a : b`
    case ternary(Expression, Expression, Expression)
    /// An attributed expression other than a type constraint, e.g. `[ValidateNotNull()]$x` in an
    /// assignment target; the runtime applies the attribute to the variable.
    case attributed(AttributeAst, Expression)
}

public enum ConstantValue: Sendable, Equatable {
    case int(Int32)
    case long(Int64)
    case double(Double)
    /// Decimal literal (`1.5d`) kept as its normalized text so the language needs no Foundation.
    case decimal(String)
    case byte(UInt8)
    case sbyte(Int8)
    case short(Int16)
    case ushort(UInt16)
    case uint(UInt32)
    case ulong(UInt64)
    /// `n` suffix (System.Numerics.BigInteger).
    case bigInteger(BigInt)
    case bool(Bool)
    case null
}

public enum StringQuoting: Sendable, Equatable {
    case bareword
    case singleQuoted
    case doubleQuoted
    case singleHereString
    case doubleHereString
}

public enum StringPart: Sendable {
    case literal(String)
    /// `$name`, `${name}`, `$env:PATH` inside a string (no member access: `"$x.Name"` is `$x` + `.Name`).
    case variable(VariablePath)
    /// `$( … )` inside a string.
    case subExpression([Statement])
}

public struct HashtableEntry: Sendable {
    public var key: Expression
    public var value: Statement

    public init(key: Expression, value: Statement) {
        self.key = key
        self.value = value
    }
}

/// `$name`, `$global:name`, `${any name}`, `$env:PATH`, `$function:foo`.
public struct VariablePath: Sendable, Equatable, CustomStringConvertible {
    /// `global`, `script`, `local`, `private`, `env`, `function`, `variable`, `alias`, or a drive
    /// name; nil when unqualified. Stored lowercase.
    public var qualifier: String?
    /// The name without qualifier (`PATH` in `$env:PATH`), as written.
    public var name: String

    public init(qualifier: String?, name: String) {
        self.qualifier = qualifier?.lowercased()
        self.name = name
    }

    /// Parses `global:x` / `x` / `env:PATH` (text after `$` or inside `${}`).
    public init(parsing text: String) {
        if let colon = text.firstIndex(of: ":"), colon != text.startIndex {
            let q = String(text[..<colon])
            let rest = String(text[text.index(after: colon)...])
            let known = ["global", "script", "local", "private", "env", "function", "variable", "alias", "using"]
            if known.contains(q.lowercased()) || !rest.isEmpty {
                self.init(qualifier: q, name: rest)
                return
            }
        }
        self.init(qualifier: nil, name: text)
    }

    public var description: String { qualifier.map { "\($0):\(name)" } ?? name }
}

public enum UnaryOperator: String, Sendable {
    case not = "-not"
    case exclaim = "!"
    case bnot = "-bnot"
    case negate = "-"
    case plus = "+"
    case preIncrement = "++"
    case preDecrement = "--"
    case postIncrement = "++ (postfix)"
    case postDecrement = "-- (postfix)"
    /// `-split x` (unary split on whitespace)
    case split = "-split"
    /// `-join x`
    case join = "-join"
    /// `,x` — a one-element array.
    case comma = ","
}

/// Binary operators. Comparison operators carry their case mode; `-eq` is `.eq` with
/// `caseSensitive: false`, `-ceq` is `.eq` with `caseSensitive: true`, `-ieq` the same as `-eq`.
public enum BinaryOperator: Sendable, Equatable {
    case add, subtract, multiply, divide, remainder
    case and, or, xor
    case band, bor, bxor, shl, shr
    case range
    case format
    case nullCoalesce
    case isType, isNotType, asType
    case comparison(ComparisonOperator, caseSensitive: Bool)

    /// The operator as written in source (lowercase, with `c` for case-sensitive comparisons).
    public var text: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .remainder: return "%"
        case .and: return "-and"
        case .or: return "-or"
        case .xor: return "-xor"
        case .band: return "-band"
        case .bor: return "-bor"
        case .bxor: return "-bxor"
        case .shl: return "-shl"
        case .shr: return "-shr"
        case .range: return ".."
        case .format: return "-f"
        case .nullCoalesce: return "??"
        case .isType: return "-is"
        case .isNotType: return "-isnot"
        case .asType: return "-as"
        case .comparison(let op, let cs): return "-" + (cs ? "c" : "") + op.rawValue
        }
    }
}

public enum ComparisonOperator: String, Sendable, CaseIterable {
    case eq, ne, gt, ge, lt, le
    case like, notlike, match, notmatch
    case replace
    case contains, notcontains, `in`, notin
    case split, join
}

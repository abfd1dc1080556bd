// Tokens produced by `Lexer`. A token is a kind, a UTF-8 byte range and a payload; the parser
// turns byte offsets into `SourceExtent`s only when it builds nodes.

/// How the lexer reads ambiguous text: commands (`-Path`, `foo-bar`, `2>&1`) or expressions (`-eq`, `a - b`).
public enum LexMode: Sendable, Equatable {
    case command
    case expression
}

/// The kind of a token (PowerShell's `TokenKind`, trimmed to what pcsh uses).
public enum TokenKind: String, Sendable, CaseIterable {
    case variable, splattedVariable, parameter, number, label, identifier, generic, keyword
    case newLine, endOfInput, unknown
    case stringLiteral, stringExpandable, hereStringLiteral, hereStringExpandable
    case lParen, rParen, lCurly, rCurly, lBracket, rBracket, atParen, atCurly, dollarParen, semi
    case andAnd, orOr, ampersand, pipe, comma, minusMinus, plusPlus, dotDot, colonColon, dot, exclaim
    case multiply, divide, rem, plus, minus
    case equals, plusEquals, minusEquals, multiplyEquals, divideEquals, remainderEquals, questionQuestionEquals
    case redirection, redirectInStd
    case questionMark, questionQuestion, colon
    /// `-eq`, `-and`, `-f`, `-not`, `-split`… (expression mode only); see `Token.dashOperator`.
    case dashOperator
}

/// Reserved words; recognised only in command mode at the start of a statement.
public enum Keyword: String, Sendable, CaseIterable {
    case begin, `break`, `catch`, `class`, `continue`, data, define, `do`, dynamicparam, `else`, elseif, end
    case exit, filter, finally, `for`, foreach, from, function, `if`, `in`, param, process, `return`
    case `switch`, `throw`, trap, `try`, until, using, `var`, `while`, workflow, parallel, sequence
    case inlinescript, clean, `enum`, configuration
}

/// An operator spelled with a leading dash.
public enum DashOperator: Sendable, Equatable {
    case binary(BinaryOperator)
    case not
    case bnot

    /// True for operators that may also be used as prefix operators (`-not`, `-bnot`, `-split`, `-join`).
    public var isUnary: Bool {
        switch self {
        case .not, .bnot: return true
        case .binary(.comparison(.split, _)), .binary(.comparison(.join, _)): return true
        case .binary: return false
        }
    }
}

/// A piece of a double-quoted string or expandable bareword, before the parser resolves `$( … )`.
public enum ExpandablePart: Sendable, Equatable {
    case literal(String)
    /// `$name` / `${name}`; offsets cover the whole reference including `$`.
    case variable(VariablePath, start: Int, end: Int)
    /// `$( … )`: `start`/`end` delimit the inner text (after `$(`, before `)`).
    case subExpression(start: Int, end: Int)
}

/// The value a token carries.
public enum TokenPayload: Sendable, Equatable {
    case none
    case number(ConstantValue)
    /// Literal text (a string's value with escapes resolved, or a bareword).
    case string(String)
    case expandable([ExpandablePart])
    case variable(VariablePath, braced: Bool)
    case parameter(name: String, colon: Bool)
    /// `from` stream; `merge` for `2>&1`.
    case redirection(from: Redirection.Stream, append: Bool, merge: Bool)
    case dashOperator(DashOperator)
    case keyword(Keyword)
    case label(String)
}

/// An error found while scanning (unterminated string, bad number…).
public struct LexError: Sendable, Equatable {
    public var id: String
    public var message: String
    public var offset: Int
    public var endOffset: Int
    public var isIncomplete: Bool
}

/// One token: kind, UTF-8 byte range in the source, and payload.
public struct Token: Sendable {
    public var kind: TokenKind
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset just past the last byte.
    public var end: Int
    /// The source text of the token.
    public var text: String
    public var payload: TokenPayload
    /// Scanning errors attached to this token (reported when the parser consumes it).
    public var errors: [LexError]
    /// True when whitespace or a comment directly precedes the token.
    public var precededBySpace: Bool

    public init(kind: TokenKind, start: Int, end: Int, text: String, payload: TokenPayload = .none,
                errors: [LexError] = [], precededBySpace: Bool = false) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.payload = payload
        self.errors = errors
        self.precededBySpace = precededBySpace
    }

    /// The keyword, when `kind == .keyword`.
    public var keyword: Keyword? {
        if case .keyword(let k) = payload { return k }
        return nil
    }

    /// The operator, when `kind == .dashOperator`.
    public var dashOperator: DashOperator? {
        if case .dashOperator(let op) = payload { return op }
        return nil
    }

    /// The numeric value, when `kind == .number`.
    public var number: ConstantValue? {
        if case .number(let v) = payload { return v }
        return nil
    }

    /// The literal value of a string, bareword or identifier token.
    public var stringValue: String? {
        switch payload {
        case .string(let s): return s
        case .label(let s): return s
        case .expandable(let parts):
            return parts.map { part -> String in
                if case .literal(let s) = part { return s }
                return ""
            }.joined()
        default:
            return kind == .identifier || kind == .keyword ? text : nil
        }
    }

    /// The variable path, when this is a variable or splat token.
    public var variablePath: VariablePath? {
        if case .variable(let p, _) = payload { return p }
        return nil
    }

    /// The parameter name without `-` (and without a trailing `:`).
    public var parameterName: String? {
        if case .parameter(let name, _) = payload { return name }
        return nil
    }
}

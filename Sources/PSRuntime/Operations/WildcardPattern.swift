/// PowerShell wildcards: `*` any run, `?` one character, `[abc]`/`[a-z]` one of a set, and a
/// backtick escapes the next character. Used by `-like` and by cmdlets' `-Name`/`-Include` filters.
public struct WildcardPattern: Sendable {
    private enum Token: Sendable, Equatable {
        case literal(Character)
        case any
        case star
        case set([ClosedRange<Character>], negated: Bool)
    }

    public let pattern: String
    public let ignoreCase: Bool
    private let tokens: [Token]
    /// Pattern without wildcards (compared directly).
    private let literal: String?

    public init(_ pattern: String, ignoreCase: Bool = true) {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
        var tokens: [Token] = []
        var chars = Array(ignoreCase ? pattern.lowercased() : pattern)
        if chars.isEmpty { chars = [] }
        var i = 0
        var hasWildcard = false
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "`":
                if i + 1 < chars.count { tokens.append(.literal(chars[i + 1])); i += 2 } else { tokens.append(.literal(c)); i += 1 }
            case "*":
                hasWildcard = true
                if tokens.last != .star { tokens.append(.star) }
                i += 1
            case "?":
                hasWildcard = true
                tokens.append(.any)
                i += 1
            case "[":
                if let (set, negated, next) = Self.parseSet(chars, from: i + 1) {
                    hasWildcard = true
                    tokens.append(.set(set, negated: negated))
                    i = next
                } else {
                    tokens.append(.literal(c))
                    i += 1
                }
            default:
                tokens.append(.literal(c))
                i += 1
            }
        }
        self.tokens = tokens
        if hasWildcard {
            literal = nil
        } else {
            var s = ""
            for t in tokens { if case .literal(let c) = t { s.append(c) } }
            literal = s
        }
    }

    private static func parseSet(_ chars: [Character], from start: Int) -> ([ClosedRange<Character>], Bool, Int)? {
        var i = start
        var ranges: [ClosedRange<Character>] = []
        // PowerShell's sets have no negation syntax: `[!a]` is the set of '!' and 'a'.
        let negated = false
        var first = true
        while i < chars.count {
            var c = chars[i]
            if c == "]" && !first { return (ranges, negated, i + 1) }
            if c == "`", i + 1 < chars.count { i += 1; c = chars[i] }
            if i + 2 < chars.count, chars[i + 1] == "-", chars[i + 2] != "]" {
                let upper = chars[i + 2]
                if c <= upper { ranges.append(c...upper) }
                i += 3
            } else {
                ranges.append(c...c)
                i += 1
            }
            first = false
        }
        return nil
    }

    /// True when the text matches the whole pattern.
    public func matches(_ text: String) -> Bool {
        if let literal {
            return ignoreCase ? text.lowercased() == literal : text == literal
        }
        if tokens.count == 1, tokens[0] == .star { return true }
        let t = Array(ignoreCase ? text.lowercased() : text)
        // Iterative matching with backtracking to the last star.
        var ti = 0, pi = 0
        var starP = -1, starT = 0
        while ti < t.count {
            if pi < tokens.count {
                switch tokens[pi] {
                case .star:
                    starP = pi; starT = ti; pi += 1
                    continue
                case .any:
                    ti += 1; pi += 1
                    continue
                case .literal(let c):
                    if c == t[ti] { ti += 1; pi += 1; continue }
                case .set(let ranges, let negated):
                    let inSet = ranges.contains { $0.contains(t[ti]) }
                    if inSet != negated { ti += 1; pi += 1; continue }
                }
            }
            if starP >= 0 {
                pi = starP + 1
                starT += 1
                ti = starT
                continue
            }
            return false
        }
        while pi < tokens.count, tokens[pi] == .star { pi += 1 }
        return pi == tokens.count
    }

    /// True when the text has unescaped wildcard characters (`*`, `?`, `[`).
    public static func containsWildcard(_ text: String) -> Bool {
        var escaped = false
        for c in text {
            if escaped { escaped = false; continue }
            if c == "`" { escaped = true; continue }
            if c == "*" || c == "?" || c == "[" { return true }
        }
        return false
    }

    /// Escapes wildcard characters so the text matches literally.
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "*" || c == "?" || c == "[" || c == "]" || c == "`" { out.append("`") }
            out.append(c)
        }
        return out
    }

    /// Removes escaping backticks.
    public static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for c in text {
            if !escaped && c == "`" { escaped = true; continue }
            escaped = false
            out.append(c)
        }
        return out
    }
}

// Strings, here-strings, escapes and variable references.

extension Lexer {
    // MARK: - Single-quoted

    func scanSingleQuoted(_ start: Int, quoteLength: Int) -> Token {
        var value: [UInt8] = []
        var errors: [LexError] = []
        let end = scanSingleQuotedBody(start + quoteLength, into: &value, errors: &errors, openAt: start)
        var t = make(.stringLiteral, start, end, .string(String(decoding: value, as: UTF8.self)))
        t.errors = errors
        return t
    }

    /// Scans after the opening quote to just past the closing quote; `''` is one quote.
    func scanSingleQuotedBody(_ from: Int, into value: inout [UInt8], errors: inout [LexError], openAt: Int) -> Int {
        var i = from
        while i < limit {
            let q = singleQuoteLength(i)
            if q > 0 {
                let q2 = singleQuoteLength(i + q)
                if q2 > 0 {
                    value.append(contentsOf: bytes[i..<(i + q)])
                    i += q + q2
                    continue
                }
                return i + q
            }
            value.append(bytes[i])
            i += 1
        }
        errors.append(error("TerminatorExpectedAtEndOfString", "The string is missing its closing \"'\".",
                            at: openAt, end: i, incomplete: true))
        return i
    }

    // MARK: - Double-quoted

    func scanDoubleQuoted(_ start: Int, quoteLength: Int) -> Token {
        var parts: [ExpandablePart] = []
        var errors: [LexError] = []
        let end = scanExpandableBody(start + quoteLength, parts: &parts, errors: &errors, openAt: start, hereString: false)
        var t = make(.stringExpandable, start, end, .expandable(parts))
        t.errors = errors
        return t
    }

    /// Scans the body of an expandable string from `from`. For a quoted string, stops just past
    /// the closing quote; for here-string content (`hereString`), scans to `limit` of the range.
    func scanExpandableBody(_ from: Int, parts: inout [ExpandablePart], errors: inout [LexError], openAt: Int,
                            hereString: Bool, contentEnd: Int? = nil) -> Int {
        var literal: [UInt8] = []
        let end = contentEnd ?? limit
        var i = from
        func flush() {
            if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))); literal = [] }
        }
        while i < end {
            let c = bytes[i]
            if !hereString {
                let q = doubleQuoteLength(i)
                if q > 0 {
                    let q2 = doubleQuoteLength(i + q)
                    if q2 > 0 {
                        literal.append(contentsOf: bytes[i..<(i + q)])
                        i += q + q2
                        continue
                    }
                    flush()
                    return i + q
                }
            }
            if c == UInt8(ascii: "`") && i + 1 < end {
                i = appendEscape(at: i, into: &literal, errors: &errors)
                continue
            }
            if c == UInt8(ascii: "$"), let (part, next) = scanDollarPart(i, errors: &errors) {
                flush()
                parts.append(part)
                i = min(next, max(end, next))
                continue
            }
            literal.append(c)
            i += 1
        }
        flush()
        if !hereString {
            errors.append(error("TerminatorExpectedAtEndOfString", "The string is missing its closing '\"'.",
                                at: openAt, end: i, incomplete: true))
        }
        return i
    }

    /// Resolves the backtick escape at `i` (a backtick) into `out`; returns the offset after it.
    func appendEscape(at i: Int, into out: inout [UInt8], errors: inout [LexError]) -> Int {
        let c1 = byte(i + 1)
        switch c1 {
        case UInt8(ascii: "0"): out.append(0); return i + 2
        case UInt8(ascii: "a"): out.append(7); return i + 2
        case UInt8(ascii: "b"): out.append(8); return i + 2
        case UInt8(ascii: "e"): out.append(27); return i + 2
        case UInt8(ascii: "f"): out.append(12); return i + 2
        case UInt8(ascii: "n"): out.append(10); return i + 2
        case UInt8(ascii: "r"): out.append(13); return i + 2
        case UInt8(ascii: "t"): out.append(9); return i + 2
        case UInt8(ascii: "v"): out.append(11); return i + 2
        case UInt8(ascii: "u") where byte(i + 2) == UInt8(ascii: "{"):
            var j = i + 3
            var value: UInt32 = 0
            var digits = 0
            while j < limit, let h = Lexer.hexValue(bytes[j]) {
                value = value &* 16 &+ UInt32(h)
                digits += 1
                j += 1
            }
            guard byte(j) == UInt8(ascii: "}") else {
                errors.append(error("MissingUnicodeEscapeSequenceTerminator",
                                    "The Unicode escape sequence is missing its closing '}'.", at: i, end: j))
                return j
            }
            guard digits > 0, digits <= 6, let scalar = Unicode.Scalar(value) else {
                errors.append(error(digits > 6 ? "TooManyDigitsInUnicodeEscapeSequence" : "InvalidUnicodeEscapeSequenceValue",
                                    "The Unicode escape sequence is not a valid code point.", at: i, end: j + 1))
                return j + 1
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            return j + 1
        default:
            // Any other character stands for itself (`` `$ ``, `` `" ``, `` `` ``); copy a whole UTF-8 sequence.
            var j = i + 1
            if j < limit {
                out.append(bytes[j])
                j += 1
                while j < limit, bytes[j] & 0xC0 == 0x80 { out.append(bytes[j]); j += 1 }
            }
            return j
        }
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // MARK: - Here-strings

    /// `@' … '@` / `@" … "@`: content starts after the header's newline and ends before a line
    /// that starts with the footer.
    func scanHereString(_ start: Int, expandable: Bool, quoteLength: Int) -> Token {
        var errors: [LexError] = []
        var i = start + 1 + quoteLength
        while spaceLength(i) > 0 { i += spaceLength(i) }
        let kind: TokenKind = expandable ? .hereStringExpandable : .hereStringLiteral
        if byte(i) == 0x0D && byte(i + 1) == 0x0A {
            i += 2
        } else if i < limit && (byte(i) == 0x0A || byte(i) == 0x0D) {
            i += 1
        } else {
            if i >= limit {
                errors.append(error("TerminatorExpectedAtEndOfString", "The here-string is missing its closing footer.",
                                    at: start, end: i, incomplete: true))
            } else {
                errors.append(error("UnexpectedCharactersAfterHereStringHeader",
                                    "A here-string header must be followed by a line break.", at: i, end: i + 1))
            }
            var t = make(kind, start, i, expandable ? .expandable([]) : .string(""))
            t.errors = errors
            return t
        }
        let contentStart = i
        // Find the footer: a line beginning with the closing quote followed by `@`.
        var contentEnd = -1
        var tokenEnd = limit
        var lineStart = contentStart
        while lineStart <= limit {
            let q = expandable ? doubleQuoteLength(lineStart) : singleQuoteLength(lineStart)
            if q > 0, byte(lineStart + q) == UInt8(ascii: "@") {
                var e = lineStart
                if e > contentStart { e -= 1 }  // the newline before the footer is not content
                if e > contentStart, bytes[e - 1] == 0x0D { e -= 1 }
                contentEnd = lineStart == contentStart ? contentStart : e
                tokenEnd = lineStart + q + 1
                break
            }
            var j = lineStart
            while j < limit, bytes[j] != 0x0A { j += 1 }
            if j >= limit { break }
            lineStart = j + 1
        }
        if contentEnd < 0 {
            errors.append(error("TerminatorExpectedAtEndOfString", "The here-string is missing its closing footer.",
                                at: start, end: limit, incomplete: true))
            contentEnd = limit
            tokenEnd = limit
        }
        var t: Token
        if expandable {
            var parts: [ExpandablePart] = []
            _ = scanExpandableBody(contentStart, parts: &parts, errors: &errors, openAt: start, hereString: true,
                                   contentEnd: contentEnd)
            t = make(kind, start, tokenEnd, .expandable(parts))
        } else {
            t = make(kind, start, tokenEnd, .string(text(contentStart, contentEnd)))
        }
        t.errors = errors
        return t
    }

    // MARK: - Variables

    /// True when the character at `i` can start a variable name after `$` or `@`.
    func isVariableStart(_ i: Int) -> Bool {
        let c = byte(i)
        if i >= limit { return false }
        return Lexer.isIdentifierChar(c) || c == UInt8(ascii: "?") || c == UInt8(ascii: "^") || c == UInt8(ascii: "$")
            || c == UInt8(ascii: ":") || (c == UInt8(ascii: "{") && i > 0 && bytes[i - 1] == UInt8(ascii: "$"))
    }

    /// Scans a variable name starting at `nameStart` (after `$` / `@`), returning its end and name.
    func scanVariableName(_ nameStart: Int) -> (end: Int, name: String)? {
        let c = byte(nameStart)
        guard nameStart < limit else { return nil }
        if c == UInt8(ascii: "$") || c == UInt8(ascii: "?") || c == UInt8(ascii: "^") {
            return (nameStart + 1, text(nameStart, nameStart + 1))
        }
        var j = nameStart
        var sawColon = false
        while j < limit {
            let b = bytes[j]
            if b == UInt8(ascii: "?") && j > nameStart && (byte(j + 1) == UInt8(ascii: ".") || byte(j + 1) == UInt8(ascii: "[")) {
                // `$x?.Name` / `$x?[0]`: null-conditional access, not a variable named `x?`.
                break
            } else if b >= 0x80 && (singleQuoteLength(j) > 0 || doubleQuoteLength(j) > 0 || dashLength(j) > 0) {
                break
            } else if Lexer.isIdentifierChar(b) || b == UInt8(ascii: "?") {
                j += 1
            } else if b == UInt8(ascii: ":") && !sawColon && j > nameStart {
                // `$env:PATH`: a qualifier; `$a::b` and `$a:` end the name.
                let n = byte(j + 1)
                if n == UInt8(ascii: ":") || !(Lexer.isIdentifierChar(n) || n == UInt8(ascii: "?")) { break }
                sawColon = true
                j += 1
            } else {
                break
            }
        }
        if j == nameStart { return nil }
        return (j, text(nameStart, j))
    }

    /// `${ … }` starting at `open` (the `{`): returns the end offset and name.
    func scanBracedName(_ open: Int, errors: inout [LexError], tokenStart: Int) -> (end: Int, name: String) {
        var value: [UInt8] = []
        var j = open + 1
        while j < limit {
            let b = bytes[j]
            if b == UInt8(ascii: "}") {
                let name = String(decoding: value, as: UTF8.self)
                if name.isEmpty {
                    errors.append(error("EmptyVariableReference", "A variable reference needs a name.", at: tokenStart, end: j + 1))
                }
                return (j + 1, name)
            }
            if b == UInt8(ascii: "`"), j + 1 < limit {
                j = appendEscape(at: j, into: &value, errors: &errors)
                continue
            }
            value.append(b)
            j += 1
        }
        errors.append(error("IncompleteDollarVariableReference", "The braced variable name is missing its closing '}'.",
                            at: tokenStart, end: j, incomplete: true))
        return (j, String(decoding: value, as: UTF8.self))
    }

    /// `$name`, `${name}`, `@name`.
    func scanVariable(_ start: Int, splatted: Bool, mode: LexMode) -> Token {
        var errors: [LexError] = []
        let nameStart = start + 1
        var end: Int
        var path: VariablePath
        var braced = false
        if !splatted && byte(nameStart) == UInt8(ascii: "{") {
            let r = scanBracedName(nameStart, errors: &errors, tokenStart: start)
            end = r.end
            path = VariablePath(parsing: r.name)
            braced = true
        } else if let r = scanVariableName(nameStart) {
            end = r.end
            path = VariablePath(parsing: r.name)
        } else {
            return scanGeneric(start, mode: mode)
        }
        // In command mode `$x/foo` is one bareword; `.` and `[` are member access.
        if mode == .command && !forcesNewToken(end) && byte(end) != UInt8(ascii: ".") && byte(end) != UInt8(ascii: "[") {
            return scanGeneric(start, mode: mode)
        }
        var t = make(splatted ? .splattedVariable : .variable, start, end, .variable(path, braced: braced))
        t.errors = errors
        return t
    }

    /// A `$` inside a string or bareword: a variable or `$( … )` part, or nil for a literal `$`.
    func scanDollarPart(_ i: Int, errors: inout [LexError]) -> (ExpandablePart, Int)? {
        let c1 = byte(i + 1)
        if i + 1 >= limit { return nil }
        if c1 == UInt8(ascii: "(") {
            let (innerEnd, next) = scanBalancedParen(from: i + 2, openAt: i, errors: &errors)
            return (.subExpression(start: i + 2, end: innerEnd), next)
        }
        if c1 == UInt8(ascii: "{") {
            let r = scanBracedName(i + 1, errors: &errors, tokenStart: i)
            return (.variable(VariablePath(parsing: r.name), start: i, end: r.end), r.end)
        }
        guard c1 != UInt8(ascii: ":") || Lexer.isIdentifierChar(byte(i + 2)) else { return nil }
        guard let r = scanVariableName(i + 1) else { return nil }
        return (.variable(VariablePath(parsing: r.name), start: i, end: r.end), r.end)
    }

    /// From just after `$(`, finds the matching `)` by scanning tokens (so strings and nested
    /// parentheses inside are skipped). Returns the inner end and the offset after `)`.
    func scanBalancedParen(from: Int, openAt: Int, errors: inout [LexError]) -> (Int, Int) {
        var depth = 0
        var pos = from
        while true {
            let t = next(at: pos, mode: .command)
            switch t.kind {
            case .endOfInput:
                errors.append(error("IncompleteDollarSubexpressionReference",
                                    "The subexpression is missing its closing ')'.", at: openAt, end: t.start, incomplete: true))
                return (t.start, t.start)
            case .lParen, .dollarParen, .atParen: depth += 1
            case .rParen:
                if depth == 0 { return (t.start, t.end) }
                depth -= 1
            default: break
            }
            pos = max(t.end, pos + 1)
        }
    }
}

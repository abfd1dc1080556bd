// The tokenizer. It is pulled by the parser one token at a time with the mode the parser is in,
// because the same characters mean different things in command and expression mode
// (`-eq`, `foo-bar`, `1kb`, `2>&1`). It works on UTF-8 bytes with integer offsets.

/// Options for scanning one token.
public struct LexOptions: Sendable, Equatable {
    /// `-1` / `+1` scan as one signed number (set when an operand is expected).
    public var allowSignedNumbers = false
    /// `?` and `:` end a number (inside a ternary), so `1?2:3` splits.
    public var endNumberOnTernary = false
    public init(allowSignedNumbers: Bool = false, endNumberOnTernary: Bool = false) {
        self.allowSignedNumbers = allowSignedNumbers
        self.endNumberOnTernary = endNumberOnTernary
    }
}

/// PowerShell tokenizer over UTF-8 bytes.
public final class Lexer {
    let bytes: [UInt8]
    /// Scanning stops here (end of input for this lexer).
    let limit: Int
    /// `#Requires` comments seen so far, by offset.
    var requiresComments: [Int: String] = [:]

    /// Creates a lexer over `text`.
    public init(_ text: String) {
        self.bytes = Array(text.utf8)
        self.limit = bytes.count
    }

    init(bytes: [UInt8], limit: Int) {
        self.bytes = bytes
        self.limit = limit
    }

    /// Tokenizes the whole text in one mode (for tests and tools; the parser switches modes as it goes).
    public static func tokenize(_ text: String, mode: LexMode = .command) -> [Token] {
        let lexer = Lexer(text)
        var tokens: [Token] = []
        var pos = 0
        while true {
            let t = lexer.next(at: pos, mode: mode)
            tokens.append(t)
            if t.kind == .endOfInput { break }
            pos = max(t.end, pos + 1)
        }
        return tokens
    }

    // MARK: - Character helpers

    @inline(__always) func byte(_ i: Int) -> UInt8 { i < limit ? bytes[i] : 0 }

    static func isLetter(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c >= 0x80
    }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isIdentifierChar(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) || c == UInt8(ascii: "_") }

    /// Characters that always end a bareword (and the end of input).
    func forcesNewToken(_ i: Int) -> Bool {
        if i >= limit { return true }
        switch bytes[i] {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: "&"):
            return true
        case 0xC2: return byte(i + 1) == 0xA0
        default: return false
        }
    }

    /// Characters that may directly follow a number in expression mode (`1+2`, `1..3`, `$a[1]`).
    func forcesNewTokenAfterNumber(_ i: Int, ternary: Bool) -> Bool {
        switch byte(i) {
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "<"), UInt8(ascii: "="),
             UInt8(ascii: ">"), UInt8(ascii: "]"):
            return true
        case UInt8(ascii: "?"), UInt8(ascii: ":"): return ternary
        default: return dashLength(i) > 0
        }
    }

    /// Length of a single quote (ASCII or typographic) at `i`, else 0.
    func singleQuoteLength(_ i: Int) -> Int {
        let c = byte(i)
        if c == UInt8(ascii: "'") { return 1 }
        if c == 0xE2, byte(i + 1) == 0x80, (0x98...0x9B).contains(byte(i + 2)) { return 3 }
        return 0
    }

    /// Length of a double quote (ASCII or typographic) at `i`, else 0.
    func doubleQuoteLength(_ i: Int) -> Int {
        let c = byte(i)
        if c == UInt8(ascii: "\"") { return 1 }
        if c == 0xE2, byte(i + 1) == 0x80, (0x9C...0x9E).contains(byte(i + 2)) { return 3 }
        return 0
    }

    /// Length of a dash (`-`, en dash, em dash, horizontal bar) at `i`, else 0.
    func dashLength(_ i: Int) -> Int {
        let c = byte(i)
        if c == UInt8(ascii: "-") { return 1 }
        if c == 0xE2, byte(i + 1) == 0x80, (0x93...0x95).contains(byte(i + 2)) { return 3 }
        return 0
    }

    /// Length of horizontal whitespace at `i` (space, tab, form feed, vertical tab, NBSP), else 0.
    func spaceLength(_ i: Int) -> Int {
        switch byte(i) {
        case 0x20, 0x09, 0x0B, 0x0C: return i < limit ? 1 : 0
        case 0xC2: return byte(i + 1) == 0xA0 ? 2 : 0
        default: return 0
        }
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[max(0, start)..<min(max(start, end), bytes.count)], as: UTF8.self)
    }

    func make(_ kind: TokenKind, _ start: Int, _ end: Int, _ payload: TokenPayload = .none) -> Token {
        Token(kind: kind, start: start, end: end, text: text(start, end), payload: payload)
    }

    func error(_ id: String, _ message: String, at offset: Int, end: Int? = nil, incomplete: Bool = false) -> LexError {
        LexError(id: id, message: message, offset: offset, endOffset: end ?? offset, isIncomplete: incomplete)
    }

    // MARK: - Trivia

    /// Skips spaces, comments and line continuations; returns the new offset and any comment errors.
    func skipTrivia(from start: Int, errors: inout [LexError]) -> Int {
        var i = start
        while i < limit {
            let n = spaceLength(i)
            if n > 0 { i += n; continue }
            let c = bytes[i]
            if c == UInt8(ascii: "`") {
                // Backtick + newline continues the line; backtick + space is just space.
                let c1 = byte(i + 1)
                if i + 1 >= limit {
                    errors.append(error("IncompleteString", "A backtick at the end of input must be followed by a character.",
                                        at: i, end: i + 1, incomplete: true))
                    i += 1
                    continue
                }
                if c1 == 0x0A { i += 2; continue }
                if c1 == 0x0D { i += byte(i + 2) == 0x0A ? 3 : 2; continue }
                if spaceLength(i + 1) > 0 { i += 1; continue }
                return i
            }
            if c == UInt8(ascii: "#") { i = skipLineComment(i); continue }
            if c == UInt8(ascii: "<"), byte(i + 1) == UInt8(ascii: "#") {
                var j = i + 2
                var closed = false
                while j < limit {
                    if bytes[j] == UInt8(ascii: "#"), byte(j + 1) == UInt8(ascii: ">") { closed = true; j += 2; break }
                    j += 1
                }
                if !closed {
                    errors.append(error("MissingTerminatorMultiLineComment",
                                        "The block comment is missing its closing '#>'.", at: i, end: j, incomplete: true))
                }
                i = j
                continue
            }
            return i
        }
        return i
    }

    func skipLineComment(_ start: Int) -> Int {
        var j = start
        while j < limit, bytes[j] != 0x0A, bytes[j] != 0x0D { j += 1 }
        let body = text(start + 1, j)
        if body.count >= 8, body.prefix(8).lowercased() == "requires" {
            requiresComments[start] = String(body.dropFirst(8)).trimmingSpaces()
        }
        return j
    }

    /// True when only whitespace, newlines and comments remain from `offset` to the end of the text.
    func isAtEndOfScript(_ offset: Int) -> Bool {
        var i = offset
        var ignored: [LexError] = []
        while true {
            i = skipTrivia(from: i, errors: &ignored)
            if i < bytes.count, i < limit, bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1; continue }
            break
        }
        return i >= bytes.count || i >= limit
    }

    // MARK: - Main scanner

    /// Scans the token starting at or after `offset` (skipping whitespace and comments).
    public func next(at offset: Int, mode: LexMode, options: LexOptions = LexOptions()) -> Token {
        var errors: [LexError] = []
        let start = skipTrivia(from: offset, errors: &errors)
        var token = scan(start, mode: mode, options: options)
        token.precededBySpace = start > offset
        if !errors.isEmpty { token.errors = errors + token.errors }
        return token
    }

    private func scan(_ i: Int, mode: LexMode, options: LexOptions) -> Token {
        let command = mode == .command
        if i >= limit { return make(.endOfInput, i, i) }
        let c = bytes[i]
        let c1 = byte(i + 1)
        // An operator in command mode that is glued to more text is a bareword (`=foo`, `+x`).
        func op(_ kind: TokenKind, _ len: Int) -> Token {
            if command && !forcesNewToken(i + len) { return scanGeneric(i, mode: mode) }
            return make(kind, i, i + len)
        }
        if singleQuoteLength(i) > 0 { return scanSingleQuoted(i, quoteLength: singleQuoteLength(i)) }
        if doubleQuoteLength(i) > 0 { return scanDoubleQuoted(i, quoteLength: doubleQuoteLength(i)) }
        let dash = dashLength(i)
        if dash > 0 { return scanDash(i, dash: dash, mode: mode, options: options) }

        switch c {
        case 0x0A: return make(.newLine, i, i + 1)
        case 0x0D: return make(.newLine, i, c1 == 0x0A ? i + 2 : i + 1)
        case UInt8(ascii: "@"):
            if c1 == UInt8(ascii: "{") { return make(.atCurly, i, i + 2) }
            if c1 == UInt8(ascii: "(") { return make(.atParen, i, i + 2) }
            if singleQuoteLength(i + 1) > 0 { return scanHereString(i, expandable: false, quoteLength: singleQuoteLength(i + 1)) }
            if doubleQuoteLength(i + 1) > 0 { return scanHereString(i, expandable: true, quoteLength: doubleQuoteLength(i + 1)) }
            if isVariableStart(i + 1) { return scanVariable(i, splatted: true, mode: mode) }
            if command && !forcesNewToken(i + 1) { return scanGeneric(i, mode: mode) }
            var t = make(.unknown, i, i + 1)
            t.errors.append(error("UnrecognizedToken", "The '@' character is not valid here.", at: i, end: i + 1))
            return t
        case UInt8(ascii: "`"):
            return scanGeneric(i, mode: mode)
        case UInt8(ascii: "="):
            return op(.equals, 1)
        case UInt8(ascii: "+"):
            if c1 == UInt8(ascii: "+") { return op(.plusPlus, 2) }
            if c1 == UInt8(ascii: "=") { return op(.plusEquals, 2) }
            if options.allowSignedNumbers && startsNumber(i + 1), let t = scanNumber(i, mode: mode, options: options) {
                return t
            }
            return op(.plus, 1)
        case UInt8(ascii: "*"):
            if c1 == UInt8(ascii: "=") { return op(.multiplyEquals, 2) }
            if c1 == UInt8(ascii: ">") {
                if byte(i + 2) == UInt8(ascii: ">") {
                    return make(.redirection, i, i + 3, .redirection(from: .all, append: true, merge: false))
                }
                if byte(i + 2) == UInt8(ascii: "&"), byte(i + 3) == UInt8(ascii: "1") {
                    return make(.redirection, i, i + 4, .redirection(from: .all, append: false, merge: true))
                }
                return make(.redirection, i, i + 2, .redirection(from: .all, append: false, merge: false))
            }
            return op(.multiply, 1)
        case UInt8(ascii: "/"):
            if c1 == UInt8(ascii: "=") { return op(.divideEquals, 2) }
            return op(.divide, 1)
        case UInt8(ascii: "%"):
            if c1 == UInt8(ascii: "=") { return op(.remainderEquals, 2) }
            return op(.rem, 1)
        case UInt8(ascii: "$"):
            if c1 == UInt8(ascii: "(") { return make(.dollarParen, i, i + 2) }
            return scanVariable(i, splatted: false, mode: mode)
        case UInt8(ascii: "<"):
            return make(.redirectInStd, i, i + 1)
        case UInt8(ascii: ">"):
            if c1 == UInt8(ascii: ">") { return make(.redirection, i, i + 2, .redirection(from: .output, append: true, merge: false)) }
            return make(.redirection, i, i + 1, .redirection(from: .output, append: false, merge: false))
        case UInt8(ascii: "("): return make(.lParen, i, i + 1)
        case UInt8(ascii: ")"): return make(.rParen, i, i + 1)
        case UInt8(ascii: "{"): return make(.lCurly, i, i + 1)
        case UInt8(ascii: "}"): return make(.rCurly, i, i + 1)
        case UInt8(ascii: "["):
            if command && !forcesNewToken(i + 1) { return scanGeneric(i, mode: mode) }
            return make(.lBracket, i, i + 1)
        case UInt8(ascii: "]"): return make(.rBracket, i, i + 1)
        case UInt8(ascii: ";"): return make(.semi, i, i + 1)
        case UInt8(ascii: ","): return make(.comma, i, i + 1)
        case UInt8(ascii: "."):
            if c1 == UInt8(ascii: ".") {
                if command && !forcesNewToken(i + 2) { return scanGeneric(i, mode: mode) }
                return make(.dotDot, i, i + 2)
            }
            if Lexer.isDigit(c1), let t = scanNumber(i, mode: mode, options: options) { return t }
            // `./x.ps1`, `.\x` are command names; `. $x`, `."path"` dot-source.
            if command && !forcesNewToken(i + 1) && c1 != UInt8(ascii: "$") && singleQuoteLength(i + 1) == 0
                && doubleQuoteLength(i + 1) == 0 {
                return scanGeneric(i, mode: mode)
            }
            return make(.dot, i, i + 1)
        case UInt8(ascii: "&"):
            if c1 == UInt8(ascii: "&") { return make(.andAnd, i, i + 2) }
            return make(.ampersand, i, i + 1)
        case UInt8(ascii: "|"):
            if c1 == UInt8(ascii: "|") { return make(.orOr, i, i + 2) }
            return make(.pipe, i, i + 1)
        case UInt8(ascii: "!"):
            if command && !forcesNewToken(i + 1) { return scanGeneric(i, mode: mode) }
            return make(.exclaim, i, i + 1)
        case UInt8(ascii: ":"):
            if c1 == UInt8(ascii: ":") {
                if command && !forcesNewToken(i + 2) { return scanGeneric(i, mode: mode) }
                return make(.colonColon, i, i + 2)
            }
            if command { return scanLabel(i, mode: mode) }
            return make(.colon, i, i + 1)
        case UInt8(ascii: "?") where !command:
            if c1 == UInt8(ascii: "?") {
                if byte(i + 2) == UInt8(ascii: "=") { return make(.questionQuestionEquals, i, i + 3) }
                return make(.questionQuestion, i, i + 2)
            }
            return make(.questionMark, i, i + 1)
        case UInt8(ascii: "1")...UInt8(ascii: "6") where c1 == UInt8(ascii: ">"):
            return scanStreamRedirection(i)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let t = scanNumber(i, mode: mode, options: options) { return t }
            return scanGeneric(i, mode: mode)
        default:
            if Lexer.isLetter(c) || c == UInt8(ascii: "_") { return scanIdentifier(i, mode: mode) }
            return scanGeneric(i, mode: mode)
        }
    }

    func startsNumber(_ i: Int) -> Bool {
        Lexer.isDigit(byte(i)) || (byte(i) == UInt8(ascii: ".") && Lexer.isDigit(byte(i + 1)))
    }

    /// `2>`, `2>>`, `2>&1`, `3>&1`.
    private func scanStreamRedirection(_ i: Int) -> Token {
        let from = Redirection.Stream(rawValue: Int(bytes[i] - UInt8(ascii: "0"))) ?? .output
        if byte(i + 2) == UInt8(ascii: ">") {
            return make(.redirection, i, i + 3, .redirection(from: from, append: true, merge: false))
        }
        if byte(i + 2) == UInt8(ascii: "&"), byte(i + 3) == UInt8(ascii: "1") || byte(i + 3) == UInt8(ascii: "2") {
            var t = make(.redirection, i, i + 4, .redirection(from: from, append: false, merge: true))
            if byte(i + 3) != UInt8(ascii: "1") || from == .output {
                t.errors.append(error("RedirectionNotSupported", "Only merging into the success stream ('&1') is supported.",
                                      at: i, end: i + 4))
            }
            return t
        }
        return make(.redirection, i, i + 2, .redirection(from: from, append: false, merge: false))
    }

    /// A token starting with a dash: `--`, `-=`, `-Param`, `-eq`, `-5`, or `-`.
    private func scanDash(_ i: Int, dash: Int, mode: LexMode, options: LexOptions) -> Token {
        let command = mode == .command
        let next = i + dash
        let d2 = dashLength(next)
        if d2 > 0 {
            if command && !forcesNewToken(next + d2) { return scanGeneric(i, mode: mode) }
            return make(.minusMinus, i, next + d2)
        }
        if byte(next) == UInt8(ascii: "=") {
            if command && !forcesNewToken(next + 1) { return scanGeneric(i, mode: mode) }
            return make(.minusEquals, i, next + 1)
        }
        let c1 = byte(next)
        if Lexer.isLetter(c1) || c1 == UInt8(ascii: "_") || c1 == UInt8(ascii: "?") {
            return scanParameter(i, nameStart: next, mode: mode)
        }
        // A negative number: in expression mode only where an operand is expected; in command
        // mode `-5` is a number argument.
        if (options.allowSignedNumbers || command) && startsNumber(next),
           let t = scanNumber(i, mode: mode, options: options) {
            return t
        }
        if command && !forcesNewToken(next) { return scanGeneric(i, mode: mode) }
        return make(.minus, i, next)
    }

    /// `-Name`, `-Name:` (command mode) or a dash operator (expression mode).
    private func scanParameter(_ i: Int, nameStart: Int, mode: LexMode) -> Token {
        var j = nameStart
        var colon = false
        if mode == .expression {
            while j < limit, Lexer.isLetter(bytes[j]) && bytes[j] < 0x80 { j += 1 }
            let name = text(nameStart, j).lowercased()
            if let op = Lexer.dashOperators[name] { return make(.dashOperator, i, j, .dashOperator(op)) }
            return make(.parameter, i, j, .parameter(name: text(nameStart, j), colon: false))
        }
        scanning: while j < limit {
            if spaceLength(j) > 0 { break }
            switch bytes[j] {
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"),
                 UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: "."), UInt8(ascii: "["),
                 0x0A, 0x0D:
                break scanning
            case UInt8(ascii: ":"):
                colon = true
                j += 1
                break scanning
            default:
                // Quotes are never part of a parameter name: the whole thing is an argument.
                if singleQuoteLength(j) > 0 || doubleQuoteLength(j) > 0 { return scanGeneric(i, mode: mode) }
                j += 1
            }
        }
        let name = text(nameStart, colon ? j - 1 : j)
        return make(.parameter, i, j, .parameter(name: name, colon: colon))
    }

    /// `:label` in command mode (or a bareword starting with `:`).
    private func scanLabel(_ i: Int, mode: LexMode) -> Token {
        var j = i + 1
        guard Lexer.isLetter(byte(j)) || byte(j) == UInt8(ascii: "_") else { return scanGeneric(i, mode: mode) }
        while j < limit, Lexer.isIdentifierChar(bytes[j]) { j += 1 }
        if !forcesNewToken(j) { return scanGeneric(i, mode: mode) }
        return make(.label, i, j, .label(text(i + 1, j)))
    }

    /// A word: keyword, identifier (expression mode) or bareword (command mode).
    private func scanIdentifier(_ i: Int, mode: LexMode) -> Token {
        var j = i
        while j < limit, Lexer.isIdentifierChar(bytes[j]) {
            // Typographic quotes and dashes are punctuation, not letters.
            if bytes[j] >= 0x80 && (singleQuoteLength(j) > 0 || doubleQuoteLength(j) > 0 || dashLength(j) > 0) { break }
            j += 1
        }
        if mode == .command {
            if !forcesNewToken(j) { return scanGeneric(i, mode: mode) }
            let word = text(i, j)
            if let kw = Keyword(rawValue: word.lowercased()) { return make(.keyword, i, j, .keyword(kw)) }
            return make(.generic, i, j, .string(word))
        }
        return make(.identifier, i, j, .string(text(i, j)))
    }

    /// A word in type-name position inside `[ ]`: letters, digits, `_`, `.`, `` ` ``, `+`, `#`.
    func scanTypeNameWord(at offset: Int) -> Token? {
        var ignored: [LexError] = []
        let i = skipTrivia(from: offset, errors: &ignored)
        var j = i
        while j < limit {
            let c = bytes[j]
            if Lexer.isIdentifierChar(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "`") || c == UInt8(ascii: "+")
                || c == UInt8(ascii: "#") {
                j += 1
            } else {
                break
            }
        }
        if j == i { return nil }
        return make(.identifier, i, j, .string(text(i, j)))
    }

    /// A bareword: everything up to a character that forces a new token. Embedded quotes and
    /// `$var` / `$( … )` make it expandable.
    func scanGeneric(_ start: Int, mode: LexMode) -> Token {
        var parts: [ExpandablePart] = []
        var literal: [UInt8] = []
        var errors: [LexError] = []
        var hasExpansion = false
        var i = start
        func flush() {
            if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))); literal = [] }
        }
        while !forcesNewToken(i) {
            let c = bytes[i]
            if c == UInt8(ascii: "`") {
                if i + 1 >= limit { literal.append(c); i += 1; continue }
                if bytes[i + 1] == 0x0A || bytes[i + 1] == 0x0D { break }
                i = appendEscape(at: i, into: &literal, errors: &errors)
                continue
            }
            let sq = singleQuoteLength(i)
            if sq > 0 {
                i = scanSingleQuotedBody(i + sq, into: &literal, errors: &errors, openAt: i)
                continue
            }
            let dq = doubleQuoteLength(i)
            if dq > 0 {
                flush()
                var inner: [ExpandablePart] = []
                i = scanExpandableBody(i + dq, parts: &inner, errors: &errors, openAt: i, hereString: false)
                for p in inner {
                    if case .literal(let s) = p { literal.append(contentsOf: Array(s.utf8)) } else {
                        flush(); parts.append(p); hasExpansion = true
                    }
                }
                continue
            }
            if c == UInt8(ascii: "$"), let (part, next) = scanDollarPart(i, errors: &errors) {
                flush()
                parts.append(part)
                hasExpansion = true
                i = next
                continue
            }
            literal.append(c)
            i += 1
        }
        flush()
        var t: Token
        if hasExpansion {
            t = make(.generic, start, i, .expandable(parts))
        } else {
            let value = parts.map { p -> String in if case .literal(let s) = p { return s }; return "" }.joined()
            t = make(.generic, start, i, .string(value))
        }
        t.errors = errors
        return t
    }

    static let dashOperators: [String: DashOperator] = {
        var table: [String: DashOperator] = [
            "and": .binary(.and), "or": .binary(.or), "xor": .binary(.xor),
            "band": .binary(.band), "bor": .binary(.bor), "bxor": .binary(.bxor),
            "shl": .binary(.shl), "shr": .binary(.shr), "f": .binary(.format),
            "is": .binary(.isType), "isnot": .binary(.isNotType), "as": .binary(.asType),
            "not": .not, "bnot": .bnot,
        ]
        for op in ComparisonOperator.allCases {
            table[op.rawValue] = .binary(.comparison(op, caseSensitive: false))
            table["i" + op.rawValue] = .binary(.comparison(op, caseSensitive: false))
            table["c" + op.rawValue] = .binary(.comparison(op, caseSensitive: true))
        }
        return table
    }()
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}

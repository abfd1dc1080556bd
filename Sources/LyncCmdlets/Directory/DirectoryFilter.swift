import PSRuntime

/// The small PowerShell-style filter language of the directory cmdlets' `-Filter`
/// (`Get-ADUser -Filter {Name -like 'a*' -and Enabled -eq $true}`, `Get-CsUser -Filter …`):
///
///     filter     := '*' | or
///     or         := and ('-or' and)*
///     and        := unary ('-and' unary)*
///     unary      := '-not' unary | '!' unary | '(' or ')' | comparison
///     comparison := Property operator value
///     operator   := -eq -ne -like -notlike -gt -ge -lt -le (with optional i/c prefix: -ieq, -clike)
///     value      := 'text' | "text" | $true | $false | $null | $variable | number | bare word
///
/// Property names may contain dashes (`msRTCSIP-PrimaryUserAddress`). A missing property is
/// $null. Values compare as PowerShell compares them, the property's value deciding the type;
/// `-like` uses wildcards. It evaluates against any PSObject's properties, so other cmdlets can
/// reuse it.
public struct DirectoryFilter {
    indirect enum Node {
        case all
        case not(Node)
        case and(Node, Node)
        case or(Node, Node)
        case compare(property: String, op: String, caseSensitive: Bool, value: PSValue)
    }

    let root: Node
    /// The filter as written.
    public let text: String

    /// Parses `text`; `variables` supplies the values of `$name` references other than $true,
    /// $false and $null (nil when undefined, which is an error).
    public init(_ text: String, variables: @escaping (String) -> PSValue? = { _ in nil }) throws {
        self.text = text
        var parser = Parser(tokens: try Self.tokenize(text), variables: variables, source: text)
        root = try parser.parseFilter()
    }

    /// The filter of a `-Filter` argument: a string or a script block (whose text is parsed,
    /// not run), with `$variables` read from the session. A bad filter is a terminating
    /// `InvalidFilter` error of the command.
    public static func parse(_ argument: PSValue, context: CommandContext) throws -> DirectoryFilter {
        let text = argument.baseValue.asScriptBlock?.text ?? LanguagePrimitives.toString(argument, context: context.session)
        do {
            return try DirectoryFilter(text) { context.session.getVariable($0) }
        } catch let error as FilterError {
            throw context.terminatingError(error.message, id: "InvalidFilter", category: .InvalidArgument,
                                           target: .string(text))
        }
    }

    /// True when `object` passes the filter.
    public func matches(_ object: PSObject) -> Bool { Self.evaluate(root, object) }

    /// True for `*` (everything passes).
    public var matchesEverything: Bool {
        if case .all = root { return true }
        return false
    }

    public struct FilterError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    // MARK: Evaluation

    private static func evaluate(_ node: Node, _ object: PSObject) -> Bool {
        switch node {
        case .all: return true
        case .not(let inner): return !evaluate(inner, object)
        case .and(let l, let r): return evaluate(l, object) && evaluate(r, object)
        case .or(let l, let r): return evaluate(l, object) || evaluate(r, object)
        case .compare(let property, let op, let caseSensitive, let value):
            let actual = object[property] ?? .null
            let values = actual.baseValue.asArray?.items ?? [actual]
            // A multi-valued property (MemberOf) passes when one of its values does.
            return values.contains { compare($0, op, value, ignoreCase: !caseSensitive) }
        }
    }

    private static func compare(_ actual: PSValue, _ op: String, _ expected: PSValue, ignoreCase: Bool) -> Bool {
        switch op {
        case "eq": return LanguagePrimitives.equals(actual, expected, ignoreCase: ignoreCase)
        case "ne": return !LanguagePrimitives.equals(actual, expected, ignoreCase: ignoreCase)
        case "like", "notlike":
            let pattern = WildcardPattern(LanguagePrimitives.toString(expected, context: nil), ignoreCase: ignoreCase)
            let hit = !actual.isNull && pattern.matches(LanguagePrimitives.toString(actual, context: nil))
            return op == "like" ? hit : !hit
        default:
            guard !actual.isNull, let order = try? LanguagePrimitives.compare(actual, expected, ignoreCase: ignoreCase) else { return false }
            switch op {
            case "gt": return order > 0
            case "ge": return order >= 0
            case "lt": return order < 0
            default: return order <= 0
            }
        }
    }

    // MARK: Tokens

    enum Token: Equatable {
        case word(String), op(String), string(String), variable(String), open, close, bang
    }

    private static func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        func isWordChar(_ c: Character) -> Bool { !c.isWhitespace && !"()'\"!{}".contains(c) }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "(" { tokens.append(.open); i += 1; continue }
            if c == ")" { tokens.append(.close); i += 1; continue }
            if c == "!" { tokens.append(.bang); i += 1; continue }
            if c == "'" || c == "\"" || c == "\u{2018}" || c == "\u{201C}" {
                let close: Character = c == "\u{2018}" ? "\u{2019}" : c == "\u{201C}" ? "\u{201D}" : c
                var value = ""
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == close {
                        // A doubled quote stands for one quote character.
                        if i + 1 < chars.count && chars[i + 1] == close { value.append(close); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    value.append(chars[i])
                    i += 1
                }
                guard closed else { throw FilterError(message: "The filter '\(text)' has a string without its closing quote.") }
                tokens.append(.string(value))
                continue
            }
            var word = ""
            while i < chars.count, isWordChar(chars[i]) { word.append(chars[i]); i += 1 }
            if word.isEmpty {
                throw FilterError(message: "The filter '\(text)' has an unexpected character '\(c)'.")
            }
            if word.hasPrefix("-") && word.count > 1 {
                tokens.append(.op(String(word.dropFirst()).lowercased()))
            } else if word.hasPrefix("$") {
                var name = String(word.dropFirst())
                if name.hasPrefix("{") && name.hasSuffix("}") { name = String(name.dropFirst().dropLast()) }
                tokens.append(.variable(name))
            } else {
                tokens.append(.word(word))
            }
        }
        return tokens
    }

    // MARK: Parser

    private struct Parser {
        let tokens: [Token]
        let variables: (String) -> PSValue?
        let source: String
        var position = 0

        init(tokens: [Token], variables: @escaping (String) -> PSValue?, source: String) {
            self.tokens = tokens
            self.variables = variables
            self.source = source
        }

        static let comparisons: Set<String> = ["eq", "ne", "like", "notlike", "gt", "ge", "lt", "le"]

        var current: Token? { position < tokens.count ? tokens[position] : nil }

        func error(_ what: String) -> FilterError {
            FilterError(message: "The filter '\(source)' is not valid: \(what). Write comparisons such as Name -eq 'Ken Myer' or SamAccountName -like 'a*', joined with -and / -or, or * for everything.")
        }

        mutating func parseFilter() throws -> Node {
            if tokens.isEmpty { throw error("it is empty") }
            if tokens == [.word("*")] || tokens == [.string("*")] { return .all }
            let node = try parseOr()
            if let extra = current { throw error("unexpected \(describe(extra))") }
            return node
        }

        mutating func parseOr() throws -> Node {
            var node = try parseAnd()
            while current == .op("or") {
                position += 1
                node = .or(node, try parseAnd())
            }
            return node
        }

        mutating func parseAnd() throws -> Node {
            var node = try parseUnary()
            while current == .op("and") {
                position += 1
                node = .and(node, try parseUnary())
            }
            return node
        }

        mutating func parseUnary() throws -> Node {
            switch current {
            case .op("not"), .bang:
                position += 1
                return .not(try parseUnary())
            case .open:
                position += 1
                let node = try parseOr()
                guard current == .close else { throw error("a ')' is missing") }
                position += 1
                return node
            case .word(let property):
                position += 1
                return try parseComparison(property)
            case nil:
                throw error("it ends where a comparison was expected")
            case let token?:
                throw error("a property name was expected before \(describe(token))")
            }
        }

        mutating func parseComparison(_ property: String) throws -> Node {
            guard case .op(var op) = current else {
                throw error("an operator such as -eq or -like must follow '\(property)'")
            }
            var caseSensitive = false
            if !Self.comparisons.contains(op), op.count > 2, op.first == "c" || op.first == "i" {
                caseSensitive = op.first == "c"
                op = String(op.dropFirst())
            }
            guard Self.comparisons.contains(op) else { throw error("'-\(op)' is not a supported operator") }
            position += 1
            let value: PSValue
            switch current {
            case .string(let s)?: value = .string(s)
            case .word(let w)?: value = Self.literal(w)
            case .variable(let name)?:
                switch name.lowercased() {
                case "true": value = .bool(true)
                case "false": value = .bool(false)
                case "null": value = .null
                default:
                    guard let bound = variables(name) else { throw error("the variable $\(name) is not defined") }
                    value = bound
                }
            default:
                throw error("a value must follow -\(op)")
            }
            position += 1
            return .compare(property: property, op: op, caseSensitive: caseSensitive, value: value)
        }

        static func literal(_ word: String) -> PSValue {
            if let n = Int64(word) { return .long(n) }
            if let d = Double(word) { return .double(d) }
            return .string(word)
        }

        func describe(_ token: Token) -> String {
            switch token {
            case .word(let w): "'\(w)'"
            case .op(let o): "'-\(o)'"
            case .string(let s): "'\(s)'"
            case .variable(let v): "'$\(v)'"
            case .open: "'('"
            case .close: "')'"
            case .bang: "'!'"
            }
        }
    }
}

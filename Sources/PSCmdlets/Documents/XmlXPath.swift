import PSRuntime

/// A compiled XPath expression for the subset Select-Xml supports: absolute and relative location
/// paths (`/a/b`, `a/b`, `//b`), `*`, `.`, `..`, `@attr`, `@*`, `text()`, `node()`, `prefix:name` with a
/// namespace table, and predicates `[n]`, `[last()]`, `[@a]`, `[@a='v']`, `[name='v']`, `[text()='v']`,
/// `!=`, `contains(x,'v')`, `starts-with(x,'v')`, `not(...)`, joined with `and` / `or`.
struct XmlXPath {
    struct SyntaxError: Error { let message: String }

    enum Axis { case child, descendantOrSelf, attribute, selfNode, parent }
    enum NodeTest { case name(String), anyElement, text, anyNode }

    struct Step {
        var axis: Axis
        var test: NodeTest
        var predicates: [Predicate]
    }

    indirect enum Predicate {
        case index(Int)
        case last
        case exists(Operand)
        case compare(Operand, equal: Bool, String)
        case function(String, Operand, String)
        case not(Predicate)
        case all([Predicate])
        case any([Predicate])
    }

    enum Operand { case attribute(String), child(String), text, current }

    let absolute: Bool
    let steps: [Step]
    let namespaces: [String: String]

    init(_ expression: String, namespaces: [String: String] = [:]) throws {
        self.namespaces = namespaces
        var text = Substring(expression.trimmingCharacters(in: .whitespaces))
        guard !text.isEmpty else { throw SyntaxError(message: "The XPath expression is empty.") }
        absolute = text.hasPrefix("/")
        var steps: [Step] = []
        var descendant = false
        if text.hasPrefix("//") { descendant = true; text = text.dropFirst(2) } else if absolute { text = text.dropFirst() }
        if text.isEmpty && absolute && !descendant { self.steps = []; return }
        while true {
            let (stepText, rest) = try Self.splitStep(text)
            guard !stepText.isEmpty else { throw SyntaxError(message: "'\(expression)' has an empty step.") }
            let step = try Self.parseStep(stepText)
            // `//x` is short for `/descendant-or-self::node()/x`, so `//x[1]` means the first x of each parent.
            if descendant { steps.append(Step(axis: .descendantOrSelf, test: .anyNode, predicates: [])) }
            steps.append(step)
            if rest.isEmpty { break }
            descendant = rest.hasPrefix("//")
            text = rest.dropFirst(descendant ? 2 : 1)
            if text.isEmpty { throw SyntaxError(message: "'\(expression)' ends with a slash.") }
        }
        self.steps = steps
    }

    // MARK: Parsing

    /// The text of the next step and the rest (starting at its `/`), skipping brackets and quotes.
    private static func splitStep(_ text: Substring) throws -> (Substring, Substring) {
        var depth = 0
        var quote: Character?
        for index in text.indices {
            let c = text[index]
            if let q = quote { if c == q { quote = nil }; continue }
            switch c {
            case "'", "\"": quote = c
            case "[", "(": depth += 1
            case "]", ")": depth -= 1
            case "/" where depth == 0: return (text[..<index], text[index...])
            default: break
            }
        }
        if quote != nil || depth != 0 { throw SyntaxError(message: "'\(text)' has an unclosed bracket or quote.") }
        return (text, "")
    }

    private static func parseStep(_ text: Substring) throws -> Step {
        var head = text
        var predicates: [Predicate] = []
        if let open = text.firstIndex(of: "[") {
            head = text[..<open]
            var rest = text[open...]
            while rest.first == "[" {
                guard let close = matchingBracket(rest) else { throw SyntaxError(message: "'\(text)' has an unclosed '['.") }
                predicates.append(try parsePredicate(rest[rest.index(after: rest.startIndex)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.trimmingCharacters(in: .whitespaces).isEmpty else { throw SyntaxError(message: "Unexpected '\(rest)' after a predicate.") }
        }
        let name = head.trimmingCharacters(in: .whitespaces)
        switch name {
        case ".": return Step(axis: .selfNode, test: .anyNode, predicates: predicates)
        case "..": return Step(axis: .parent, test: .anyNode, predicates: predicates)
        case "*": return Step(axis: .child, test: .anyElement, predicates: predicates)
        case "text()": return Step(axis: .child, test: .text, predicates: predicates)
        case "node()": return Step(axis: .child, test: .anyNode, predicates: predicates)
        case "@*": return Step(axis: .attribute, test: .anyElement, predicates: predicates)
        default:
            if name.hasPrefix("@") {
                let attribute = String(name.dropFirst())
                try checkName(attribute)
                return Step(axis: .attribute, test: .name(attribute), predicates: predicates)
            }
            try checkName(name)
            return Step(axis: .child, test: .name(name), predicates: predicates)
        }
    }

    private static func checkName(_ name: String) throws {
        let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || "_-.:".contains($0) }
        guard !name.isEmpty, allowed else { throw SyntaxError(message: "'\(name)' is not a valid name in an XPath step.") }
    }

    private static func matchingBracket(_ text: Substring) -> Substring.Index? {
        var depth = 0
        var quote: Character?
        for index in text.indices {
            let c = text[index]
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "'" || c == "\"" { quote = c } else if c == "[" { depth += 1 } else if c == "]" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// Splits at a keyword (` and `, ` or `) outside quotes and parentheses.
    private static func split(_ text: Substring, on keyword: String) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var quote: Character?
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" || c == "[" {
                depth += 1
            } else if c == ")" || c == "]" {
                depth -= 1
            } else if depth == 0, text[index...].hasPrefix(keyword) {
                parts.append(text[start..<index])
                index = text.index(index, offsetBy: keyword.count)
                start = index
                continue
            }
            index = text.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }

    private static func parsePredicate(_ raw: Substring) throws -> Predicate {
        let text = Substring(raw.trimmingCharacters(in: .whitespaces))
        let ors = split(text, on: " or ")
        if ors.count > 1 { return .any(try ors.map(parsePredicate)) }
        let ands = split(text, on: " and ")
        if ands.count > 1 { return .all(try ands.map(parsePredicate)) }
        if let n = Int(text) {
            guard n >= 1 else { throw SyntaxError(message: "Position \(n) in '[\(text)]' must be 1 or more.") }
            return .index(n)
        }
        if text == "last()" { return .last }
        if text.hasPrefix("not("), text.hasSuffix(")") { return .not(try parsePredicate(text.dropFirst(4).dropLast())) }
        for function in ["contains", "starts-with"] where text.hasPrefix(function + "(") && text.hasSuffix(")") {
            let arguments = split(text.dropFirst(function.count + 1).dropLast(), on: ",")
            guard arguments.count == 2 else { throw SyntaxError(message: "\(function)() takes two arguments.") }
            return .function(function, try parseOperand(arguments[0]), try parseLiteral(arguments[1]))
        }
        for (op, equal) in [("!=", false), ("=", true)] {
            if let range = rangeOutsideQuotes(of: op, in: text) {
                return .compare(try parseOperand(text[..<range.lowerBound]), equal: equal,
                                try parseLiteral(text[range.upperBound...]))
            }
        }
        return .exists(try parseOperand(text))
    }

    private static func rangeOutsideQuotes(of op: String, in text: Substring) -> Range<Substring.Index>? {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let q = quote { if c == q { quote = nil } } else if c == "'" || c == "\"" { quote = c } else if text[index...].hasPrefix(op) {
                return index..<text.index(index, offsetBy: op.count)
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func parseOperand(_ raw: Substring) throws -> Operand {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text == "." { return .current }
        if text == "text()" { return .text }
        if text.hasPrefix("@") {
            try checkName(String(text.dropFirst()))
            return .attribute(String(text.dropFirst()))
        }
        try checkName(text)
        return .child(text)
    }

    private static func parseLiteral(_ raw: Substring) throws -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        if Double(text) != nil { return text }
        throw SyntaxError(message: "'\(text)' is not a quoted string or a number.")
    }
}

import PSRuntime

/// A PowerShell wildcard pattern (`*`, `?`, `[abc]`, `[a-z]`, backtick escapes), matched
/// case-insensitively unless asked otherwise. Local to the Utility cmdlets until the shared
/// `WildcardPattern` of the Operations layer is available.
struct UtilityWildcard {
    private enum Element {
        case literal(Character)
        case any
        case anySequence
        case set([ClosedRange<Character>], negated: Bool)
    }

    private let elements: [Element]
    private let ignoreCase: Bool

    init(_ pattern: String, ignoreCase: Bool = true) {
        self.ignoreCase = ignoreCase
        var parsed: [Element] = []
        var chars = Array(ignoreCase ? pattern.lowercased() : pattern)[...]
        while let c = chars.popFirst() {
            switch c {
            case "`":
                if let next = chars.popFirst() { parsed.append(.literal(next)) } else { parsed.append(.literal("`")) }
            case "*":
                if case .anySequence? = parsed.last { continue }
                parsed.append(.anySequence)
            case "?":
                parsed.append(.any)
            case "[":
                guard let close = chars.firstIndex(of: "]") else { parsed.append(.literal("[")); continue }
                var body = Array(chars[chars.startIndex..<close])
                chars = chars[(close + 1)...]
                var negated = false
                if body.first == "!" {
                    negated = true
                    body.removeFirst()
                }
                var ranges: [ClosedRange<Character>] = []
                var i = 0
                while i < body.count {
                    if i + 2 < body.count, body[i + 1] == "-", body[i] <= body[i + 2] {
                        ranges.append(body[i]...body[i + 2])
                        i += 3
                    } else {
                        ranges.append(body[i]...body[i])
                        i += 1
                    }
                }
                parsed.append(.set(ranges, negated: negated))
            default:
                parsed.append(.literal(c))
            }
        }
        elements = parsed
    }

    /// True when the text has wildcard characters (`*`, `?`, `[`).
    static func containsWildcard(_ text: String) -> Bool {
        var escaped = false
        for c in text {
            if escaped { escaped = false; continue }
            if c == "`" { escaped = true; continue }
            if c == "*" || c == "?" || c == "[" { return true }
        }
        return false
    }

    func matches(_ text: String) -> Bool {
        let input = Array(ignoreCase ? text.lowercased() : text)
        return match(input[...], elements[...])
    }

    private func match(_ input: ArraySlice<Character>, _ pattern: ArraySlice<Element>) -> Bool {
        var input = input
        var pattern = pattern
        while let element = pattern.first {
            switch element {
            case .anySequence:
                let rest = pattern.dropFirst()
                if rest.isEmpty { return true }
                var start = input.startIndex
                while start <= input.endIndex {
                    if match(input[start...], rest) { return true }
                    start += 1
                }
                return false
            case .any:
                guard !input.isEmpty else { return false }
            case .literal(let c):
                guard input.first == c else { return false }
            case .set(let ranges, let negated):
                guard let c = input.first else { return false }
                if ranges.contains(where: { $0.contains(c) }) == negated { return false }
            }
            input = input.dropFirst()
            pattern = pattern.dropFirst()
        }
        return input.isEmpty
    }
}

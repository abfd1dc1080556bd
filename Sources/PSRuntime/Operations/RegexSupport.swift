import Foundation
import Synchronization

/// .NET-style match results from NSRegularExpression: group numbering (unnamed groups first,
/// then named ones), Match objects, `$Matches` tables and replacement substitutions.
enum RegexSupport {
    /// Capturing groups in order of their opening parenthesis: the name of each (nil when unnamed).
    /// Remembered per pattern: `-match` asks on every successful match.
    static func groupNames(_ pattern: String) -> [String?] {
        if let known = namesByPattern.withLock({ $0[pattern] }) { return known }
        let names = parseGroupNames(pattern)
        namesByPattern.withLock { cache in
            if cache.count >= 256 { cache.removeAll() }
            cache[pattern] = names
        }
        return names
    }

    private static let namesByPattern = Mutex<[String: [String?]]>([:])

    private static func parseGroupNames(_ pattern: String) -> [String?] {
        var names: [String?] = []
        let chars = Array(pattern)
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" { i += 2; continue }
            if inClass { if c == "]" { inClass = false }; i += 1; continue }
            if c == "[" { inClass = true; i += 1; continue }
            if c == "(" {
                if i + 1 < chars.count && chars[i + 1] == "?" {
                    // Named: (?<name>…) (?'name'…) (?P<name>…); not lookbehind (?<= (?<!
                    var j = i + 2
                    if j < chars.count && chars[j] == "P" { j += 1 }
                    if j < chars.count, chars[j] == "<" || chars[j] == "'",
                       j + 1 < chars.count, chars[j + 1] != "=", chars[j + 1] != "!" {
                        let close: Character = chars[j] == "<" ? ">" : "'"
                        var name = ""
                        var k = j + 1
                        while k < chars.count && chars[k] != close { name.append(chars[k]); k += 1 }
                        names.append(name)
                    }
                } else {
                    names.append(nil)
                }
            }
            i += 1
        }
        return names
    }

    /// A Match object with groups in .NET order (0, unnamed, then named).
    static func matchValue(_ result: NSTextCheckingResult, in text: NSString, names: [String?]) -> MatchValue {
        var groups: [GroupValue] = [group(result, 0, "0", text)]
        var named: [GroupValue] = []
        var unnamedNumber = 0
        for (i, name) in names.enumerated() where i + 1 < result.numberOfRanges {
            if let name {
                named.append(group(result, i + 1, name, text))
            } else {
                unnamedNumber += 1
                groups.append(group(result, i + 1, String(unnamedNumber), text))
            }
        }
        return MatchValue(groups: groups + named)
    }

    private static func group(_ result: NSTextCheckingResult, _ index: Int, _ name: String, _ text: NSString) -> GroupValue {
        let r = result.range(at: index)
        if r.location == NSNotFound { return GroupValue(name: name, success: false, value: "", index: 0, length: 0) }
        return GroupValue(name: name, success: true, value: text.substring(with: r), index: r.location, length: r.length)
    }

    static func failedMatch() -> MatchValue {
        MatchValue(groups: [GroupValue(name: "0", success: false, value: "", index: 0, length: 0)])
    }

    /// `$Matches`: successful groups keyed by number (Int32) or name.
    static func matchesTable(_ m: MatchValue) -> PSHashtable {
        let table = PSHashtable()
        for g in m.groups.reversed() where g.success {
            if let n = Int32(g.name) { table[.int(n)] = .string(g.value) } else { table[string: g.name] = .string(g.value) }
        }
        return table
    }

    /// Expands a .NET replacement pattern: `$1`, `${name}`, `$0`/`$&`, `$$`, `` $` ``, `$'`, `$_`.
    static func expand(_ replacement: String, _ m: MatchValue, input: NSString) -> String {
        guard replacement.contains("$") else { return replacement }
        var out = ""
        let chars = Array(replacement)
        var i = 0
        func groupText(_ key: String) -> String? {
            if let g = m.groups.first(where: { $0.name == key }) { return g.success ? g.value : "" }
            return nil
        }
        while i < chars.count {
            let c = chars[i]
            guard c == "$", i + 1 < chars.count else { out.append(c); i += 1; continue }
            let n = chars[i + 1]
            switch n {
            case "$": out.append("$"); i += 2
            case "&": out += m.value; i += 2
            case "`": out += input.substring(to: m.index); i += 2
            case "'": out += input.substring(from: m.index + m.length); i += 2
            case "_": out += input as String; i += 2
            case "{":
                if let close = chars[(i + 2)...].firstIndex(of: "}") {
                    let key = String(chars[(i + 2)..<close])
                    if let t = groupText(key) { out += t; i = close + 1; continue }
                }
                out.append(c); i += 1
            default:
                if n.isASCII && n.isNumber {
                    var j = i + 1
                    var digits = ""
                    while j < chars.count, chars[j].isASCII, chars[j].isNumber { digits.append(chars[j]); j += 1 }
                    // Longest existing group number wins, as in .NET.
                    while !digits.isEmpty {
                        if let t = groupText(String(Int(digits) ?? -1)) { out += t; break }
                        digits.removeLast()
                        j -= 1
                    }
                    if digits.isEmpty { out.append(c); i += 1 } else { i = j }
                } else {
                    out.append(c); i += 1
                }
            }
        }
        return out
    }
}

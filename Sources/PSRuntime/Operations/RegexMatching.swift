import Foundation

/// Regex matching for cmdlets (Select-String): the engine's pattern cache and its .NET-shaped
/// Match objects, behind a small public surface.
public struct RegexMatcher {
    private let regex: NSRegularExpression
    private let names: [String?]

    /// Compiles `pattern` (a .NET regular expression) through the session's cache; throws
    /// PowerShell's error for an invalid pattern.
    public init(pattern: String, ignoreCase: Bool, context: ExecutionContext?) throws {
        regex = try RegexCache.on(context).regex(pattern, ignoreCase: ignoreCase)
        names = RegexSupport.groupNames(regex.pattern)
    }

    /// The matches in `text`: the first only, or all of them.
    public func matches(in text: String, all: Bool) -> [MatchValue] {
        let ns = text as NSString
        let range = NSRange(location: 0, length: ns.length)
        if !all {
            guard let first = regex.firstMatch(in: text, range: range) else { return [] }
            return [RegexSupport.matchValue(first, in: ns, names: names)]
        }
        return regex.matches(in: text, range: range).map { RegexSupport.matchValue($0, in: ns, names: names) }
    }
}

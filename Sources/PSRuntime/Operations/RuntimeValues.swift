import Foundation

/// `System.Version`: major.minor[.build[.revision]]; missing parts are -1 as in .NET.
public final class VersionValue: TypedValue, Comparable {
    public let major: Int, minor: Int, build: Int, revision: Int

    public init(major: Int, minor: Int, build: Int = -1, revision: Int = -1) {
        self.major = major
        self.minor = minor
        self.build = build
        self.revision = revision
    }

    public convenience init?(parsing text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 4 else { return nil }
        var values: [Int] = []
        for p in parts {
            guard let v = Int(p), v >= 0 else { return nil }
            values.append(v)
        }
        self.init(major: values[0], minor: values[1], build: values.count > 2 ? values[2] : -1,
                  revision: values.count > 3 ? values[3] : -1)
    }

    public var psTypeName: String { "System.Version" }
    public func psToString() -> String {
        var s = "\(major).\(minor)"
        if build >= 0 { s += ".\(build)" }
        if revision >= 0 { s += ".\(revision)" }
        return s
    }

    private var key: [Int] { [major, minor, build, revision] }
    public static func < (a: VersionValue, b: VersionValue) -> Bool { a.key.lexicographicallyPrecedes(b.key) }
    public static func == (a: VersionValue, b: VersionValue) -> Bool { a.key == b.key }
}

/// `System.Text.RegularExpressions.Regex`: a compiled pattern with .NET-style options.
public final class RegexValue: TypedValue {
    public let pattern: String
    public let regex: NSRegularExpression
    public let ignoreCase: Bool

    public init(pattern: String, regex: NSRegularExpression, ignoreCase: Bool) {
        self.pattern = pattern
        self.regex = regex
        self.ignoreCase = ignoreCase
    }

    public var psTypeName: String { "System.Text.RegularExpressions.Regex" }
    public func psToString() -> String { pattern }
}

/// One capture group of a regex match (`System.Text.RegularExpressions.Group`).
public final class GroupValue: TypedValue {
    public let name: String
    public let success: Bool
    public let value: String
    public let index: Int
    public let length: Int

    public init(name: String, success: Bool, value: String, index: Int, length: Int) {
        self.name = name
        self.success = success
        self.value = value
        self.index = index
        self.length = length
    }

    public var psTypeName: String { "System.Text.RegularExpressions.Group" }
    public var psBaseTypeNames: [String] { ["System.Text.RegularExpressions.Capture", "System.Object"] }
    public func psToString() -> String { value }
}

/// A regex match (`System.Text.RegularExpressions.Match`): `.Success .Value .Index .Length .Groups`.
public final class MatchValue: TypedValue {
    public let groups: [GroupValue]

    public init(groups: [GroupValue]) { self.groups = groups }

    public var success: Bool { groups.first?.success ?? false }
    public var value: String { groups.first?.value ?? "" }
    public var index: Int { groups.first?.index ?? 0 }
    public var length: Int { groups.first?.length ?? 0 }

    public var psTypeName: String { "System.Text.RegularExpressions.Match" }
    public var psBaseTypeNames: [String] {
        ["System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture", "System.Object"]
    }
    public func psToString() -> String { value }
}

/// `System.Text.StringBuilder`.
public final class StringBuilderValue: TypedValue {
    public var text: String
    public init(_ text: String = "") { self.text = text }
    public var psTypeName: String { "System.Text.StringBuilder" }
    public func psToString() -> String { text }
}

/// `.psobject` of a value: its properties, type names and base object.
public final class PSMemberSetValue: TypedValue {
    public let target: PSValue
    public init(_ target: PSValue) { self.target = target }
    public var psTypeName: String { "System.Management.Automation.PSObject" }
    public func psToString() -> String { LanguagePrimitives.toString(target, context: nil) }
}

/// One entry of `.psobject.Properties`.
public final class PSPropertyInfoValue: TypedValue {
    public let name: String
    public let value: PSValue
    public let memberType: String
    public let isSettable: Bool
    /// The object the property belongs to, when read from `.PSObject.Properties`: `.Value`
    /// then reads and writes the object's property itself.
    public var owner: PSValue?

    public init(name: String, value: PSValue, memberType: String, isSettable: Bool = true) {
        self.name = name
        self.value = value
        self.memberType = memberType
        self.isSettable = isSettable
    }

    public var psTypeName: String {
        memberType == "NoteProperty" ? "System.Management.Automation.PSNoteProperty" : "System.Management.Automation.PSProperty"
    }
    public var psBaseTypeNames: [String] { ["System.Management.Automation.PSPropertyInfo", "System.Management.Automation.PSMemberInfo", "System.Object"] }
    public func psToString() -> String {
        let typeName = value.isNull ? "object" : PSTypeInfo.of(value).displayName
        return "\(typeName) \(name)=\(LanguagePrimitives.toString(value, context: nil))"
    }
}

/// `System.Text.Encoding` (UTF8, ASCII, Unicode…): what `[text.encoding]::UTF8` returns.
public final class EncodingValue: TypedValue {
    public let name: String
    public let encoding: String.Encoding
    public init(name: String, encoding: String.Encoding) {
        self.name = name
        self.encoding = encoding
    }
    public var psTypeName: String { "System.Text.\(name)Encoding" }
    public var psBaseTypeNames: [String] { ["System.Text.Encoding", "System.Object"] }
    public func psToString() -> String { psTypeName }
}

/// Caches compiled regular expressions per session (patterns repeat in loops).
final class RegexCache {
    private var entries: [String: NSRegularExpression] = [:]
    private var order: [String] = []
    private let capacity = 128

    func regex(_ pattern: String, ignoreCase: Bool, extraOptions: NSRegularExpression.Options = []) throws -> NSRegularExpression {
        var options = extraOptions
        if ignoreCase { options.insert(.caseInsensitive) }
        let key = "\(options.rawValue)\u{1}" + pattern
        if let cached = entries[key] { return cached }
        let compiled: NSRegularExpression
        do {
            compiled = try NSRegularExpression(pattern: RegexTranslation.translate(pattern), options: options)
        } catch {
            throw RuntimeError("The regular expression pattern \(pattern) is not valid.",
                               id: "InvalidRegularExpression", category: .InvalidOperation,
                               exceptionType: "System.Text.RegularExpressions.RegexParseException", target: .string(pattern))
        }
        if order.count >= capacity {
            let oldest = order.removeFirst()
            entries[oldest] = nil
        }
        entries[key] = compiled
        order.append(key)
        return compiled
    }

    /// The cache registered on a session (created on first use).
    static func on(_ context: ExecutionContext?) -> RegexCache {
        guard let context else { return RegexCache() }
        if let existing = context.service(RegexCache.self) { return existing }
        let cache = RegexCache()
        context.register(service: cache)
        return cache
    }
}

/// Adapts .NET regex syntax to ICU's where they differ (named groups `(?<name>…)` are shared;
/// .NET's `(?'name'…)` and `\k'name'` are not in ICU).
enum RegexTranslation {
    static func translate(_ pattern: String) -> String {
        // ICU rejects an empty pattern; .NET matches the empty string at every position.
        if pattern.isEmpty { return "(?:)" }
        guard pattern.contains("'") else { return pattern }
        var out = pattern.replacingOccurrences(of: "(?'", with: "(?<")
        out = out.replacingOccurrences(of: "\\k'", with: "\\k<")
        // Close the translated names: `(?<name'` → `(?<name>`.
        var result = ""
        var inName = false
        var previous: [Character] = []
        for c in out {
            if inName && c == "'" { result.append(">"); inName = false; previous.append(c); continue }
            result.append(c)
            previous.append(c)
            if previous.suffix(3) == ["(", "?", "<"] || previous.suffix(3) == ["\\", "k", "<"] { inName = true }
            if inName && (c == ">" || c == "=" || c == "!") { inName = false }
        }
        return result
    }
}

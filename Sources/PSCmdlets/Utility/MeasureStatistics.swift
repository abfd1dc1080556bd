import Foundation
import PSRuntime

/// Running statistics for one measured property (or for the input objects themselves).
struct MeasureStatistics {
    var count = 0
    var sum = 0.0
    /// Welford's running mean and sum of squared deviations, for the standard deviation.
    var mean = 0.0
    var squaredDeviations = 0.0
    var minimum: PSValue?
    var maximum: PSValue?
    var lines = 0
    var words = 0
    var characters = 0

    mutating func addNumber(_ x: Double) {
        sum += x
        let delta = x - mean
        mean += delta / Double(max(count, 1))
        squaredDeviations += delta * (x - mean)
    }

    /// Keeps the smaller or larger value; numbers compare as numbers, anything else as text.
    static func extreme(_ current: PSValue?, _ candidate: PSValue, wantMinimum: Bool, comparer: ObjectComparer) -> PSValue {
        guard let current else { return candidate }
        let a = numeric(current) ?? current, b = numeric(candidate) ?? candidate
        let c: Int
        if numeric(current) != nil, numeric(candidate) != nil {
            c = comparer.compare(a, b)
        } else {
            c = comparer.compareText(LanguagePrimitives.toString(current, context: comparer.context),
                                     LanguagePrimitives.toString(candidate, context: comparer.context))
        }
        return (wantMinimum ? c > 0 : c < 0) ? candidate : current
    }

    /// The value as a double when it converts to one.
    static func numeric(_ v: PSValue) -> PSValue? {
        switch v.baseValue {
        case .int(let i): return .double(Double(i))
        case .long(let l): return .double(Double(l))
        case .double: return v.baseValue
        case .null, .bool, .dateTime, .char: return nil
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : (try? LanguagePrimitives.toDouble(.string(t))).map { .double($0) }
        case .object:
            return (try? LanguagePrimitives.toDouble(v.baseValue)).map { .double($0) }
        }
    }

    // MARK: Text counts

    static func countWords(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for c in text.unicodeScalars {
            if c.properties.isWhitespace { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// Lines as PowerShell counts them: "a\nb" is two, "a\n" is one.
    static func countLines(_ text: String) -> Int {
        guard !text.isEmpty else { return 0 }
        var lines = 0
        for byte in text.utf8 where byte == 0x0A { lines += 1 }
        if text.utf8.last != 0x0A { lines += 1 }
        return lines
    }

    static func countCharacters(_ text: String, ignoreWhiteSpace: Bool) -> Int {
        guard ignoreWhiteSpace else { return text.utf16.count }
        return text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : $1.utf16.count) }
    }
}

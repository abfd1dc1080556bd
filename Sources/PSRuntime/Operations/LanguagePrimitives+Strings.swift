import Foundation

extension LanguagePrimitives {
    /// The string form of a value as PowerShell converts it (`[string]$x`, `"$x"`): culture-invariant
    /// numbers (doubles with 15 significant digits), arrays joined with `$OFS`, dates as
    /// `MM/dd/yyyy HH:mm:ss`, custom objects as `@{a=1; b=2}`.
    public static func toString(_ v: PSValue, context: ExecutionContext?) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .long(let l): return String(l)
        case .double(let d): return NumberFormatting.formatDouble(d, precision: 15)
        case .string(let s): return s
        case .char(let c): return String(utf16CodeUnits: [c], count: 1)
        case .dateTime(let d): return DateFormatting.invariantString(d)
        case .object(let o):
            if let a = o as? PSArray {
                let separator = context?.outputFieldSeparator ?? " "
                var result = ""
                for (i, item) in a.items.enumerated() {
                    if i > 0 { result += separator }
                    if let inner = item.asArray { result += inner.typeName } else { result += toString(item, context: context) }
                }
                return result
            }
            // An enumerator (`"$input"`) shows the items it still has, and is used up by that.
            if let enumerator = o as? LoopEnumerator { return toString(.array(enumerator.enumerateItems()), context: context) }
            return objectToString(o, context: context)
        }
    }

    static func objectToString(_ o: AnyObject, context: ExecutionContext?) -> String {
        switch o {
        case let h as PSHashtable: return h.typeName
        case let p as PSObject:
            if let text = p.customText { return text }
            if let base = p.baseObject { return toString(base, context: context) }
            if let definition = p.scriptClass {
                // A class shows its name unless it defines ToString().
                if let context, !definition.methods(named: "ToString", isStatic: false).isEmpty,
                   let text = try? ScriptClasses.invokeMethod(p, definition, "ToString", [], context: context) {
                    return toString(text, context: context)
                }
                return definition.name
            }
            return customObjectText(p, context: context)
        case let s as ScriptBlock: return s.text
        case let e as ErrorRecord: return e.message
        case let e as PSException: return e.message
        case let t as PSTypeInfo: return t.displayName
        case let d as DecimalValue: return NumberFormatting.formatDecimal(d.value, scale: d.scale)
        case let d as PSDynamicObject: return d.dynamicDescription
        case let t as TypedValue: return t.psToString()
        case let b as BoxedValue<Int64> where b.typeName == "System.TimeSpan": return TimeSpanFormatting.string(ticks: b.value)
        case let b as BoxedValue<UUID>: return b.value.uuidString.lowercased()
        default:
            if let text = Numeric.boxedText(o) { return text }
            return Numeric.boxedTypeName(o) ?? "System.Object"
        }
    }

    /// `@{a=1; b=System.Object[]}`: the text of a custom object. Nested custom objects nest, to a
    /// limited depth, so an object that contains itself still has a string form.
    static func customObjectText(_ p: PSObject, context: ExecutionContext?, depth: Int = 0) -> String {
        guard depth < 8 else { return "@{…}" }
        var parts: [String] = []
        for property in p.properties {
            let text: String
            if case .object(let o) = property.value, let inner = o as? PSObject, inner.baseObject == nil {
                text = customObjectText(inner, context: context, depth: depth + 1)
            } else {
                text = dotNetToString(property.value, context: context)
            }
            parts.append(property.name + "=" + text)
        }
        return "@{" + parts.joined(separator: "; ") + "}"
    }

    /// What .NET's `ToString()` gives: collections show their type name, doubles their shortest
    /// round-trip form, dates the en-US general format.
    public static func dotNetToString(_ v: PSValue, context: ExecutionContext?) -> String {
        switch v {
        case .double(let d): return NumberFormatting.formatDouble(d, precision: nil)
        case .dateTime(let d): return DotNetFormat.formatDate(d, "G")
        case .object(let o):
            if let a = o as? PSArray { return a.typeName }
            if let t = o as? PSTypeInfo { return t.fullName }
            if let e = o as? PSException { return "\(e.typeName): \(e.message)" }
            if let e = o as? ErrorRecord { return e.message }
            if let p = o as? PSObject, let base = p.baseObject { return dotNetToString(base, context: context) }
            return toString(v, context: context)
        default: return toString(v, context: context)
        }
    }
}

/// Culture-invariant number text, as .NET's "R"/"G15" formats produce it.
public enum NumberFormatting {
    /// Formats a double: `precision` nil gives the shortest round-trip text (.NET's `ToString()`),
    /// otherwise the `G<precision>` form (PowerShell's string conversion uses G15).
    public static func formatDouble(_ d: Double, precision: Int?) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return d.sign == .minus && precision == nil ? "-0" : "0" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        var (digits, exponent) = shortestDigits(abs(d))
        if let p = precision, digits.count > p {
            (digits, exponent) = round(digits, exponent, to: p)
        }
        return layout(digits, exponent, negative: d < 0, scientificAt: precision ?? 15)
    }

    /// Digits (no leading/trailing zeros) and the exponent of the first digit, from Swift's
    /// shortest round-trip description.
    static func shortestDigits(_ d: Double) -> ([UInt8], Int) {
        var text = Substring(d.description)
        var exponentPart = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponentPart = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var digits: [UInt8] = []
        var intCount = 0
        var sawDot = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") { sawDot = true; continue }
            digits.append(byte - 48)
            if !sawDot { intCount += 1 }
        }
        var exponent = intCount - 1 + exponentPart
        var lead = 0
        while lead < digits.count - 1 && digits[lead] == 0 { lead += 1 }
        digits.removeFirst(lead)
        exponent -= lead
        while digits.count > 1 && digits.last == 0 { digits.removeLast() }
        return (digits, exponent)
    }

    static func round(_ digits: [UInt8], _ exponent: Int, to count: Int) -> ([UInt8], Int) {
        var kept = Array(digits.prefix(count))
        var exponent = exponent
        if digits[count] >= 5 {
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; break }
            }
            if i < 0 { kept.insert(1, at: 0); kept.removeLast(); exponent += 1 }
        }
        while kept.count > 1 && kept.last == 0 { kept.removeLast() }
        return (kept, exponent)
    }

    static func layout(_ digits: [UInt8], _ exponent: Int, negative: Bool, scientificAt: Int) -> String {
        var out = negative ? "-" : ""
        let chars = digits.map { Character(Unicode.Scalar($0 + 48)) }
        // .NET switches to scientific notation from an exponent of -5 down (0.0001, then 1E-05).
        if exponent >= scientificAt || exponent < -4 {
            out.append(chars[0])
            if chars.count > 1 { out += "."; out += String(chars[1...]) }
            out += exponent < 0 ? "E-" : "E+"
            let e = abs(exponent)
            out += e < 10 ? "0\(e)" : String(e)
            return out
        }
        if exponent < 0 {
            out += "0." + String(repeating: "0", count: -exponent - 1) + String(chars)
            return out
        }
        if chars.count <= exponent + 1 {
            out += String(chars) + String(repeating: "0", count: exponent + 1 - chars.count)
        } else {
            out += String(chars[...exponent]) + "." + String(chars[(exponent + 1)...])
        }
        return out
    }

    public static func formatDecimal(_ d: Decimal, scale: Int = 0) -> String {
        var text = NSDecimalNumber(decimal: d).description(withLocale: Locale(identifier: "en_US_POSIX"))
        guard scale > 0 else { return text }
        let fraction = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? -1
        if fraction < 0 { text += "." }
        if fraction < scale { text += String(repeating: "0", count: scale - max(fraction, 0)) }
        return text
    }
}

/// `[d.]hh:mm:ss[.fffffff]`, the constant TimeSpan format.
public enum TimeSpanFormatting {
    public static let ticksPerSecond: Int64 = 10_000_000

    public static func string(ticks: Int64) -> String {
        var out = ticks < 0 ? "-" : ""
        let t = ticks.magnitude
        let tps = UInt64(ticksPerSecond)
        let days = t / (tps * 86400)
        let hours = (t / (tps * 3600)) % 24
        let minutes = (t / (tps * 60)) % 60
        let seconds = (t / tps) % 60
        let fraction = t % tps
        if days > 0 { out += "\(days)." }
        out += pad(hours) + ":" + pad(minutes) + ":" + pad(seconds)
        if fraction > 0 {
            let f = String(fraction)
            out += "." + String(repeating: "0", count: 7 - f.count) + f
        }
        return out
    }

    private static func pad(_ v: UInt64) -> String { v < 10 ? "0\(v)" : String(v) }

    /// Parses `[-][d.]hh:mm[:ss[.fffffff]]` or a plain number of days.
    public static func parse(_ text: String) -> Int64? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
        if let days = Int64(s) { return (negative ? -1 : 1) * days * 86400 * ticksPerSecond }
        var days: Int64 = 0
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3 else { return nil }
        var first = parts[0]
        if let dot = first.firstIndex(of: ".") {
            guard let d = Int64(first[..<dot]) else { return nil }
            days = d
            first = first[first.index(after: dot)...]
        }
        guard let hours = Int64(first), hours < 24, let minutes = Int64(parts[1]), minutes < 60 else { return nil }
        var seconds: Int64 = 0, fraction: Int64 = 0
        if parts.count == 3 {
            var sec = parts[2]
            if let dot = sec.firstIndex(of: ".") {
                let f = sec[sec.index(after: dot)...]
                guard !f.isEmpty, f.count <= 7, let fv = Int64(f) else { return nil }
                fraction = fv * Int64(pow(10.0, Double(7 - f.count)))
                sec = sec[..<dot]
            }
            guard let s = Int64(sec), s < 60 else { return nil }
            seconds = s
        }
        let total = ((days * 24 + hours) * 60 + minutes) * 60 + seconds
        return (negative ? -1 : 1) * (total * ticksPerSecond + fraction)
    }
}

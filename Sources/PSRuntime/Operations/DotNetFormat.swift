import BigInt
import Foundation

/// .NET format strings (en-US conventions): composite formatting for `-f`, standard and custom
/// numeric formats, and date formats (`DotNetFormat+Date.swift`).
public enum DotNetFormat {
    /// Formats one value with a .NET format string, as `$value.ToString(format)` does.
    public static func format(_ value: PSValue, _ format: String) -> String {
        let v = value.baseValue
        if case .dateTime(let d) = v { return formatDate(d, format) }
        if let ticks = v.asTimeSpanTicks { return TimeSpanFormatting.string(ticks: ticks) }
        if format.isEmpty { return LanguagePrimitives.dotNetToString(v, context: nil) }
        if let n = Numeric.of(v) { return formatNumber(n, format) ?? format }
        return LanguagePrimitives.dotNetToString(v, context: nil)
    }

    /// `String.Format`: `{index[,alignment][:format]}` with `{{`/`}}` escapes.
    public static func composite(_ format: String, _ arguments: [PSValue]) throws -> String {
        var out = ""
        let chars = Array(format)
        var i = 0
        func fail() -> RuntimeError {
            RuntimeError("Error formatting a string: Input string was not in a correct format.",
                         id: "FormatError", category: .InvalidOperation, exceptionType: "System.FormatException",
                         target: .string(format))
        }
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" { out.append("{"); i += 2; continue }
                i += 1
                var indexText = ""
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { indexText.append(chars[i]); i += 1 }
                while i < chars.count, chars[i] == " " { i += 1 }
                guard let index = Int(indexText) else { throw fail() }
                var alignment = 0
                if i < chars.count, chars[i] == "," {
                    i += 1
                    while i < chars.count, chars[i] == " " { i += 1 }
                    var text = ""
                    if i < chars.count, chars[i] == "-" { text.append("-"); i += 1 }
                    while i < chars.count, chars[i].isASCII, chars[i].isNumber { text.append(chars[i]); i += 1 }
                    while i < chars.count, chars[i] == " " { i += 1 }
                    guard let a = Int(text) else { throw fail() }
                    alignment = a
                }
                var itemFormat: String?
                if i < chars.count, chars[i] == ":" {
                    i += 1
                    var text = ""
                    while i < chars.count {
                        if chars[i] == "}" {
                            if i + 1 < chars.count && chars[i + 1] == "}" { text.append("}"); i += 2; continue }
                            break
                        }
                        if chars[i] == "{" {
                            if i + 1 < chars.count && chars[i + 1] == "{" { text.append("{"); i += 2; continue }
                            throw fail()
                        }
                        text.append(chars[i]); i += 1
                    }
                    itemFormat = text
                }
                guard i < chars.count, chars[i] == "}" else { throw fail() }
                i += 1
                guard index < arguments.count else {
                    throw RuntimeError("Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..",
                                       id: "FormatError", category: .InvalidOperation, exceptionType: "System.FormatException",
                                       target: .string(format))
                }
                let arg = arguments[index]
                var text: String
                if arg.isNull { text = "" } else if let f = itemFormat { text = self.format(arg, f) } else {
                    text = LanguagePrimitives.dotNetToString(arg, context: nil)
                }
                let width = abs(alignment)
                if text.count < width {
                    let pad = String(repeating: " ", count: width - text.count)
                    text = alignment < 0 ? text + pad : pad + text
                }
                out += text
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw fail()
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    // MARK: Numbers

    /// Formats a number with a standard (`C D E F G N P X R`) or custom (`0.00`, `#,##0`) format.
    static func formatNumber(_ n: Numeric, _ format: String) -> String? {
        let first = format.first!
        let rest = format.dropFirst()
        if first.isLetter, rest.allSatisfy({ $0.isASCII && $0.isNumber }), rest.count <= 3 {
            let precision = rest.isEmpty ? nil : Int(rest)
            if let s = standard(n, first, precision) { return s }
        }
        return custom(n, format)
    }

    private static func standard(_ n: Numeric, _ spec: Character, _ precision: Int?) -> String? {
        switch spec {
        case "D", "d":
            let digits: String
            switch n {
            case .int(let i): digits = String(i.magnitude); if i < 0 { return "-" + pad(digits, precision) }
            case .long(let l): digits = String(l.magnitude); if l < 0 { return "-" + pad(digits, precision) }
            case .uint(let u): digits = String(u)
            case .ulong(let u): digits = String(u)
            case .bigInteger(let b): digits = String(b.magnitude); if b.sign == .minus && !b.isZero { return "-" + pad(digits, precision) }
            default: return nil
            }
            return pad(digits, precision)
        case "X", "x":
            var text: String
            switch n {
            case .int(let i): text = String(UInt32(bitPattern: i), radix: 16)
            case .long(let l): text = String(UInt64(bitPattern: l), radix: 16)
            case .uint(let u): text = String(u, radix: 16)
            case .ulong(let u): text = String(u, radix: 16)
            default: return nil
            }
            if spec == "X" { text = text.uppercased() }
            return pad(text, precision)
        case "F", "f":
            return fixed(n, precision ?? 2, grouping: false)
        case "N", "n":
            return fixed(n, precision ?? 2, grouping: true)
        case "C", "c":
            let body = fixed(n, precision ?? 2, grouping: true)
            return body.hasPrefix("-") ? "-$" + body.dropFirst() : "$" + body
        case "P", "p":
            let scaled = DigitString(n).shifted(by: 2)
            return scaled.render(fraction: precision ?? 2, grouping: true) + "%"
        case "E", "e":
            return scientific(DigitString(n), precision ?? 6, upper: spec == "E", minExponentDigits: 3)
        case "G", "g":
            switch n {
            case .double(let d): return NumberFormatting.formatDouble(d, precision: precision.map { $0 == 0 ? 15 : $0 })
            case .decimal(let d): return NumberFormatting.formatDecimal(d)
            case .int(let i): return String(i)
            case .long(let l): return String(l)
            case .uint(let u): return String(u)
            case .ulong(let u): return String(u)
            case .bigInteger(let b): return String(b)
            }
        case "R", "r":
            if case .double(let d) = n { return NumberFormatting.formatDouble(d, precision: nil) }
            return standard(n, "G", nil)
        default:
            return nil
        }
    }

    private static func pad(_ digits: String, _ precision: Int?) -> String {
        guard let p = precision, digits.count < p else { return digits }
        return String(repeating: "0", count: p - digits.count) + digits
    }

    private static func fixed(_ n: Numeric, _ decimals: Int, grouping: Bool) -> String {
        DigitString(n).render(fraction: decimals, grouping: grouping)
    }

    private static func scientific(_ ds: DigitString, _ decimals: Int, upper: Bool, minExponentDigits: Int) -> String {
        var d = ds
        if d.digits.isEmpty {
            return "0" + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "") + (upper ? "E+" : "e+") + String(repeating: "0", count: minExponentDigits)
        }
        let exponent = d.pointPosition - 1
        d.pointPosition = 1
        d.round(fraction: decimals)
        var e = exponent
        if d.pointPosition > 1 { e += 1; d.pointPosition = 1 }
        var mantissa = d.render(fraction: decimals, grouping: false)
        if d.negative && !mantissa.hasPrefix("-") { mantissa = "-" + mantissa }
        let expDigits = String(abs(e))
        return mantissa + (upper ? "E" : "e") + (e < 0 ? "-" : "+") + String(repeating: "0", count: max(0, minExponentDigits - expDigits.count)) + expDigits
    }

    // MARK: Custom numeric formats

    private static func custom(_ n: Numeric, _ format: String) -> String {
        // Sections: positive;negative;zero
        let sections = splitSections(format)
        var ds = DigitString(n)
        var section = sections[0]
        var useSign = true
        if sections.count > 1 && ds.negative { section = sections[1]; useSign = false }
        let isZero = ds.digits.isEmpty
        if sections.count > 2 && isZero { section = sections[2] }
        let chars = Array(section)
        // Analyse placeholders.
        var percent = 0, decimalSeen = false, grouping = false
        var intZeros = 0, fracZeros = 0, fracHashes = 0, intDigitsSeen = 0
        var scalingCommas = 0, lastWasDigitPlaceholder = false
        var exponentAt: Int?
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "'", "\"":
                i += 1
                while i < chars.count && chars[i] != c { i += 1 }
            case "\\": i += 1
            case "0", "#":
                if decimalSeen { if c == "0" { fracZeros += fracHashes + 1; fracHashes = 0 } else { fracHashes += 1 } } else {
                    intDigitsSeen += 1
                    if c == "0" || intZeros > 0 { intZeros += c == "0" ? 1 : 0 }
                    if scalingCommas > 0 { grouping = true; scalingCommas = 0 }
                }
                lastWasDigitPlaceholder = true
            case ".": decimalSeen = true; lastWasDigitPlaceholder = false
            case ",":
                if !decimalSeen && lastWasDigitPlaceholder { scalingCommas += 1 }
            case "%": percent += 1; lastWasDigitPlaceholder = false
            case "E", "e":
                if i + 1 < chars.count, ["0", "+", "-"].contains(chars[i + 1]), exponentAt == nil {
                    exponentAt = i
                    i = chars.count
                    continue
                }
                lastWasDigitPlaceholder = false
            default: lastWasDigitPlaceholder = false
            }
            i += 1
        }
        if scalingCommas > 0 { ds = ds.shifted(by: -3 * scalingCommas) }
        if percent > 0 { ds = ds.shifted(by: 2 * percent) }
        let fractionDigits = fracZeros + fracHashes
        ds.round(fraction: fractionDigits)
        // Integer digits of the rounded value.
        var intDigits = ds.integerDigits
        if intDigits.count < intZeros { intDigits = String(repeating: "0", count: intZeros - intDigits.count) + intDigits }
        if intDigits == "0" && intZeros == 0 { intDigits = "" }
        if grouping { intDigits = group(intDigits) }
        var fraction = ds.fractionDigits(fractionDigits)
        while fraction.count > fracZeros && fraction.hasSuffix("0") { fraction.removeLast() }
        // Emit: integer digits go at the first digit placeholder, the fraction after '.'.
        var out = ""
        var emittedInteger = false
        var fracIndex = fraction.startIndex
        decimalSeen = false
        i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "'", "\"":
                i += 1
                while i < chars.count && chars[i] != c { out.append(chars[i]); i += 1 }
            case "\\":
                if i + 1 < chars.count { out.append(chars[i + 1]) }
                i += 1
            case "0", "#":
                if !decimalSeen {
                    if !emittedInteger { out += intDigits; emittedInteger = true }
                } else if fracIndex < fraction.endIndex {
                    out.append(fraction[fracIndex])
                    fracIndex = fraction.index(after: fracIndex)
                }
            case ".":
                decimalSeen = true
                if !emittedInteger { out += intDigits; emittedInteger = true }
                if !fraction.isEmpty { out += "." }
            case ",": break
            default:
                if let e = exponentAt, i == e {
                    i = chars.count
                    continue
                }
                out.append(c)
            }
            i += 1
        }
        if !emittedInteger { out = intDigits + out }
        let allZero = !ds.digits.contains { $0 != 0 }
        if useSign && ds.negative && !allZero { out = "-" + out }
        return out
    }

    private static func splitSections(_ format: String) -> [String] {
        var sections: [String] = [""]
        var quote: Character?
        var escape = false
        for c in format {
            if escape { sections[sections.count - 1].append(c); escape = false; continue }
            if let q = quote { if c == q { quote = nil }; sections[sections.count - 1].append(c); continue }
            if c == "\\" { escape = true; sections[sections.count - 1].append(c); continue }
            if c == "'" || c == "\"" { quote = c }
            if c == ";" { sections.append(""); continue }
            sections[sections.count - 1].append(c)
        }
        return sections
    }

    static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}

/// A decimal digit string with a point position, for formatting without binary rounding surprises.
struct DigitString {
    var negative: Bool
    /// Significant digits without leading zeros; empty for zero.
    var digits: [UInt8]
    /// Number of digits before the decimal point (may be ≤ 0 or exceed `digits.count`).
    var pointPosition: Int

    init(_ n: Numeric) {
        switch n {
        case .int(let i): self.init(text: String(i.magnitude), negative: i < 0)
        case .long(let l): self.init(text: String(l.magnitude), negative: l < 0)
        case .uint(let u): self.init(text: String(u), negative: false)
        case .ulong(let u): self.init(text: String(u), negative: false)
        case .bigInteger(let b): self.init(text: String(b.magnitude), negative: b.sign == .minus && !b.isZero)
        case .decimal(let d): self.init(text: NumberFormatting.formatDecimal(d.magnitude), negative: d < 0)
        case .double(let d):
            if d == 0 || !d.isFinite {
                self.init(digits: [], pointPosition: 1, negative: d < 0)
            } else {
                let (ds, e) = NumberFormatting.shortestDigits(abs(d))
                self.init(digits: ds, pointPosition: e + 1, negative: d < 0)
            }
        }
    }

    init(digits: [UInt8], pointPosition: Int, negative: Bool) {
        self.digits = digits
        self.pointPosition = pointPosition
        self.negative = negative
    }

    init(text: String, negative: Bool) {
        self.negative = negative
        var ds: [UInt8] = []
        var intCount = 0, sawDot = false
        for b in text.utf8 {
            if b == UInt8(ascii: ".") { sawDot = true; continue }
            guard b >= 48 && b <= 57 else { continue }
            ds.append(b - 48)
            if !sawDot { intCount += 1 }
        }
        var lead = 0
        while lead < ds.count && ds[lead] == 0 { lead += 1 }
        ds.removeFirst(lead)
        while let last = ds.last, last == 0 { ds.removeLast() }
        digits = ds
        pointPosition = ds.isEmpty ? 1 : intCount - lead
    }

    func shifted(by places: Int) -> DigitString {
        var c = self
        if !c.digits.isEmpty { c.pointPosition += places }
        return c
    }

    /// Rounds half away from zero to `fraction` digits after the point.
    mutating func round(fraction: Int) {
        let keep = pointPosition + fraction
        guard keep < digits.count else { return }
        if keep < 0 { digits = []; pointPosition = 1; return }
        let roundUp = digits[keep] >= 5
        digits = Array(digits.prefix(keep))
        if roundUp {
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
            }
            if i < 0 { digits.insert(1, at: 0); pointPosition += 1 }
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { pointPosition = 1 }
    }

    var integerDigits: String {
        if pointPosition <= 0 || digits.isEmpty { return "0" }
        var s = ""
        for i in 0..<pointPosition { s.append(Character(Unicode.Scalar((i < digits.count ? digits[i] : 0) + 48))) }
        return s
    }

    func fractionDigits(_ count: Int) -> String {
        var s = ""
        for k in 0..<count {
            let index = pointPosition + k
            let d: UInt8 = index >= 0 && index < digits.count ? digits[index] : 0
            s.append(Character(Unicode.Scalar(d + 48)))
        }
        return s
    }

    func render(fraction: Int, grouping: Bool) -> String {
        var c = self
        c.round(fraction: fraction)
        var text = grouping ? DotNetFormat.group(c.integerDigits) : c.integerDigits
        if fraction > 0 { text += "." + c.fractionDigits(fraction) }
        return (c.negative && !c.digits.isEmpty ? "-" : "") + text
    }
}

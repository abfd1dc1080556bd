import Foundation

/// A number normalised for arithmetic: PowerShell computes in Int32, Int64, Double or Decimal
/// (smaller integer types widen to Int32, Single to Double, as .NET's binary operators do).
enum Numeric {
    case int(Int32)
    case long(Int64)
    case double(Double)
    case decimal(Decimal)

    var isZero: Bool {
        switch self {
        case .int(let i): return i == 0
        case .long(let l): return l == 0
        case .double(let d): return d == 0
        case .decimal(let d): return d.isZero
        }
    }

    var asDouble: Double {
        switch self {
        case .int(let i): return Double(i)
        case .long(let l): return Double(l)
        case .double(let d): return d
        case .decimal(let d): return NSDecimalNumber(decimal: d).doubleValue
        }
    }

    var asDecimal: Decimal {
        switch self {
        case .int(let i): return Decimal(Int(i))
        case .long(let l): return Decimal(l)
        case .double(let d): return Decimal(d)
        case .decimal(let d): return d
        }
    }

    var value: PSValue {
        switch self {
        case .int(let i): return .int(i)
        case .long(let l): return .long(l)
        case .double(let d): return .double(d)
        case .decimal(let d): return .decimal(d)
        }
    }

    /// The numeric value held by a value of a numeric type (no string parsing).
    static func of(_ v: PSValue) -> Numeric? {
        switch v {
        case .int(let i): return .int(i)
        case .long(let l): return .long(l)
        case .double(let d): return .double(d)
        case .object(let o):
            if let p = o as? PSObject, let base = p.baseObject { return of(base) }
            return boxed(o)
        default: return nil
        }
    }

    /// Numbers boxed as objects: Decimal and the less common integer and float types.
    static func boxed(_ o: AnyObject) -> Numeric? {
        switch o {
        case let d as DecimalValue: return .decimal(d.value)
        case let e as EnumValue: return e.value >= Int64(Int32.min) && e.value <= Int64(Int32.max) ? .int(Int32(e.value)) : .long(e.value)
        case let b as BoxedValue<UInt8>: return .int(Int32(b.value))
        case let b as BoxedValue<Int8>: return .int(Int32(b.value))
        case let b as BoxedValue<Int16>: return .int(Int32(b.value))
        case let b as BoxedValue<UInt16>: return .int(Int32(b.value))
        case let b as BoxedValue<UInt32>: return .long(Int64(b.value))
        case let b as BoxedValue<UInt64>:
            return b.value <= UInt64(Int64.max) ? .long(Int64(b.value)) : .decimal(Decimal(b.value))
        case let b as BoxedValue<Float>: return .double(Double(b.value))
        default: return nil
        }
    }

    static func boxedTypeName(_ o: AnyObject) -> String? {
        switch o {
        case is DecimalValue: return "System.Decimal"
        case let b as BoxedValue<UInt8>: return b.typeName
        case let b as BoxedValue<Int8>: return b.typeName
        case let b as BoxedValue<Int16>: return b.typeName
        case let b as BoxedValue<UInt16>: return b.typeName
        case let b as BoxedValue<UInt32>: return b.typeName
        case let b as BoxedValue<UInt64>: return b.typeName
        case let b as BoxedValue<Float>: return b.typeName
        case let b as BoxedValue<Int64>: return b.typeName
        case let b as BoxedValue<UUID>: return b.typeName
        default: return nil
        }
    }

    /// The integral value of a boxed small integer type, for `ToString()` and formatting.
    static func boxedText(_ o: AnyObject) -> String? {
        switch o {
        case let b as BoxedValue<UInt8>: return String(b.value)
        case let b as BoxedValue<Int8>: return String(b.value)
        case let b as BoxedValue<Int16>: return String(b.value)
        case let b as BoxedValue<UInt16>: return String(b.value)
        case let b as BoxedValue<UInt32>: return String(b.value)
        case let b as BoxedValue<UInt64>: return String(b.value)
        case let b as BoxedValue<Float>: return NumberFormatting.formatDouble(Double(b.value), precision: 7)
        default: return nil
        }
    }

    /// The smallest of Int32/Int64/Decimal/Double that holds an integer.
    static func integer(_ d: Decimal) -> Numeric {
        if d >= Decimal(Int32.min) && d <= Decimal(Int32.max) { return .int(Int32(truncating: NSDecimalNumber(decimal: d))) }
        if d >= Decimal(Int64.min) && d <= Decimal(Int64.max) { return .long(Int64(truncating: NSDecimalNumber(decimal: d))) }
        return .decimal(d)
    }
}

extension PSValue {
    public static func sbyte(_ v: Int8) -> PSValue { .object(BoxedValue(v, typeName: "System.SByte")) }
    public static func int16(_ v: Int16) -> PSValue { .object(BoxedValue(v, typeName: "System.Int16")) }
    public static func uint16(_ v: UInt16) -> PSValue { .object(BoxedValue(v, typeName: "System.UInt16")) }
    public static func uint32(_ v: UInt32) -> PSValue { .object(BoxedValue(v, typeName: "System.UInt32")) }
    public static func uint64(_ v: UInt64) -> PSValue { .object(BoxedValue(v, typeName: "System.UInt64")) }
    public static func single(_ v: Float) -> PSValue { .object(BoxedValue(v, typeName: "System.Single")) }

    public var asGuid: UUID? {
        if case .object(let o) = self, let b = o as? BoxedValue<UUID> { return b.value }
        return nil
    }
}

/// PowerShell's number syntax for strings converted to numbers: `0x1F`, `0b101`, `1.5e3`,
/// `10kb`, type suffixes `l` and `d`, surrounding whitespace, a leading sign.
enum NumberParser {
    static func parse(_ text: String) -> Numeric? {
        var s = Substring(text).trimmingCharacters(in: .whitespacesAndNewlines)[...]
        if s.isEmpty { return nil }
        var negative = false
        if let first = s.first, first == "-" || first == "+" || first == "\u{2013}" {
            negative = first != "+"
            s = s.dropFirst()
        }
        if s.isEmpty { return nil }
        let lower = s.lowercased()
        switch lower {
        case "infinity", "∞": return .double(negative ? -.infinity : .infinity)
        case "nan": return .double(.nan)
        default: break
        }
        // Multiplier suffix.
        var multiplier: Int64 = 1
        var body = Substring(lower)
        for (suffix, factor) in [("kb", Int64(1) << 10), ("mb", Int64(1) << 20), ("gb", Int64(1) << 30),
                                 ("tb", Int64(1) << 40), ("pb", Int64(1) << 50)] where body.hasSuffix(suffix) {
            multiplier = factor
            body = body.dropLast(2)
            break
        }
        if body.hasPrefix("0x") { return hex(body.dropFirst(2), negative: negative, multiplier: multiplier) }
        if body.hasPrefix("0b") { return binary(body.dropFirst(2), negative: negative, multiplier: multiplier) }
        var suffix: Character?
        if let last = body.last, last == "l" || last == "d" {
            suffix = last
            body = body.dropLast()
        }
        guard isDecimalSyntax(body) else { return nil }
        let isReal = body.contains(".") || body.contains("e")
        if suffix == "d" {
            guard var d = Decimal(string: String(body), locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            if negative { d = -d }
            return .decimal(d * Decimal(multiplier))
        }
        if isReal {
            guard var d = Double(body) else { return nil }
            if negative { d = -d }
            return .double(d * Double(multiplier))
        }
        // Integer: widen as needed.
        if let magnitude = UInt64(body) {
            let (product, overflow) = magnitude.multipliedReportingOverflow(by: UInt64(multiplier))
            if !overflow {
                if negative {
                    if product <= UInt64(Int64.max) { return narrowed(-Int64(product), long: suffix == "l") }
                    if product == UInt64(Int64.max) + 1 { return .long(Int64.min) }
                } else if product <= UInt64(Int64.max) {
                    return narrowed(Int64(product), long: suffix == "l")
                }
            }
        }
        guard var d = Decimal(string: String(body), locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        if negative { d = -d }
        d *= Decimal(multiplier)
        if suffix == "l" { return nil }
        return .double(NSDecimalNumber(decimal: d).doubleValue)
    }

    private static func narrowed(_ v: Int64, long: Bool) -> Numeric {
        if !long, v >= Int64(Int32.min), v <= Int64(Int32.max) { return .int(Int32(v)) }
        return .long(v)
    }

    private static func isDecimalSyntax(_ s: Substring) -> Bool {
        var sawDigit = false, sawDot = false, sawE = false, previous: Character = " "
        for c in s {
            switch c {
            case "0"..."9": sawDigit = true
            case ".": if sawDot || sawE { return false }; sawDot = true
            case "e": if sawE || !sawDigit { return false }; sawE = true
            case "+", "-": if previous != "e" { return false }
            default: return false
            }
            previous = c
        }
        return sawDigit && previous != "e" && previous != "+" && previous != "-"
    }

    private static func hex(_ digits: Substring, negative: Bool, multiplier: Int64) -> Numeric? {
        var body = digits
        var long = false
        if body.hasSuffix("l") { long = true; body = body.dropLast() }
        guard !body.isEmpty, body.count <= 16, let raw = UInt64(body, radix: 16) else { return nil }
        var value: Int64
        if !long && body.count <= 8 {
            value = Int64(Int32(bitPattern: UInt32(raw)))
        } else {
            value = Int64(bitPattern: raw)
        }
        if negative { value = -value }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        if overflow { return .double(Double(value) * Double(multiplier)) }
        return narrowed(product, long: long)
    }

    private static func binary(_ digits: Substring, negative: Bool, multiplier: Int64) -> Numeric? {
        guard !digits.isEmpty, digits.count <= 64, let raw = UInt64(digits, radix: 2) else { return nil }
        var value = digits.count <= 32 ? Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: raw))) : Int64(bitPattern: raw)
        if negative { value = -value }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        if overflow { return .double(Double(value) * Double(multiplier)) }
        return narrowed(product, long: false)
    }
}

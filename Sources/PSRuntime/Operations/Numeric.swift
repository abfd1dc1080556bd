import BigInt
import Foundation
import PSLanguage

/// A number normalised for arithmetic. PowerShell computes in Int32, UInt32, Int64, UInt64,
/// Double, Decimal or BigInteger: smaller integer types widen to Int32 and Single to Double, as
/// .NET's binary operators do.
enum Numeric {
    case int(Int32)
    case uint(UInt32)
    case long(Int64)
    case ulong(UInt64)
    case double(Double)
    case decimal(Decimal)
    case bigInteger(BigInt)

    var isZero: Bool {
        switch self {
        case .int(let i): return i == 0
        case .uint(let u): return u == 0
        case .long(let l): return l == 0
        case .ulong(let u): return u == 0
        case .double(let d): return d == 0
        case .decimal(let d): return d.isZero
        case .bigInteger(let b): return b.isZero
        }
    }

    var isNegative: Bool {
        switch self {
        case .int(let i): return i < 0
        case .long(let l): return l < 0
        case .double(let d): return d < 0
        case .decimal(let d): return d < 0
        case .bigInteger(let b): return b.sign == .minus && !b.isZero
        case .uint, .ulong: return false
        }
    }

    var asDouble: Double {
        switch self {
        case .int(let i): return Double(i)
        case .uint(let u): return Double(u)
        case .long(let l): return Double(l)
        case .ulong(let u): return Double(u)
        case .double(let d): return d
        case .decimal(let d): return NSDecimalNumber(decimal: d).doubleValue
        case .bigInteger(let b): return Double(b)
        }
    }

    /// The value as a Decimal; nil when it is out of System.Decimal's range (or NaN).
    var asExactDecimal: Decimal? {
        switch self {
        case .int(let i): return Decimal(Int(i))
        case .uint(let u): return Decimal(UInt(u))
        case .long(let l): return Decimal(l)
        case .ulong(let u): return Decimal(u)
        case .double(let d): return DecimalMath.fromDouble(d)
        case .decimal(let d): return d
        case .bigInteger(let b):
            guard b.magnitude <= NumberLiteral.decimalMax.magnitude else { return nil }
            return Decimal(string: String(b), locale: Locale(identifier: "en_US_POSIX"))
        }
    }

    var asDecimal: Decimal { asExactDecimal ?? 0 }

    /// The value as a BigInteger; reals truncate toward zero as .NET's explicit conversion does.
    var asBigInt: BigInt? {
        switch self {
        case .int(let i): return BigInt(i)
        case .uint(let u): return BigInt(u)
        case .long(let l): return BigInt(l)
        case .ulong(let u): return BigInt(u)
        case .double(let d): return d.isFinite ? BigInt(d) : nil
        case .decimal(let d): return BigInt(truncating: d)
        case .bigInteger(let b): return b
        }
    }

    /// Exact integral value for integer kinds (Int128 holds every Int64 and UInt64).
    var asInt128: Int128? {
        switch self {
        case .int(let i): return Int128(i)
        case .uint(let u): return Int128(u)
        case .long(let l): return Int128(l)
        case .ulong(let u): return Int128(u)
        case .bigInteger(let b): return Int128(exactly: b)
        case .double, .decimal: return nil
        }
    }

    var value: PSValue {
        switch self {
        case .int(let i): return .int(i)
        case .uint(let u): return .uint32(u)
        case .long(let l): return .long(l)
        case .ulong(let u): return .uint64(u)
        case .double(let d): return .double(d)
        case .decimal(let d): return .decimal(d)
        case .bigInteger(let b): return .bigInteger(b)
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

    /// Numbers boxed as objects: Decimal, BigInteger and the less common integer and float types.
    static func boxed(_ o: AnyObject) -> Numeric? {
        switch o {
        case let d as DecimalValue: return .decimal(d.value)
        case let e as EnumValue: return e.value >= Int64(Int32.min) && e.value <= Int64(Int32.max) ? .int(Int32(e.value)) : .long(e.value)
        case let b as BoxedValue<UInt8>: return .int(Int32(b.value))
        case let b as BoxedValue<Int8>: return .int(Int32(b.value))
        case let b as BoxedValue<Int16>: return .int(Int32(b.value))
        case let b as BoxedValue<UInt16>: return .int(Int32(b.value))
        case let b as BoxedValue<UInt32>: return .uint(b.value)
        case let b as BoxedValue<UInt64>: return .ulong(b.value)
        case let b as BoxedValue<BigInt>: return .bigInteger(b.value)
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
        case let b as BoxedValue<BigInt>: return b.typeName
        case let b as BoxedValue<Float>: return b.typeName
        case let b as BoxedValue<Int64>: return b.typeName
        case let b as BoxedValue<UUID>: return b.typeName
        default: return nil
        }
    }

    /// The text of a boxed integer or float type, for `ToString()` and formatting.
    static func boxedText(_ o: AnyObject) -> String? {
        switch o {
        case let b as BoxedValue<UInt8>: return String(b.value)
        case let b as BoxedValue<Int8>: return String(b.value)
        case let b as BoxedValue<Int16>: return String(b.value)
        case let b as BoxedValue<UInt16>: return String(b.value)
        case let b as BoxedValue<UInt32>: return String(b.value)
        case let b as BoxedValue<UInt64>: return String(b.value)
        case let b as BoxedValue<BigInt>: return String(b.value)
        case let b as BoxedValue<Float>: return NumberFormatting.formatDouble(Double(b.value), precision: 7)
        default: return nil
        }
    }

    /// The smallest of Int32/Int64/Decimal that holds an integer.
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
    public static func bigInteger(_ v: BigInt) -> PSValue { .object(BoxedValue(v, typeName: "System.Numerics.BigInteger")) }

    public var asGuid: UUID? {
        if case .object(let o) = self, let b = o as? BoxedValue<UUID> { return b.value }
        return nil
    }

    /// The value of a numeric literal of the language.
    static func constant(_ c: ConstantValue) -> PSValue {
        switch c {
        case .int(let i): return .int(i)
        case .long(let l): return .long(l)
        case .double(let d): return .double(d)
        case .decimal(let text):
            return .decimal(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0, scale: DecimalValue.scale(ofText: text))
        case .byte(let b): return .byte(b)
        case .sbyte(let b): return .sbyte(b)
        case .short(let s): return .int16(s)
        case .ushort(let s): return .uint16(s)
        case .uint(let u): return .uint32(u)
        case .ulong(let u): return .uint64(u)
        case .bigInteger(let b): return .bigInteger(b)
        case .bool(let b): return .bool(b)
        case .null: return .null
        }
    }
}

/// Numeric strings as PowerShell's conversions read them: the language's literal syntax
/// (`0x10`, `0b101`, `1kb`, `100y`, `1.5d`, `-5`), plus .NET's names for infinity and NaN.
enum NumberParser {
    /// The typed value (`"100y"` is an SByte), or nil when the text is no number.
    static func value(_ text: String) -> PSValue? {
        if let c = NumberLiteral.value(of: text) { return .constant(c) }
        switch text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "infinity", "+infinity", "∞", "+∞": return .double(.infinity)
        case "-infinity", "-∞": return .double(-.infinity)
        case "nan": return .double(.nan)
        default: return nil
        }
    }

    static func parse(_ text: String) -> Numeric? {
        value(text).flatMap(Numeric.of)
    }
}

/// System.Decimal's rules on top of Foundation's Decimal (which has a wider range).
enum DecimalMath {
    static let maxValue = Decimal(string: "79228162514264337593543950335")!

    static func inRange(_ d: Decimal) -> Bool { !d.isNaN && d.magnitude <= maxValue }

    /// Rounds (half to even) to what System.Decimal holds: at most 28 digits after the point
    /// and a 96-bit mantissa, so 1/3 is 0.3333333333333333333333333333.
    static func roundedToPrecision(_ d: Decimal) -> Decimal {
        guard d.exponent < 0, !d.isNaN else { return d }
        var scale = min(28, -d.exponent)
        while true {
            var source = d, rounded = Decimal()
            NSDecimalRound(&rounded, &source, scale, .bankers)
            if scale == 0 || Decimal(sign: .plus, exponent: scale, significand: rounded.magnitude) <= maxValue { return rounded }
            scale -= 1
        }
    }

    /// .NET converts a Double to Decimal with 15 significant digits (0.1 is 0.1, not 0.1000000000000000055…).
    static func fromDouble(_ d: Double) -> Decimal? {
        guard d.isFinite, abs(d) < 7.9228162514264338e28 else { return nil }
        if d == 0 { return 0 }
        return Decimal(string: String(format: "%.14e", d), locale: Locale(identifier: "en_US_POSIX"))
    }
}

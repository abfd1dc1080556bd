import BigInt
import Foundation

extension LanguagePrimitives {
    public static func toInt32(_ v: PSValue) throws -> Int32 {
        if case .int(let i) = v { return i }
        return Int32(try integer(v, min: Int128(Int32.min), max: Int128(Int32.max), typeName: "System.Int32"))
    }

    public static func toInt64(_ v: PSValue) throws -> Int64 {
        switch v {
        case .int(let i): return Int64(i)
        case .long(let l): return l
        default: return Int64(try integer(v, min: Int128(Int64.min), max: Int128(Int64.max), typeName: "System.Int64"))
        }
    }

    public static func toDouble(_ v: PSValue) throws -> Double {
        switch v {
        case .double(let d): return d
        case .int(let i): return Double(i)
        case .long(let l): return Double(l)
        case .null: return 0
        case .bool(let b): return b ? 1 : 0
        case .char(let c): return Double(c)
        case .string(let s):
            if s.isEmpty { return 0 }
            if let n = NumberParser.parse(s) { return n.asDouble }
            throw castError(v, "System.Double", id: "InvalidCastFromStringToDoubleOrSingle",
                            reason: "Input string was not in a correct format.")
        case .dateTime: throw castError(v, "System.Double", id: "InvalidCastIConvertible", reason: "Invalid cast from 'DateTime' to 'Double'.")
        case .object(let o):
            if let p = o as? PSObject, let base = p.baseObject { return try toDouble(base) }
            if let n = Numeric.boxed(o) { return n.asDouble }
            if let s = o as? SwitchValue { return s.isPresent ? 1 : 0 }
            throw finalCastError(v, "System.Double")
        }
    }

    /// A Decimal with the scale it shows (`1.50d` keeps 2 digits), as `[decimal]` casts make it.
    static func toDecimalValue(_ v: PSValue) throws -> PSValue {
        if case .object(let o) = v.baseValue, o is DecimalValue { return v.baseValue }
        // A string's number keeps its type's scale: "1.50d" is 1.50, "1.50" (a Double) is 1.5.
        if case .string(let s) = v, let parsed = NumberParser.value(s), case .object(let o) = parsed, o is DecimalValue { return parsed }
        return .decimal(try toDecimal(v))
    }

    public static func toDecimal(_ v: PSValue) throws -> Decimal {
        let tooLarge = "Value was either too large or too small for a Decimal."
        switch v {
        case .int(let i): return Decimal(Int(i))
        case .long(let l): return Decimal(l)
        case .double(let d):
            guard let exact = DecimalMath.fromDouble(d) else { throw castError(v, "System.Decimal", id: "InvalidCastIConvertible", reason: tooLarge) }
            return exact
        case .null: return 0
        case .bool(let b): return b ? 1 : 0
        case .char(let c): return Decimal(Int(c))
        case .string(let s):
            if s.isEmpty { return 0 }
            if let n = NumberParser.parse(s) {
                guard let exact = n.asExactDecimal else {
                    throw castError(v, "System.Decimal", id: "InvalidCastFromStringToDecimal", reason: tooLarge)
                }
                return exact
            }
            throw castError(v, "System.Decimal", id: "InvalidCastFromStringToDecimal", reason: "Input string was not in a correct format.")
        case .dateTime: throw finalCastError(v, "System.Decimal")
        case .object(let o):
            if let p = o as? PSObject, let base = p.baseObject { return try toDecimal(base) }
            if let n = Numeric.boxed(o) {
                guard let exact = n.asExactDecimal else { throw castError(v, "System.Decimal", id: "InvalidCastIConvertible", reason: tooLarge) }
                return exact
            }
            throw finalCastError(v, "System.Decimal")
        }
    }

    /// `[bigint]`: integers exactly, reals truncated toward zero (.NET's explicit conversion).
    static func toBigInteger(_ v: PSValue) throws -> BigInt {
        switch v.baseValue {
        case .null: return 0
        case .bool(let b): return b ? 1 : 0
        case .char(let c): return BigInt(c)
        case .string(let s):
            if s.isEmpty { return 0 }
            if let n = NumberParser.parse(s), let b = n.asBigInt { return b }
            // BigInteger.Parse also takes thousands separators.
            let digits = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
            if let b = BigInt(digits.hasPrefix("+") ? String(digits.dropFirst()) : digits) { return b }
            throw castError(v, "System.Numerics.BigInteger", id: "InvalidCastFromStringToInteger",
                            reason: "The value could not be parsed.")
        case .dateTime: throw finalCastError(v, "System.Numerics.BigInteger")
        default:
            let n = try numericOperand(v.baseValue)
            guard let b = n.asBigInt else {
                throw castError(v, "System.Numerics.BigInteger", id: "InvalidCastIConvertible",
                                reason: "Value was either too large or too small for a BigInteger.")
            }
            return b
        }
    }

    /// .NET's overflow message names the type this way ("… for an unsigned byte.").
    static func overflowReason(_ typeName: String) -> String {
        let noun: String
        switch typeName {
        case "System.Byte": noun = "an unsigned byte"
        case "System.SByte": noun = "a signed byte"
        case "System.Char": noun = "a character"
        case "System.Int16": noun = "an Int16"
        case "System.Int32": noun = "an Int32"
        case "System.Int64": noun = "an Int64"
        default: noun = "a " + (typeName.split(separator: ".").last.map(String.init) ?? typeName)
        }
        return "Value was either too large or too small for \(noun)."
    }

    /// Converts to an integer in `min...max`, rounding halves to even like .NET's `Convert`.
    static func integer(_ v: PSValue, min: Int128, max: Int128, typeName: String) throws -> Int128 {
        func fromNumeric(_ n: Numeric, id: String) throws -> Int128 {
            let tooLarge = castError(v, typeName, id: id, reason: overflowReason(typeName))
            let x: Int128?
            switch n {
            case .double(let d):
                let r = d.rounded(.toNearestOrEven)
                x = r.isFinite && abs(r) < 1.7e38 ? Int128(r) : nil
            case .decimal(let d):
                var source = d, rounded = Decimal()
                NSDecimalRound(&rounded, &source, 0, .bankers)
                x = BigInt(truncating: rounded).flatMap { Int128(exactly: $0) }
            default:
                x = n.asInt128
            }
            guard let x, x >= min && x <= max else { throw tooLarge }
            return x
        }
        switch v {
        case .int(let i): return try fromNumeric(.int(i), id: "InvalidCastIConvertible")
        case .long(let l): return try fromNumeric(.long(l), id: "InvalidCastIConvertible")
        case .double(let d): return try fromNumeric(.double(d), id: "InvalidCastIConvertible")
        case .null: return 0
        case .bool(let b): return b ? 1 : 0
        case .char(let c): return try fromNumeric(.int(Int32(c)), id: "InvalidCastIConvertible")
        case .string(let s):
            if s.isEmpty { return 0 }
            guard let n = NumberParser.parse(s) else {
                throw castError(v, typeName, id: "InvalidCastFromStringToInteger", reason: "Input string was not in a correct format.")
            }
            do { return try fromNumeric(n, id: "InvalidCastFromStringToInteger") } catch {
                if let bits = hexBitPattern(s, min: min, max: max) { return bits }
                throw error
            }
        case .dateTime:
            let short = typeName.split(separator: ".").last.map(String.init) ?? typeName
            throw castError(v, typeName, id: "InvalidCastIConvertible", reason: "Invalid cast from 'DateTime' to '\(short)'.")
        case .object(let o):
            if let p = o as? PSObject, let base = p.baseObject {
                return try integer(base, min: min, max: max, typeName: typeName)
            }
            if let n = Numeric.boxed(o) { return try fromNumeric(n, id: "InvalidCastIConvertible") }
            if let s = o as? SwitchValue { return s.isPresent ? 1 : 0 }
            throw finalCastError(v, typeName)
        }
    }

    /// .NET's integer converters read `0x…` text as the type's bit pattern (`[int16]'0xFFFF'` is -1),
    /// which PowerShell falls back to when the literal's value does not fit.
    private static func hexBitPattern(_ text: String, min: Int128, max: Int128) -> Int128? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard t.hasPrefix("0x"), let raw = UInt64(t.dropFirst(2), radix: 16) else { return nil }
        let bits = (max - min + 1).trailingZeroBitCount
        guard bits <= 64, bits == 64 || raw >> UInt64(bits) == 0 else { return nil }
        let value = Int128(raw)
        return min < 0 && value > max ? value - (max - min + 1) : (value <= max ? value : nil)
    }

    /// An arithmetic operand: numbers as they are, `$null` as 0, bools and chars as Int32,
    /// strings parsed with PowerShell's number syntax (empty → 0).
    static func numericOperand(_ v: PSValue) throws -> Numeric {
        switch v {
        case .int(let i): return .int(i)
        case .long(let l): return .long(l)
        case .double(let d): return .double(d)
        case .null: return .int(0)
        case .bool(let b): return .int(b ? 1 : 0)
        case .char(let c): return .int(Int32(c))
        case .string(let s):
            if s.isEmpty { return .int(0) }
            if let n = NumberParser.parse(s) { return n }
            throw castError(v, "System.Int32", id: "InvalidCastFromStringToInteger", reason: "Input string was not in a correct format.")
        case .dateTime: throw finalCastError(v, "System.Int32")
        case .object(let o):
            if let p = o as? PSObject, let base = p.baseObject { return try numericOperand(base) }
            if let n = Numeric.boxed(o) { return n }
            if let s = o as? SwitchValue { return .int(s.isPresent ? 1 : 0) }
            throw finalCastError(v, "System.Int32")
        }
    }

    /// A numeric value if `v` converts to a number without error; nil otherwise.
    static func numericIfConvertible(_ v: PSValue) -> Numeric? {
        try? numericOperand(v)
    }

    /// True for values of a numeric .NET type.
    public static func isNumeric(_ v: PSValue) -> Bool { Numeric.of(v) != nil }
}

import Foundation

extension LanguagePrimitives {
    public static func toInt32(_ v: PSValue) throws -> Int32 {
        if case .int(let i) = v { return i }
        return Int32(try integer(v, min: Int64(Int32.min), max: Int64(Int32.max), typeName: "System.Int32", shortName: "Int32"))
    }

    public static func toInt64(_ v: PSValue) throws -> Int64 {
        switch v {
        case .int(let i): return Int64(i)
        case .long(let l): return l
        default: return try integer(v, min: Int64.min, max: Int64.max, typeName: "System.Int64", shortName: "Int64")
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

    public static func toDecimal(_ v: PSValue) throws -> Decimal {
        switch v {
        case .int(let i): return Decimal(Int(i))
        case .long(let l): return Decimal(l)
        case .double(let d):
            guard d.isFinite, abs(d) < 7.9228162514264337593543950335e28 else {
                throw castError(v, "System.Decimal", id: "InvalidCastIConvertible", reason: "Value was either too large or too small for a Decimal.")
            }
            return Decimal(d)
        case .null: return 0
        case .bool(let b): return b ? 1 : 0
        case .char(let c): return Decimal(Int(c))
        case .string(let s):
            if s.isEmpty { return 0 }
            if let n = NumberParser.parse(s) {
                if case .double = n, let exact = Decimal(string: s.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX")) {
                    return exact
                }
                return n.asDecimal
            }
            throw castError(v, "System.Decimal", id: "InvalidCastFromStringToDecimal", reason: "Input string was not in a correct format.")
        case .dateTime: throw finalCastError(v, "System.Decimal")
        case .object(let o):
            if let p = o as? PSObject, let base = p.baseObject { return try toDecimal(base) }
            if let n = Numeric.boxed(o) { return n.asDecimal }
            throw finalCastError(v, "System.Decimal")
        }
    }

    /// Converts to an integer in `min...max`, rounding halves to even like .NET's `Convert`.
    static func integer(_ v: PSValue, min: Int64, max: Int64, typeName: String, shortName: String) throws -> Int64 {
        let tooLarge = "Value was either too large or too small for \(shortName == "Int32" || shortName == "Int64" || shortName == "Int16" ? "an" : "a") \(shortName)."
        func check(_ x: Int64, id: String = "InvalidCastIConvertible") throws -> Int64 {
            guard x >= min && x <= max else { throw castError(v, typeName, id: id, reason: tooLarge) }
            return x
        }
        func fromDouble(_ d: Double, id: String) throws -> Int64 {
            let r = d.rounded(.toNearestOrEven)
            guard r.isFinite, r >= -9.2233720368547758e18, r < 9.2233720368547758e18 else {
                throw castError(v, typeName, id: id, reason: tooLarge)
            }
            let x = Int64(r)
            guard x >= min && x <= max else { throw castError(v, typeName, id: id, reason: tooLarge) }
            return x
        }
        func fromNumeric(_ n: Numeric, id: String) throws -> Int64 {
            switch n {
            case .int(let i): return try check(Int64(i), id: id)
            case .long(let l): return try check(l, id: id)
            case .double(let d): return try fromDouble(d, id: id)
            case .decimal(let d):
                var source = d, rounded = Decimal()
                NSDecimalRound(&rounded, &source, 0, .bankers)
                guard rounded >= Decimal(min), rounded <= Decimal(max) else {
                    throw castError(v, typeName, id: id, reason: tooLarge)
                }
                return Int64(truncating: NSDecimalNumber(decimal: rounded))
            }
        }
        switch v {
        case .int(let i): return try check(Int64(i))
        case .long(let l): return try check(l)
        case .double(let d): return try fromDouble(d, id: "InvalidCastIConvertible")
        case .null: return 0
        case .bool(let b): return b ? 1 : 0
        case .char(let c): return try check(Int64(c))
        case .string(let s):
            if s.isEmpty { return 0 }
            guard let n = NumberParser.parse(s) else {
                throw castError(v, typeName, id: "InvalidCastFromStringToInteger", reason: "Input string was not in a correct format.")
            }
            return try fromNumeric(n, id: "InvalidCastFromStringToInteger")
        case .dateTime:
            throw castError(v, typeName, id: "InvalidCastIConvertible", reason: "Invalid cast from 'DateTime' to '\(shortName)'.")
        case .object(let o):
            if let p = o as? PSObject, let base = p.baseObject {
                return try integer(base, min: min, max: max, typeName: typeName, shortName: shortName)
            }
            if let n = Numeric.boxed(o) { return try fromNumeric(n, id: "InvalidCastIConvertible") }
            if let s = o as? SwitchValue { return s.isPresent ? 1 : 0 }
            throw finalCastError(v, typeName)
        }
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

import BigInt
import PSLanguage

/// `-band -bor -bxor -shl -shr -bnot` on typed numbers, with PowerShell's operand types: the
/// wider integer type of the two (so `-1 -band 0xFFu` is the UInt32 255), UInt64 or Int64 for
/// reals, and BigInteger's own operators.
extension NumericArithmetic {
    /// nil when either operand is not a plain number (strings, enumerations, $null take the general path).
    static func bitwise(_ op: BinaryOperator, _ lhs: PSValue, _ rhs: PSValue) throws -> PSValue? {
        guard let x = typedNumber(lhs), let y = typedNumber(rhs) else { return nil }
        if op == .shl || op == .shr {
            let count = try LanguagePrimitives.toInt32(rhs)
            switch x {
            case .uint(let u): return .uint32(op == .shl ? u << UInt32(count & 31) : u >> UInt32(count & 31))
            case .ulong(let u): return .uint64(op == .shl ? u << UInt64(count & 63) : u >> UInt64(count & 63))
            case .bigInteger(let b):
                let left = (op == .shl) == (count >= 0)
                if left { try AllocationGuard.check(bigIntegerBits: Double(b.magnitude.bitWidth) + Double(count.magnitude)) }
                return .bigInteger(left ? b << Int(count.magnitude) : b >> Int(count.magnitude))
            default: return nil
            }
        }
        func combine<T: BinaryInteger>(_ a: T, _ b: T) -> T {
            switch op {
            case .band: return a & b
            case .bor: return a | b
            default: return a ^ b
            }
        }
        switch (x, y) {
        case (.bigInteger, _), (_, .bigInteger):
            guard let a = x.asBigInt, let b = y.asBigInt else { throw overflow("BigInteger") }
            return .bigInteger(combine(a, b))
        case (.decimal, _), (_, .decimal), (.double, _), (_, .double):
            // Reals work as UInt64 bits; the result is signed when either operand is negative.
            let r = combine(try unsignedBits(x, lhs), try unsignedBits(y, rhs))
            return x.isNegative || y.isNegative ? .long(Int64(bitPattern: r)) : .uint64(r)
        case (.ulong, _), (_, .ulong): return .uint64(combine(UInt64(truncatingIfNeeded: x.asInt128 ?? 0), UInt64(truncatingIfNeeded: y.asInt128 ?? 0)))
        case (.long, _), (_, .long): return .long(combine(Int64(truncatingIfNeeded: x.asInt128 ?? 0), Int64(truncatingIfNeeded: y.asInt128 ?? 0)))
        case (.uint, _), (_, .uint): return .uint32(combine(UInt32(truncatingIfNeeded: x.asInt128 ?? 0), UInt32(truncatingIfNeeded: y.asInt128 ?? 0)))
        default: return .int(combine(Int32(truncatingIfNeeded: x.asInt128 ?? 0), Int32(truncatingIfNeeded: y.asInt128 ?? 0)))
        }
    }

    /// `-bnot`: UInt32, UInt64 and BigInteger keep their type; a real becomes the smallest of
    /// Int32, UInt32, Int64, UInt64 that holds it. nil for the general path.
    static func bitwiseNot(_ v: PSValue) throws -> PSValue? {
        guard let n = typedNumber(v) else { return nil }
        switch n {
        case .uint(let u): return .uint32(~u)
        case .ulong(let u): return .uint64(~u)
        case .bigInteger(let b): return .bigInteger(~b)
        case .double, .decimal:
            let x = try LanguagePrimitives.integer(v, min: Int128(Int64.min), max: Int128(UInt64.max), typeName: "System.UInt64")
            if let i = Int32(exactly: x) { return .int(~i) }
            if let u = UInt32(exactly: x) { return .uint32(~u) }
            if let l = Int64(exactly: x) { return .long(~l) }
            return .uint64(~UInt64(x))
        case .int, .long: return nil
        }
    }

    /// A number of a numeric type other than an enumeration or a bool.
    private static func typedNumber(_ v: PSValue) -> Numeric? {
        if case .object(let o) = v, o is EnumValue { return nil }
        return Numeric.of(v)
    }

    private static func unsignedBits(_ n: Numeric, _ v: PSValue) throws -> UInt64 {
        if n.isNegative {
            return UInt64(bitPattern: Int64(try LanguagePrimitives.integer(v, min: Int128(Int64.min), max: Int128(Int64.max), typeName: "System.Int64")))
        }
        return UInt64(try LanguagePrimitives.integer(v, min: 0, max: Int128(UInt64.max), typeName: "System.UInt64"))
    }
}

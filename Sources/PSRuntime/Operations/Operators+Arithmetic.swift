import Foundation
import PSLanguage

extension Operators {
    // MARK: Public helpers (also used for ++, --, +=)

    /// `+`: numbers widen on overflow (Int32 → Double, as PowerShell does), strings concatenate,
    /// arrays append, hashtables merge, dates add TimeSpans.
    public static func add(_ lhs: PSValue, _ rhs: PSValue, context: ExecutionContext? = nil) throws -> PSValue {
        if case .int(let a) = lhs, case .int(let b) = rhs {
            let (r, overflow) = a.addingReportingOverflow(b)
            return overflow ? .double(Double(a) + Double(b)) : .int(r)
        }
        switch lhs {
        case .string(let s):
            let t: String
            if case .string(let right) = rhs { t = right } else { t = LanguagePrimitives.toString(rhs, context: context) }
            try AllocationGuard.check(stringLength: s.utf16.count + t.utf16.count)
            return .string(s + t)
        case .null:
            if let a = rhs.asArray { return .array(a.items) }
            return rhs
        case .dateTime(let d):
            if let ticks = rhs.baseValue.asTimeSpanTicks { return .dateTime(d.addingTimeInterval(Double(ticks) / 1e7)) }
            throw methodNotFound(lhs, "op_Addition")
        case .object(let o):
            if let a = o as? PSArray {
                var items = a.items
                if let more = rhs.enumerated {
                    try AllocationGuard.check(count: items.count + more.count, itemBytes: MemoryLayout<PSValue>.stride)
                    items.append(contentsOf: more)
                } else {
                    items.append(rhs)
                }
                return .array(items)
            }
            if let h = o as? PSHashtable { return try mergeHashtables(h, rhs) }
            if o is EnumValue, let r = try EnumTypes.arithmetic(lhs, rhs, subtract: false) { return r }
            if let p = o as? PSObject, let base = p.baseObject { return try add(base, rhs, context: context) }
            if let t = lhs.asTimeSpanTicks {
                if let u = rhs.baseValue.asTimeSpanTicks { return .timeSpan(ticks: t &+ u) }
                throw methodNotFound(lhs, "op_Addition")
            }
            if Numeric.boxed(o) == nil && !(o is SwitchValue) { throw methodNotFound(lhs, "op_Addition") }
        default: break
        }
        return try numeric(.add, lhs, rhs)
    }

    public static func subtract(_ lhs: PSValue, _ rhs: PSValue) throws -> PSValue {
        if case .int(let a) = lhs, case .int(let b) = rhs {
            let (r, overflow) = a.subtractingReportingOverflow(b)
            return overflow ? .double(Double(a) - Double(b)) : .int(r)
        }
        let left = lhs.baseValue
        if let r = try EnumTypes.arithmetic(left, rhs, subtract: true) { return r }
        if case .dateTime(let d) = left {
            let right = rhs.baseValue
            if case .dateTime(let e) = right {
                return .timeSpan(ticks: DateFormatting.ticks(d) - DateFormatting.ticks(e))
            }
            if let ticks = right.asTimeSpanTicks { return .dateTime(d.addingTimeInterval(-Double(ticks) / 1e7)) }
            throw methodNotFound(lhs, "op_Subtraction")
        }
        if let t = left.asTimeSpanTicks {
            if let u = rhs.baseValue.asTimeSpanTicks { return .timeSpan(ticks: t &- u) }
            throw methodNotFound(lhs, "op_Subtraction")
        }
        try requireNumericLeft(left, "op_Subtraction")
        return try numeric(.subtract, left, rhs)
    }

    public static func multiply(_ lhs: PSValue, _ rhs: PSValue) throws -> PSValue {
        if case .int(let a) = lhs, case .int(let b) = rhs {
            let (r, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? .double(Double(a) * Double(b)) : .int(r)
        }
        let left = lhs.baseValue
        switch left {
        case .null:
            // PowerShell: `$null * x` is $null, whatever x is.
            return .null
        case .bool:
            // A Boolean is not a number on the left of `*` (though `-` converts it): no operator applies.
            throw RuntimeError("The operation '[\(LanguagePrimitives.typeName(of: left))] * [\(LanguagePrimitives.typeName(of: rhs.baseValue))]' is not defined.",
                               id: "NotADefinedOperationForType", category: .InvalidOperation, target: lhs)
        case .string(let s):
            let n = try repeatCount(rhs)
            try AllocationGuard.check(stringLength: n * s.utf16.count)
            return .string(String(repeating: s, count: n))
        case .object(let o):
            if let a = o as? PSArray {
                let n = try repeatCount(rhs)
                if a.items.count * n > AllocationGuard.maxArrayLength { try AllocationGuard.check(count: .max, itemBytes: 1) }
                try AllocationGuard.check(count: n, itemBytes: a.items.count * MemoryLayout<PSValue>.stride)
                var items: [PSValue] = []
                items.reserveCapacity(a.items.count * n)
                for _ in 0..<n { items.append(contentsOf: a.items) }
                return .array(items)
            }
        default: break
        }
        try requireNumericLeft(left, "op_Multiply")
        return try numeric(.multiply, left, rhs)
    }

    public static func divide(_ lhs: PSValue, _ rhs: PSValue) throws -> PSValue {
        if case .int(let a) = lhs, case .int(let b) = rhs, b != 0, b != -1, a % b == 0 { return .int(a / b) }
        let left = lhs.baseValue
        try requireNumericLeft(left, "op_Division")
        return try numeric(.divide, left, rhs)
    }

    public static func remainder(_ lhs: PSValue, _ rhs: PSValue) throws -> PSValue {
        if case .int(let a) = lhs, case .int(let b) = rhs, b != 0, b != -1 { return .int(a % b) }
        let left = lhs.baseValue
        try requireNumericLeft(left, "op_Modulus")
        return try numeric(.remainder, left, rhs)
    }

    // MARK: Numeric core

    private static func requireNumericLeft(_ left: PSValue, _ method: String) throws {
        if case .object(let o) = left, Numeric.boxed(o) == nil, !(o is SwitchValue) { throw methodNotFound(left, method) }
        if case .dateTime = left { throw methodNotFound(left, method) }
    }

    private static func repeatCount(_ v: PSValue) throws -> Int {
        let n = try LanguagePrimitives.toInt32(v)
        guard n >= 0 else {
            throw RuntimeError("The value \(n) is not valid for a repeat count: it must not be negative.",
                               id: "ArgumentOutOfRange", category: .InvalidArgument,
                               exceptionType: "System.ArgumentOutOfRangeException", target: v)
        }
        return Int(n)
    }

    /// As in PowerShell: a RuntimeException wrapping the .NET DivideByZeroException, so both
    /// `catch [System.DivideByZeroException]` and the error view's `RuntimeException:` hold.
    static func divideByZero() -> RuntimeError {
        let inner = PSException(typeName: "System.DivideByZeroException", message: "Attempted to divide by zero.")
        let exception = PSException(message: "Attempted to divide by zero.", innerException: inner)
        return RuntimeError(ErrorRecord(exception: exception, errorId: "RuntimeException", category: .NotSpecified))
    }

    private static func numeric(_ op: ArithmeticOp, _ lhs: PSValue, _ rhs: PSValue) throws -> PSValue {
        let x = try LanguagePrimitives.numericOperand(lhs)
        let y = try LanguagePrimitives.numericOperand(rhs)
        if case .int(let a) = x, case .int(let b) = y { return try NumericArithmetic.signed(op, Int64(a), Int64(b), narrow: true) }
        return try NumericArithmetic.apply(op, x, y, scales: (decimalScale(lhs), decimalScale(rhs)))
    }

    private static func decimalScale(_ v: PSValue) -> Int {
        if case .object(let o) = v.baseValue, let d = o as? DecimalValue { return d.scale }
        return 0
    }

    // MARK: Hashtables

    private static func mergeHashtables(_ h: PSHashtable, _ rhs: PSValue) throws -> PSValue {
        guard let other = rhs.baseValue.asHashtable else {
            throw RuntimeError("A hash table can only be added to another hash table.", id: "AddHashTableToNonHashTable",
                               category: .InvalidOperation, target: rhs)
        }
        let result = h.copy()
        for (k, v) in other.pairs where !result.add(k, v) {
            let key = LanguagePrimitives.toString(k, context: nil)
            throw RuntimeError("Item has already been added. Key in dictionary: '\(key)'  Key being added: '\(key)'",
                               id: "ArgumentException", category: .InvalidOperation,
                               exceptionType: "System.ArgumentException", target: k)
        }
        return .object(result)
    }

    // MARK: Unary minus and bitwise operators

    static func negate(_ v: PSValue) throws -> PSValue {
        switch v {
        case .int(let i): return i == Int32.min ? .double(-Double(i)) : .int(-i)
        case .long(let l): return l == Int64.min ? .double(-Double(l)) : .long(-l)
        case .double(let d): return .double(-d)
        default:
            let base = v.baseValue
            if let t = base.asTimeSpanTicks { return .timeSpan(ticks: -t) }
            if case .object(let o) = base {
                if let d = o as? DecimalValue { return .decimal(-d.value, scale: d.scale) }
                if let s = o as? BoxedValue<Int16> { return .int16(0 &- s.value) }
                if Numeric.boxed(o) == nil, !(o is SwitchValue) { throw methodNotFound(v, "op_UnaryNegation") }
            }
            switch try LanguagePrimitives.numericOperand(v) {
            case .int(let i): return try negate(.int(i))
            case .long(let l): return try negate(.long(l))
            case .double(let d): return .double(-d)
            // Unsigned values and BigInteger negate as 0 - x (-5u is the Double -5).
            case let n: return try NumericArithmetic.apply(.subtract, .int(0), n, scales: (0, 0))
            }
        }
    }

    /// Int64 when a value is a long or does not fit in Int32 (bitwise results keep that width).
    private static func isWide(_ v: PSValue, _ x: Int64) -> Bool {
        if case .long = v.baseValue { return true }
        return x > Int64(Int32.max) || x < Int64(Int32.min)
    }

    static func bitwise(_ op: BinaryOperator, _ lhs: PSValue, _ rhs: PSValue) throws -> PSValue {
        if let result = try NumericArithmetic.bitwise(op, lhs.baseValue, rhs.baseValue) { return result }
        let a = try LanguagePrimitives.toInt64(lhs)
        if op == .shl || op == .shr {
            let count = try LanguagePrimitives.toInt32(rhs)
            if isWide(lhs, a) {
                let s = Int64(count & 63)
                return .long(op == .shl ? a << s : a >> s)
            }
            let i = Int32(truncatingIfNeeded: a), s = Int32(count & 31)
            return .int(op == .shl ? i << s : i >> s)
        }
        let b = try LanguagePrimitives.toInt64(rhs)
        let r: Int64
        switch op {
        case .band: r = a & b
        case .bor: r = a | b
        default: r = a ^ b
        }
        // Combining members of one enumeration gives a value of it ('A, B' for flags).
        if case .object(let o) = lhs.baseValue, let e = o as? EnumValue, case .object(let p) = rhs.baseValue,
           let f = p as? EnumValue, e.typeName == f.typeName {
            return .object(try EnumTypes.convert(.long(r), like: e))
        }
        return isWide(lhs, a) || isWide(rhs, b) ? .long(r) : .int(Int32(truncatingIfNeeded: r))
    }

    static func bitwiseNot(_ v: PSValue) throws -> PSValue {
        if let result = try NumericArithmetic.bitwiseNot(v.baseValue) { return result }
        switch v.baseValue {
        case .long(let l): return .long(~l)
        default:
            let x = try LanguagePrimitives.toInt64(v)
            if x >= Int64(Int32.min) && x <= Int64(Int32.max) { return .int(~Int32(x)) }
            return .long(~x)
        }
    }

    // MARK: Range

    /// `a..b`: Int32 values in either direction; single-character strings give a char range.
    static func range(_ lhs: PSValue, _ rhs: PSValue) throws -> PSValue {
        if let a = singleChar(lhs), let b = singleChar(rhs), !(isDigitString(lhs) && isDigitString(rhs)) {
            let step: Int = a <= b ? 1 : -1
            return .array(stride(from: Int(a), through: Int(b), by: step).map { .char(UInt16($0)) })
        }
        let a = Int(try LanguagePrimitives.toInt32(lhs)), b = Int(try LanguagePrimitives.toInt32(rhs))
        let count = abs(b - a) + 1
        guard count <= 100_000_000 else {
            throw RuntimeError("The range \(a)..\(b) is too large: it would have \(count) elements.",
                               id: "RangeTooLarge", category: .InvalidOperation, exceptionType: "System.OutOfMemoryException")
        }
        var items: [PSValue] = []
        items.reserveCapacity(count)
        if a <= b {
            for i in a...b { items.append(.int(Int32(i))) }
        } else {
            for i in stride(from: a, through: b, by: -1) { items.append(.int(Int32(i))) }
        }
        return .array(items)
    }

    private static func singleChar(_ v: PSValue) -> UInt16? {
        switch v.baseValue {
        case .char(let c): return c
        case .string(let s):
            let u = Array(s.utf16)
            return u.count == 1 ? u[0] : nil
        default: return nil
        }
    }

    private static func isDigitString(_ v: PSValue) -> Bool {
        if case .string(let s) = v.baseValue { return s.allSatisfy(\.isNumber) }
        return false
    }
}

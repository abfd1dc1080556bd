import Foundation

extension LanguagePrimitives {
    /// `-eq` semantics: the left operand's type decides how the right one is converted;
    /// a failed conversion means "not equal".
    public static func equals(_ a: PSValue, _ b: PSValue, ignoreCase: Bool = true) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.string(let x), .string(let y)): return ignoreCase ? x.equalsIgnoringCase(y) : x == y
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        default: break
        }
        let left = a.baseValue, right = b.baseValue
        if left.isNull || right.isNull { return left.isNull && right.isNull }
        switch left {
        case .string(let x):
            let y = toString(right, context: nil)
            return ignoreCase ? x.equalsIgnoringCase(y) : x == y
        case .bool(let x):
            return x == isTrue(right)
        case .char(let x):
            guard let y = try? toChar(right) else { return false }
            if x == y { return true }
            return ignoreCase && String(utf16CodeUnits: [x], count: 1).equalsIgnoringCase(String(utf16CodeUnits: [y], count: 1))
        case .dateTime(let x):
            guard let y = try? toDate(right) else { return false }
            // .NET compares DateTime by its 100 ns ticks; the seconds held here may differ below that.
            return DateFormatting.ticks(x) == DateFormatting.ticks(y)
        case .object(let o as EnumValue):
            // The right side converts to the enumeration: [DayOfWeek]::Friday -eq 'friday'.
            guard let y = try? EnumTypes.convert(right, like: o) else { return false }
            return o.value == y.value
        default: break
        }
        if let x = Numeric.of(left) {
            if case .string(let s) = right, s.isEmpty { return x.isZero }
            guard let y = numericIfConvertible(right) else { return false }
            return compareNumbers(x, y) == 0
        }
        guard case .object(let lo) = left else { return false }
        switch lo {
        case let v as VersionValue:
            guard case .object(let ro) = right else {
                return VersionValue(parsing: toString(right, context: nil)).map { $0 == v } ?? false
            }
            if let w = ro as? VersionValue { return v == w }
            return VersionValue(parsing: toString(right, context: nil)).map { $0 == v } ?? false
        case let t as PSTypeInfo:
            if case .object(let ro) = right, let u = ro as? PSTypeInfo { return t.fullName == u.fullName }
            if case .string(let s) = right, let u = PSTypeInfo.resolve(name: s) { return t.fullName == u.fullName }
            return false
        case let g as BoxedValue<UUID>:
            if let u = right.asGuid { return u == g.value }
            return UUID(uuidString: toString(right, context: nil)) == g.value
        case let t as BoxedValue<Int64> where t.typeName == "System.TimeSpan":
            return (try? toTimeSpanTicks(right)) == t.value
        case let m as TypedValue where m is MatchValue || m is GroupValue || m is StringBuilderValue:
            if case .object(let ro) = right { return ro === lo }
            return false
        default:
            if case .object(let ro) = right { return ro === lo }
            return false
        }
    }

    /// Ordering with PowerShell's rules (left operand decides); negative, zero or positive.
    /// Throws `ComparisonFailure` when the right operand can't be converted, `NotIcomparable`
    /// when the left one has no order.
    public static func compare(_ a: PSValue, _ b: PSValue, ignoreCase: Bool = true) throws -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)): return compareStrings(x, y, ignoreCase: ignoreCase)
        case (.double(let x), .double(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        default: break
        }
        let left = a.baseValue, right = b.baseValue
        if left.isNull {
            if right.isNull { return 0 }
            // $null sorts before everything except negative numbers.
            if let n = Numeric.of(right) { return n.asDouble < 0 ? 1 : -1 }
            return -1
        }
        if right.isNull {
            if let n = Numeric.of(left) { return n.asDouble < 0 ? -1 : 1 }
            return 1
        }
        switch left {
        case .string(let x):
            return compareStrings(x, toString(right, context: nil), ignoreCase: ignoreCase)
        case .bool(let x):
            let y = isTrue(right)
            return x == y ? 0 : (x ? 1 : -1)
        case .char(let x):
            let y = try comparing(left, right) { try toChar(right) }
            if ignoreCase {
                let l = String(utf16CodeUnits: [x], count: 1).lowercased(), r = String(utf16CodeUnits: [y], count: 1).lowercased()
                return l < r ? -1 : (l == r ? 0 : 1)
            }
            return x < y ? -1 : (x == y ? 0 : 1)
        case .dateTime(let x):
            let y = try comparing(left, right) { try toDate(right) }
            let (a, b) = (DateFormatting.ticks(x), DateFormatting.ticks(y))
            return a < b ? -1 : (a == b ? 0 : 1)
        default: break
        }
        if let x = Numeric.of(left) {
            if case .string(let s) = right, s.isEmpty { return compareNumbers(x, .int(0)) }
            let y = try comparing(left, right) { try numericOperand(right) }
            return compareNumbers(x, y)
        }
        if case .object(let lo) = left {
            if let v = lo as? VersionValue {
                let w = try comparing(left, right) { () throws -> VersionValue in
                    if case .object(let ro) = right, let w = ro as? VersionValue { return w }
                    guard let w = VersionValue(parsing: toString(right, context: nil)) else { throw finalCastError(right, "System.Version") }
                    return w
                }
                return v < w ? -1 : (v == w ? 0 : 1)
            }
            if let t = left.asTimeSpanTicks {
                let u = try comparing(left, right) { try toTimeSpanTicks(right) }
                return t < u ? -1 : (t == u ? 0 : 1)
            }
            if let g = left.asGuid {
                let h = right.asGuid?.uuidString ?? toString(right, context: nil).uppercased()
                return compareStrings(g.uuidString, h, ignoreCase: true)
            }
        }
        throw RuntimeError("Cannot compare \"\(toString(left, context: nil))\" because it is not IComparable.",
                           id: "NotIcomparable", category: .InvalidOperation, target: left)
    }

    private static func comparing<T>(_ left: PSValue, _ right: PSValue, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RuntimeError {
            throw RuntimeError("Could not compare \"\(toString(left, context: nil))\" to \"\(toString(right, context: nil))\". Error: \"\(error.record.message)\"",
                               id: "ComparisonFailure", category: .InvalidOperation, target: left)
        }
    }

    /// Exact for integers of any width and for decimals; through Double when a real is involved.
    static func compareNumbers(_ x: Numeric, _ y: Numeric) -> Int {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch (x, y) {
        case (.int(let a), .int(let b)): return order(a, b)
        case (.double, _), (_, .double):
            let a = x.asDouble, b = y.asDouble
            if a.isNaN || b.isNaN { return a.isNaN ? (b.isNaN ? 0 : -1) : 1 }
            return order(a, b)
        case (.decimal, _), (_, .decimal):
            if let a = x.asExactDecimal, let b = y.asExactDecimal { return order(a, b) }
            return order(x.asDouble, y.asDouble)
        case (.bigInteger, _), (_, .bigInteger):
            return order(x.asBigInt ?? 0, y.asBigInt ?? 0)
        default:
            return order(x.asInt128 ?? 0, y.asInt128 ?? 0)
        }
    }

    /// Culture-like string order: letters compare ignoring case first; when only case differs
    /// (and case matters), lowercase sorts before uppercase as in en-US.
    public static func compareStrings(_ x: String, _ y: String, ignoreCase: Bool) -> Int {
        var i = x.unicodeScalars.makeIterator(), j = y.unicodeScalars.makeIterator()
        var caseTiebreak = 0
        while true {
            let a = i.next(), b = j.next()
            guard let ca = a else { return b == nil ? (ignoreCase ? 0 : caseTiebreak) : -1 }
            guard let cb = b else { return 1 }
            if ca == cb { continue }
            let fa = fold(ca), fb = fold(cb)
            if fa != fb { return fa < fb ? -1 : 1 }
            if caseTiebreak == 0 { caseTiebreak = isLower(ca) ? -1 : 1 }
        }
    }

    @inline(__always) private static func fold(_ s: Unicode.Scalar) -> UInt32 {
        let v = s.value
        if v >= 0x41 && v <= 0x5A { return v | 0x20 }
        if v < 0x80 { return v }
        return s.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
    }

    @inline(__always) private static func isLower(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value >= 0x61 && s.value <= 0x7A) : s.properties.isLowercase
    }
}

extension Numeric {
    /// The value as an Int64: reals truncate and saturate, wider integers wrap.
    var asLong: Int64 {
        switch self {
        case .int(let i): return Int64(i)
        case .long(let l): return l
        case .double(let d): return d.isNaN ? 0 : Int64(exactly: d.rounded(.towardZero)) ?? (d < 0 ? .min : .max)
        case .decimal(let d): return Int64(truncating: NSDecimalNumber(decimal: d))
        default: return Int64(truncatingIfNeeded: asInt128 ?? 0)
        }
    }
}

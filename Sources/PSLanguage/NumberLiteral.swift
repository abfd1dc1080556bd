import BigInt

/// The value of a numeric literal once the lexer has split it into its parts, following
/// PowerShell's rules: the suffix picks the type (`y uy s us u ul l d n`), reals with an
/// integer suffix round half to even (`3.72y` is 4), short hex and binary literals of exactly a
/// type's width carry a sign bit (`0xFFy` is -1), and a value that does not fit is no number.
public enum NumberLiteral {
    enum Format { case decimal, hex, binary }

    enum Suffix {
        case none, long, unsigned, unsignedLong, decimal, sbyte, byte, short, ushort, bigInteger

        var isUnsigned: Bool { self == .unsigned || self == .unsignedLong || self == .byte || self == .ushort }
    }

    /// The value of `text` read as one numeric literal, as PowerShell converts numeric strings
    /// (`"0x10"`, `" 1kb "`, `"100y"`, `"-5"`); nil when the text is not exactly one number.
    public static func value(of text: String) -> ConstantValue? {
        let trimmed = trimmingWhitespace(text)
        guard !trimmed.isEmpty else { return nil }
        let lexer = Lexer(trimmed)
        guard let token = lexer.scanNumber(0, mode: .expression, options: LexOptions(allowSignedNumbers: true)),
              token.errors.isEmpty, token.end == lexer.limit else { return nil }
        return token.number
    }

    private static func trimmingWhitespace(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    /// `digits` holds the literal without sign, prefix, suffix or multiplier (`"1.5e3"`, `"FF"`).
    static func value(digits: String, format: Format, real: Bool, negative: Bool, suffix: Suffix, multiplier: Int64) -> ConstantValue? {
        if real { return realValue(digits, negative: negative, suffix: suffix, multiplier: multiplier) }
        guard var value = BigInt(digits, radix: format == .hex ? 16 : (format == .binary ? 2 : 10)) else { return nil }
        var suffix = suffix
        let count = digits.utf8.count
        switch format {
        case .hex:
            // PowerShell reads hex digits as a two's complement number when there are exactly as
            // many as the type holds; 15 or 16 digits without a suffix make the literal an Int64.
            var signed = false
            if !suffix.isUnsigned {
                let width: Int
                switch suffix {
                case .sbyte: width = 2
                case .short: width = 4
                case .long: width = 16
                default: width = count + 1 < 16 ? 8 : 16
                }
                signed = count == width
                if signed { value = signExtended(value, bits: width * 4) }
            }
            if (signed ? count : count + 1) == 16 { suffix = suffix == .unsigned ? .unsignedLong : (suffix == .none ? .long : suffix) }
        case .binary:
            // A leading 1 is a sign bit only at the widths of the integer types.
            if !suffix.isUnsigned, digits.first == "1", [8, 16, 32, 64, 96].contains(count) || count >= 128 {
                value = signExtended(value, bits: count)
            }
            if count == 64 { suffix = suffix == .unsigned ? .unsignedLong : (suffix == .none ? .long : suffix) }
        case .decimal:
            break
        }
        if negative { value.negate() }
        value *= BigInt(multiplier)
        if suffix == .none && format == .decimal && Int64(exactly: value) == nil {
            // Too large for Int64: a decimal when it fits, else a double.
            if let text = decimalText(mantissa: value, scale: 0) { return .decimal(text) }
            let d = Double(value)
            return d.isFinite ? .double(d) : nil
        }
        return integerValue(value, suffix: suffix)
    }

    private static func realValue(_ digits: String, negative: Bool, suffix: Suffix, multiplier: Int64) -> ConstantValue? {
        if suffix == .decimal {
            guard let (mantissa, scale) = decimalParts(digits) else { return nil }
            return decimalText(mantissa: (negative ? -mantissa : mantissa) * BigInt(multiplier), scale: scale).map { .decimal($0) }
        }
        guard let d = Double(digits) else { return nil }
        let v = (negative ? -d : d) * Double(multiplier)
        if suffix == .none { return .double(v) }
        guard v.isFinite else { return nil }
        return integerValue(BigInt(v.rounded(.toNearestOrEven)), suffix: suffix)
    }

    private static func integerValue(_ v: BigInt, suffix: Suffix) -> ConstantValue? {
        switch suffix {
        case .none:
            if let i = Int32(exactly: v) { return .int(i) }
            return Int64(exactly: v).map { .long($0) }
        case .long: return Int64(exactly: v).map { .long($0) }
        case .unsigned:
            if let u = UInt32(exactly: v) { return .uint(u) }
            return UInt64(exactly: v).map { .ulong($0) }
        case .unsignedLong: return UInt64(exactly: v).map { .ulong($0) }
        case .decimal: return decimalText(mantissa: v, scale: 0).map { .decimal($0) }
        case .sbyte: return Int8(exactly: v).map { .sbyte($0) }
        case .byte: return UInt8(exactly: v).map { .byte($0) }
        case .short: return Int16(exactly: v).map { .short($0) }
        case .ushort: return UInt16(exactly: v).map { .ushort($0) }
        case .bigInteger: return .bigInteger(v)
        }
    }

    private static func signExtended(_ v: BigInt, bits: Int) -> BigInt {
        v >= BigInt(1) << (bits - 1) ? v - (BigInt(1) << bits) : v
    }

    /// System.Decimal's largest magnitude (2^96 - 1).
    public static let decimalMax = (BigInt(1) << 96) - 1

    /// A real written as digits with an optional point and exponent (`1.50`, `15e3`, `1.5e-2`),
    /// as an integer mantissa and the number of digits after the point (1.50 → 150, 2).
    private static func decimalParts(_ text: String) -> (BigInt, Int)? {
        var mantissaText = "", fraction = 0, exponent = 0, afterPoint = false
        var rest = Substring(text)
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(rest[rest.index(after: e)...]), abs(x) < 1000 else { return nil }
            exponent = x
            rest = rest[..<e]
        }
        for c in rest {
            if c == "." { afterPoint = true; continue }
            mantissaText.append(c)
            if afterPoint { fraction += 1 }
        }
        guard var mantissa = BigInt(mantissaText.isEmpty ? "0" : mantissaText) else { return nil }
        var scale = fraction - exponent
        if scale < 0 {
            mantissa *= BigInt(10).power(-scale)
            scale = 0
        }
        return (mantissa, scale)
    }

    /// The text of `mantissa / 10^scale` with the scale kept (`150, 2` → `"1.50"`), or nil when
    /// it is beyond System.Decimal's range.
    private static func decimalText(mantissa: BigInt, scale: Int) -> String? {
        var m = mantissa, s = scale
        // System.Decimal keeps at most 28 digits after the point.
        while s > 28 {
            m = roundedHalfEven(m, dividingBy: 10)
            s -= 1
        }
        guard m.magnitude <= decimalMax.magnitude else { return nil }
        var digits = String(m.magnitude)
        guard s > 0 else { return (m.sign == .minus && !m.isZero ? "-" : "") + digits }
        if digits.count <= s { digits = String(repeating: "0", count: s - digits.count + 1) + digits }
        let point = digits.index(digits.endIndex, offsetBy: -s)
        return (m.sign == .minus && !m.isZero ? "-" : "") + digits[..<point] + "." + digits[point...]
    }

    private static func roundedHalfEven(_ v: BigInt, dividingBy d: BigInt) -> BigInt {
        let (q, r) = v.quotientAndRemainder(dividingBy: d)
        let twice = r.magnitude * 2
        if twice > d.magnitude || (twice == d.magnitude && q.magnitude % 2 == 1) {
            return v.sign == .minus ? q - 1 : q + 1
        }
        return q
    }
}

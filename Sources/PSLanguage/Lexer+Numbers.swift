// Numeric literals: decimal, hex (`0x1F`), binary (`0b101`), reals (`1.5`, `1e3`, `.5`),
// type suffixes (`l u ul d y uy s us n`) and multipliers (`kb mb gb tb pb`).

extension Lexer {
    private enum NumberFormat { case decimal, hex, binary }
    private enum Suffix { case none, long, unsigned, unsignedLong, decimal, sbyte, byte, short, ushort, bigInteger }

    /// Scans a number at `start` (optionally signed). Returns nil when the text is not a number
    /// (`7z`, `1x`), so the caller can scan a bareword instead.
    func scanNumber(_ start: Int, mode: LexMode, options: LexOptions) -> Token? {
        var i = start
        var negative = false
        if byte(i) == UInt8(ascii: "+") {
            i += 1
        } else if dashLength(i) > 0 {
            negative = true
            i += dashLength(i)
        }
        var format = NumberFormat.decimal
        var real = false
        var digits: [UInt8] = []
        var notNumber = false

        func scanDecimalDigits() {
            while Lexer.isDigit(byte(i)) { digits.append(bytes[i]); i += 1 }
        }
        func scanExponent() {
            digits.append(UInt8(ascii: "e"))
            i += 1
            if byte(i) == UInt8(ascii: "+") || byte(i) == UInt8(ascii: "-") { digits.append(byte(i)); i += 1 }
            let before = digits.count
            scanDecimalDigits()
            if digits.count == before { notNumber = true }
        }
        if byte(i) == UInt8(ascii: ".") {
            real = true
            digits.append(UInt8(ascii: "0"))
            digits.append(UInt8(ascii: "."))
            i += 1
            scanDecimalDigits()
            if byte(i) == UInt8(ascii: "e") || byte(i) == UInt8(ascii: "E") { scanExponent() }
        } else if byte(i) == UInt8(ascii: "0") && (byte(i + 1) | 0x20) == UInt8(ascii: "x") {
            format = .hex
            i += 2
            while let _ = Lexer.hexValue(byte(i)), i < limit { digits.append(bytes[i]); i += 1 }
            if digits.isEmpty { notNumber = true }
        } else if byte(i) == UInt8(ascii: "0") && (byte(i + 1) | 0x20) == UInt8(ascii: "b")
                    && (byte(i + 2) == UInt8(ascii: "0") || byte(i + 2) == UInt8(ascii: "1")) {
            format = .binary
            i += 2
            while byte(i) == UInt8(ascii: "0") || byte(i) == UInt8(ascii: "1") { digits.append(bytes[i]); i += 1 }
        } else {
            scanDecimalDigits()
            if byte(i) == UInt8(ascii: "."), byte(i + 1) != UInt8(ascii: ".") {
                real = true
                digits.append(UInt8(ascii: "."))
                i += 1
                scanDecimalDigits()
                if byte(i) == UInt8(ascii: "e") || byte(i) == UInt8(ascii: "E") { scanExponent() }
            } else if byte(i) == UInt8(ascii: "e") || byte(i) == UInt8(ascii: "E") {
                real = true
                scanExponent()
            }
        }
        if digits.isEmpty { return nil }

        var suffix = Suffix.none
        switch byte(i) | 0x20 {
        case UInt8(ascii: "u"):
            i += 1
            switch byte(i) | 0x20 {
            case UInt8(ascii: "l"): suffix = .unsignedLong; i += 1
            case UInt8(ascii: "s"): suffix = .ushort; i += 1
            case UInt8(ascii: "y"): suffix = .byte; i += 1
            default: suffix = .unsigned
            }
        case UInt8(ascii: "l"): suffix = .long; i += 1
        case UInt8(ascii: "d"): suffix = .decimal; i += 1
        case UInt8(ascii: "y"): suffix = .sbyte; i += 1
        case UInt8(ascii: "s"): suffix = .short; i += 1
        case UInt8(ascii: "n"): suffix = .bigInteger; i += 1
        default: break
        }
        var multiplier: Int64 = 1
        let m = byte(i) | 0x20
        let multipliers: [UInt8: Int64] = [UInt8(ascii: "k"): 1 << 10, UInt8(ascii: "m"): 1 << 20,
                                           UInt8(ascii: "g"): 1 << 30, UInt8(ascii: "t"): 1 << 40,
                                           UInt8(ascii: "p"): 1 << 50]
        if let mult = multipliers[m], i < limit {
            if (byte(i + 1) | 0x20) == UInt8(ascii: "b") {
                multiplier = mult
                i += 2
            } else {
                notNumber = true
            }
        }
        if !forcesNewToken(i) {
            if mode != .expression || !forcesNewTokenAfterNumber(i, ternary: options.endNumberOnTernary) { notNumber = true }
        }
        if notNumber { return nil }

        let digitText = String(decoding: digits, as: UTF8.self)
        guard let value = numberValue(digitText, format: format, real: real, negative: negative,
                                      suffix: suffix, multiplier: multiplier) else {
            if mode != .expression { return nil }
            var t = make(.number, start, i, .number(.int(0)))
            t.errors.append(error("BadNumericConstant", "'\(text(start, i))' is not a valid number.", at: start, end: i))
            return t
        }
        return make(.number, start, i, .number(value))
    }

    private func numberValue(_ digits: String, format: NumberFormat, real: Bool, negative: Bool,
                             suffix: Suffix, multiplier: Int64) -> ConstantValue? {
        if real {
            guard let d = Double(digits) else { return nil }
            if suffix == .decimal {
                let text = multiplier == 1 ? digits : String(d * Double(multiplier))
                return .decimal((negative ? "-" : "") + text)
            }
            let v = (negative ? -d : d) * Double(multiplier)
            if suffix == .none { return .double(v) }
            guard v.rounded() == v, abs(v) < 1.7e38 else { return nil }
            return integerValue(Int128(v), suffix: suffix, format: .decimal)
        }
        // Parse the magnitude; more than 128 bits only works as a double or BigInteger.
        var magnitude: Int128 = 0
        let radix: Int128 = format == .hex ? 16 : (format == .binary ? 2 : 10)
        var overflow = false
        for c in digits.utf8 {
            let d = Int128(Lexer.hexValue(c) ?? 0)
            let (r1, o1) = magnitude.multipliedReportingOverflow(by: radix)
            let (r2, o2) = r1.addingReportingOverflow(d)
            if o1 || o2 { overflow = true; break }
            magnitude = r2
        }
        if overflow || magnitude > Int128(UInt64.max) {
            guard format == .decimal else { return nil }
            if suffix == .bigInteger { return .bigInteger((negative ? "-" : "") + digits) }
            guard suffix == .none || suffix == .decimal, let d = Double(digits) else { return nil }
            let v = (negative ? -d : d) * Double(multiplier)
            if abs(v) < 7.9e28 && multiplier == 1 && suffix == .none || suffix == .decimal {
                return .decimal((negative ? "-" : "") + digits)
            }
            return .double(v)
        }
        // Hex and binary literals of exactly the type's width are two's complement (`0xFFFFFFFF` is -1).
        var value = magnitude
        let count = digits.utf8.count
        if format == .hex && suffix != .unsigned && suffix != .unsignedLong && suffix != .ushort && suffix != .byte {
            let width: Int
            switch suffix {
            case .sbyte: width = 2
            case .short: width = 4
            case .long: width = 16
            default: width = count < 16 ? 8 : 16
            }
            if count == width { value = Lexer.signExtend(magnitude, bits: width * 4) }
        } else if format == .binary && suffix != .unsigned && suffix != .unsignedLong && suffix != .ushort
                    && suffix != .byte && digits.first == "1" && [8, 16, 32, 64].contains(count) {
            value = Lexer.signExtend(magnitude, bits: count)
        }
        var effectiveSuffix = suffix
        if format != .decimal && count == (format == .hex ? 16 : 64) && suffix == .none { effectiveSuffix = .long }
        if negative { value = -value }
        let (scaled, o) = value.multipliedReportingOverflow(by: Int128(multiplier))
        if o { return nil }
        if effectiveSuffix == .none && format != .decimal && Int64(exactly: scaled) == nil { return nil }
        return integerValue(scaled, suffix: effectiveSuffix, format: format)
    }

    private static func signExtend(_ v: Int128, bits: Int) -> Int128 {
        let top = Int128(1) << (bits - 1)
        return v >= top ? v - (Int128(1) << bits) : v
    }

    private func integerValue(_ v: Int128, suffix: Suffix, format: NumberFormat) -> ConstantValue? {
        switch suffix {
        case .none:
            if let i = Int32(exactly: v) { return .int(i) }
            if let l = Int64(exactly: v) { return .long(l) }
            return .decimal(String(v))
        case .long: return Int64(exactly: v).map { .long($0) }
        case .unsigned:
            if let u = UInt32(exactly: v) { return .uint(u) }
            return UInt64(exactly: v).map { .ulong($0) }
        case .unsignedLong: return UInt64(exactly: v).map { .ulong($0) }
        case .decimal: return .decimal(String(v))
        case .sbyte: return Int8(exactly: v).map { .sbyte($0) }
        case .byte: return UInt8(exactly: v).map { .byte($0) }
        case .short: return Int16(exactly: v).map { .short($0) }
        case .ushort: return UInt16(exactly: v).map { .ushort($0) }
        case .bigInteger: return .bigInteger(String(v))
        }
    }
}

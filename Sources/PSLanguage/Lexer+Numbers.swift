// Numeric literals: decimal, hex (`0x1F`), binary (`0b101`), reals (`1.5`, `1e3`, `.5`),
// type suffixes (`l u ul d y uy s us n`) and multipliers (`kb mb gb tb pb`).

extension Lexer {
    private typealias NumberFormat = NumberLiteral.Format
    private typealias Suffix = NumberLiteral.Suffix

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
        guard let value = NumberLiteral.value(digits: digitText, format: format, real: real, negative: negative,
                                              suffix: suffix, multiplier: multiplier) else {
            if mode != .expression { return nil }
            var t = make(.number, start, i, .number(.int(0)))
            t.errors.append(error("BadNumericConstant", "'\(text(start, i))' is not a valid number.", at: start, end: i))
            return t
        }
        return make(.number, start, i, .number(value))
    }
}

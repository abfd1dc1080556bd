import BigInt
import Testing
@testable import PSLanguage

/// Numeric literals with type suffixes, sign bits and multipliers, checked against the values
/// and types PowerShell 7 gives them (its parser tests and tokenizer).
@Suite("Number literals")
struct NumberLiteralTests {
    static let typed: [(String, ConstantValue)] = [
        // Sign bits: hex and binary digits filling the type's width are two's complement.
        ("0xFFy", .sbyte(-1)), ("0x80y", .sbyte(-128)), ("0x41y", .sbyte(65)), ("-0x41y", .sbyte(-65)),
        ("0xFFFFs", .short(-1)), ("0xFFs", .short(255)),
        ("0b11111111y", .sbyte(-1)), ("0b11111111s", .short(-1)), ("0b11111111l", .long(-1)),
        ("0b11111111", .int(-1)), ("0b1111111111111111", .int(-1)), ("0b0111", .int(7)),
        ("0xFFFFFFFFFFFFFFFFl", .long(-1)), ("0xFFFFFFFFl", .long(4294967295)),
        // Unsigned suffixes never take a sign bit.
        ("0xFFuy", .byte(255)), ("0b11111111uy", .byte(255)), ("0xFFFFus", .ushort(65535)),
        ("0xFFFFFFFFu", .uint(4294967295)), ("0xFFFFFFFFFFu", .ulong(1099511627775)),
        ("0xFFFFFFFFFFFFFFFFu", .ulong(18446744073709551615)), ("0xFFFFFFFFFFFFFFFFul", .ulong(18446744073709551615)),
        ("0b11111111u", .uint(255)), ("0b11111111ul", .ulong(255)),
        // Fifteen or sixteen hex digits (64 binary digits) make an Int64 even when the value is small.
        ("0x000000000000001", .long(1)), ("0x7FFFFFFFFFFFFFFF", .long(Int64.max)),
        // Reals with an integer suffix round half to even.
        ("3.72y", .sbyte(4)), ("-3.72y", .sbyte(-4)), ("2.5l", .long(2)), ("-2.5l", .long(-2)), ("2.5u", .uint(2)),
        ("3.72uy", .byte(4)), ("3e2s", .short(300)), ("3e1y", .sbyte(30)), ("2.5n", .bigInteger(2)), ("3e2ul", .ulong(300)),
        // Suffix before multiplier.
        ("1lkb", .long(1024)), ("1skb", .short(1024)), ("1ukb", .uint(1024)), ("1utb", .ulong(1099511627776)),
        ("1uskb", .ushort(1024)), ("1ulpb", .ulong(1125899906842624)), ("1Nkb", .bigInteger(1024)),
        ("1dkb", .decimal("1024")), ("1.50dkb", .decimal("1536.00")),
        // Decimals keep their scale; exponents are folded in.
        ("1.10d", .decimal("1.10")), ("15e3d", .decimal("15000")), ("1.5e-2d", .decimal("0.015")), ("-1.5d", .decimal("-1.5")),
        ("79228162514264337593543950335d", .decimal("79228162514264337593543950335")),
        // BigInteger literals of any size, hex ones with PowerShell's width rule.
        ("123n", .bigInteger(123)), ("0xFFn", .bigInteger(255)), ("0xFFFFFFFFn", .bigInteger(-1)), ("-0x41n", .bigInteger(-65)),
        ("0b11111111n", .bigInteger(-1)),
        ("99999999999999999999999999999n", .bigInteger(BigInt("99999999999999999999999999999"))),
        ("0xFFFFFFFFFFFFFFFFFFFFn", .bigInteger(BigInt("1208925819614629174706175"))),
        // No suffix: Int32, Int64, then Decimal, then Double.
        ("79228162514264337593543950335", .decimal("79228162514264337593543950335")),
        ("79228162514264337593543950336", .double(79228162514264337593543950336.0)),
    ]

    @Test(arguments: typed)
    func literalValue(_ input: String, _ expected: ConstantValue) {
        let t = Lexer.tokenize(input, mode: .command)[0]
        #expect(t.kind == .number, "\(input)")
        #expect(t.errors.isEmpty, "\(input)")
        #expect(t.number == expected, "\(input): \(String(describing: t.number))")
    }

    /// Numbers whose value does not fit their type are parse errors, never a crash.
    @Test(arguments: ["0xFFFFy", "500sgb", "10000usgb", "10000.0usgb", "1uykb", "256uy", "-1uy", "128y", "1e999y",
                      "0xFFFFFFFFFFFFFFFFFFy", "0x1FFFFFFFFFFFFFFFF", "79228162514264337593543950336d", "1e400d"])
    func badNumericConstant(_ input: String) {
        let r = Parser.parse(input)
        #expect(r.errors.map(\.id) == ["BadNumericConstant"], "\(input)")
    }

    /// Suffix combinations PowerShell does not know are no number: in command mode a bareword.
    @Test(arguments: ["20ux", "18uu", "21ss", "100ll", "100un", "100ln", "100yu", "150su", "160ud", "160dd", "10ds", "16sl", "188lu"])
    func notANumber(_ input: String) {
        let t = Lexer.tokenize(input, mode: .command)[0]
        #expect(t.kind != .number, "\(input)")
    }

    @Test func numericStrings() {
        #expect(NumberLiteral.value(of: " 0b101 ") == .int(5))
        #expect(NumberLiteral.value(of: "0x10") == .int(16))
        #expect(NumberLiteral.value(of: "-5") == .int(-5))
        #expect(NumberLiteral.value(of: "100y") == .sbyte(100))
        #expect(NumberLiteral.value(of: "1kb") == .int(1024))
        #expect(NumberLiteral.value(of: "200y") == nil)
        #expect(NumberLiteral.value(of: "12abc") == nil)
        #expect(NumberLiteral.value(of: "1 2") == nil)
        #expect(NumberLiteral.value(of: "") == nil)
    }
}

import Testing
@testable import PSRuntime

/// PowerShell's integer types, BigInteger and Decimal: the type each operation gives and its
/// value, per PowerShell 7's arithmetic rules.
@Suite("Numeric types")
struct NumericTypesTests: SnippetRunning {
    /// "value TypeName" for the snippet's single result.
    private func typed(_ script: String) throws -> String {
        try run("$r = \(script); \"$r $($r.GetType().Name)\"").joined(separator: "|")
    }

    @Test("arithmetic widens by operand type", arguments: [
        ("100uy + 200uy", "300 Int32"),
        ("5y * 3s", "15 Int32"),
        ("[uint32]::MaxValue + 1", "4294967296 Double"),
        ("[uint64]::MaxValue + 1", "1.84467440737096E+19 Double"),
        ("[long]::MaxValue + 1", "9.22337203685478E+18 Double"),
        ("5u + 3", "8 UInt32"),
        ("5u - 7u", "-2 Double"),
        ("5u + -3", "2 Int64"),
        ("[uint64]5 + -3", "2 Decimal"),
        ("[uint64]10 * 3", "30 UInt64"),
        ("7u / 2u", "3.5 Double"),
        ("6ul / 2", "3 UInt64"),
        ("5u + 1l", "6 Int64"),
        ("2 + 1.5d", "3.5 Decimal"),
        ("1d + 1.5", "2.5 Decimal"),
        ("1.5 + [float]1", "2.5 Double"),
        ("10n / 3n", "3 BigInteger"),
        ("-7n / 2", "-3 BigInteger"),
        ("5n + 1.5", "6 BigInteger"),
        ("2 * 5n", "10 BigInteger"),
        ("7n % 3", "1 BigInteger"),
        ("[bigint]::Pow(2, 70)", "1180591620717411303424 BigInteger"),
    ])
    func arithmetic(_ script: String, _ expected: String) throws {
        #expect(try typed(script) == expected)
    }

    @Test("bitwise operators keep the wider integer type", arguments: [
        ("-1 -band 0xFFu", "255 UInt32"),
        ("0xF0uy -bor 0x0F", "255 Int32"),
        ("[uint64]::MaxValue -band 1", "1 UInt64"),
        ("5.0 -band 3", "1 UInt64"),
        ("-bnot 0u", "4294967295 UInt32"),
        ("-bnot 5n", "-6 BigInteger"),
        ("1u -shl 31", "2147483648 UInt32"),
        ("1n -shl 100", "1267650600228229401496703205376 BigInteger"),
    ])
    func bitwise(_ script: String, _ expected: String) throws {
        #expect(try typed(script) == expected)
    }

    @Test("casts and conversions", arguments: [
        ("[sbyte]-128", "-128 SByte"),
        ("[uint64]'18446744073709551615'", "18446744073709551615 UInt64"),
        ("[int]'0b101'", "5 Int32"),
        ("[int]'0x10'", "16 Int32"),
        ("[int16]'0xFFFF'", "-1 Int16"),
        ("'100y' -as [int]", "100 Int32"),
        ("'1234s' -as [bigint]", "1234 BigInteger"),
        ("'127y' -as [uint]", "127 UInt32"),
        ("[bigint]2.7", "2 BigInteger"),
        ("[bigint]'123456789012345678901234567'", "123456789012345678901234567 BigInteger"),
        ("$null -as [uint16]", "0 UInt16"),
        ("$true -as [bigint]", "1 BigInteger"),
        ("[decimal]::MaxValue", "79228162514264337593543950335 Decimal"),
        ("[decimal]0.1", "0.1 Decimal"),
        ("[decimal]'1.500'", "1.5 Decimal"),
        ("[decimal]'1.500d'", "1.500 Decimal"),
        ("[byte]::Parse(' 42 ')", "42 Byte"),
        ("[uint64]::MaxValue", "18446744073709551615 UInt64"),
        ("[int16]::MinValue", "-32768 Int16"),
    ])
    func conversions(_ script: String, _ expected: String) throws {
        #expect(try typed(script) == expected)
    }

    @Test("decimal keeps .NET's scale and precision", arguments: [
        ("1.10d", "1.10"),
        ("1.10d * 2", "2.20"),
        ("1d / 3d", "0.3333333333333333333333333333"),
        ("2d / 3d", "0.6666666666666666666666666667"),
        ("0.1d + 0.2d", "0.3"),
    ])
    func decimalText(_ script: String, _ expected: String) throws {
        #expect(try run(script) == [expected])
    }

    @Test("comparisons are exact across types", arguments: [
        ("5u -eq 5", "True"),
        ("5n -eq 5.0", "True"),
        ("[uint64]::MaxValue -gt [long]::MaxValue", "True"),
        ("[uint64]::MaxValue -eq [uint64]::MaxValue - 1", "False"),
        ("-1 -lt 0u", "True"),
        ("3n -in 1, 2, 3", "True"),
    ])
    func comparisons(_ script: String, _ expected: String) throws {
        #expect(try run(script) == [expected])
    }

    @Test("overflowing conversions report .NET's message", arguments: [
        ("[byte]256", "Value was either too large or too small for an unsigned byte."),
        ("[sbyte]-129", "Value was either too large or too small for a signed byte."),
        ("[uint16]-1", "Value was either too large or too small for a UInt16."),
        ("[uint64]-1", "Value was either too large or too small for a UInt64."),
        ("[decimal]::MaxValue + 1", "Value was either too large or too small for a Decimal."),
        ("[int]::Parse('0x10')", "The input string '0x10' was not in a correct format."),
    ])
    func overflowMessages(_ script: String, _ reason: String) throws {
        let message = try run("try { \(script) } catch { $_.Exception.Message }").joined()
        #expect(message.contains(reason), "\(message)")
    }

    /// A BigInteger too wide to compute in reasonable time is refused, not computed for minutes.
    @Test func hugeBigIntegersAreRefused() {
        #expect(snippetErrorId("[bigint]::Pow(2, 2000000000)") == "System.OutOfMemoryException")
        #expect(snippetErrorId("1n -shl 2000000000") == "System.OutOfMemoryException")
    }

    @Test func divisionByZeroIsAnError() {
        #expect(snippetErrorId("10n / 0") == "RuntimeException")
        #expect(snippetErrorId("5u % 0u") == "RuntimeException")
    }

    @Test func aBooleanIsNotMultipliedButIsSubtracted() throws {
        #expect(snippetErrorId("$false * $true") == "NotADefinedOperationForType")
        #expect(try run("2 * $true; $false - $true") == ["2", "-1"])
    }
}

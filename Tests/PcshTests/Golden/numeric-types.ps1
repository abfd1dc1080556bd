# PowerShell's integer types, BigInteger and Decimal: literals, arithmetic, casts and output.
function Show($value) { '{0} {1}' -f $value, $value.GetType().Name }

# Literal suffixes, sign bits of short hex and binary literals, multipliers.
Show 0xFFy
Show 0xFFFFs
Show 0b11111111y
Show 0xFFuy
Show 65535us
Show 0xFFFFFFFFu
Show 1ulkb
Show 3.72y
Show 123n
Show 0xFFFFFFFFn
Show 1.50d

# Arithmetic: small types widen to Int32, unsigned overflow to Double, Decimal over Double.
Show (100uy + 200uy)
Show ([uint32]::MaxValue + 1)
Show ([uint64]::MaxValue + 1)
Show (5u + -3)
Show (2 + 1.5d)
Show (10n / 3n)
Show (5n / 2)
Show (-1 -band 0xFFu)

# Output: full precision and decimal scale.
[decimal]::MaxValue
1.10d * 2
1d / 3d
[bigint]::Pow(2, 100)
[uint64]::MaxValue

# Conversions and parsing.
[int]'0b101'
[int]'0x10'
'100y' -as [int]
'200y' -as [int]
[byte]::Parse('255')
try { [byte]256 } catch { $_.Exception.Message }
try { [sbyte]-129 } catch { $_.Exception.Message }
5u -eq 5
[uint64]::MaxValue -gt [long]::MaxValue
[ordered]@{ small = 5us; big = 12345678901234567890n } | ConvertTo-Json -Compress
# CHECK: -1 SByte
# CHECK: -1 Int16
# CHECK: -1 SByte
# CHECK: 255 Byte
# CHECK: 65535 UInt16
# CHECK: 4294967295 UInt32
# CHECK: 1024 UInt64
# CHECK: 4 SByte
# CHECK: 123 BigInteger
# CHECK: -1 BigInteger
# CHECK: 1.50 Decimal
# CHECK: 300 Int32
# CHECK: 4294967296 Double
# CHECK: 1.8446744073709552E+19 Double
# CHECK: 2 Int64
# CHECK: 3.5 Decimal
# CHECK: 3 BigInteger
# CHECK: 2 BigInteger
# CHECK: 255 UInt32
# CHECK: 79228162514264337593543950335
# CHECK: 2.20
# CHECK: 0.3333333333333333333333333333
# CHECK: 1267650600228229401496703205376
# CHECK: 18446744073709551615
# CHECK: 5
# CHECK: 16
# CHECK: 100
# CHECK: 255
# CHECK: Cannot convert value "256" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."
# CHECK: Cannot convert value "-129" to type "System.SByte". Error: "Value was either too large or too small for a signed byte."
# CHECK: True
# CHECK: True
# CHECK: {"small":5,"big":12345678901234567890}

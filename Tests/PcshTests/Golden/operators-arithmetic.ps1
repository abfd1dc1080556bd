# Arithmetic, assignment, increment, bitwise operators and numeric widening.
7 + 3
7 - 10
6 * 7
10 / 4
10 / 5
(10 / 5).GetType().Name
(10 / 4).GetType().Name
7 % 3
-7 % 3
2 + 3 * 4
(2 + 3) * 4
'5' + 3
5 + '3'
'ab' * 3
1.5 + 1
[int]::MaxValue + 1
([int]::MaxValue + 1).GetType().Name
$null + 5
$i = 5
$i += 2; $i
$i -= 1; $i
$i *= 3; $i
$i /= 4; $i
$i %= 2; $i
$a = 5
$b = $a++
"a=$a b=$b"
$c = ++$a
"a=$a c=$c"
$a--
"after --: $a"
5 -band 3
5 -bor 3
5 -bxor 3
-bnot 0
1 -shl 4
256 -shr 2
[math]::Pow(2, 10)
[math]::Round(2.5)
[math]::Round(3.5)
[math]::Floor(-1.5)
[math]::Abs(-3)
[int](7 / 2)
$zero = 0
try { 1 / $zero } catch { "caught: $($_.Exception.Message)" }
# CHECK: 10
# CHECK: -3
# CHECK: 42
# CHECK: 2.5
# CHECK: 2
# CHECK: Int32
# CHECK: Double
# CHECK: 1
# CHECK: -1
# CHECK: 14
# CHECK: 20
# CHECK: 53
# CHECK: 8
# CHECK: ababab
# CHECK: 2.5
# CHECK: 2147483648
# CHECK: Double
# CHECK: 5
# CHECK: 7
# CHECK: 6
# CHECK: 18
# CHECK: 4.5
# CHECK: 0.5
# CHECK: a=6 b=5
# CHECK: a=7 c=7
# CHECK: after --: 6
# CHECK: 1
# CHECK: 7
# CHECK: 6
# CHECK: -1
# CHECK: 16
# CHECK: 64
# CHECK: 1024
# CHECK: 2
# CHECK: 4
# CHECK: -2
# CHECK: 3
# CHECK: 4
# CHECK: caught: Attempted to divide by zero.

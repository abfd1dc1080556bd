# Integer and real literals, their types, multiplier and type suffixes.
42
-7
0x1F
0b101
1kb
2mb
1gb
1.5
.5
1e3
1.5e2
3.0
1.50d
(42).GetType().Name
(2147483648).GetType().Name
(10l).GetType().Name
(1.5).GetType().Name
(1e3).GetType().Name
(1.5d).GetType().Name
(1tb).GetType().Name
[int]::MaxValue
[long]::MinValue
# CHECK: 42
# CHECK: -7
# CHECK: 31
# CHECK: 5
# CHECK: 1024
# CHECK: 2097152
# CHECK: 1073741824
# CHECK: 1.5
# CHECK: 0.5
# CHECK: 1000
# CHECK: 150
# CHECK: 3
# CHECK: 1.50
# CHECK: Int32
# CHECK: Int64
# CHECK: Int64
# CHECK: Double
# CHECK: Double
# CHECK: Decimal
# CHECK: Int64
# CHECK: 2147483647
# CHECK: -9223372036854775808

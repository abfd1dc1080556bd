import BigInt
import Foundation

enum ArithmeticOp { case add, subtract, multiply, divide, remainder }

/// `+ - * / %` on two numbers with PowerShell's widening rules: the operation runs in the wider
/// operand's type (Int32 < UInt32 < Int64 < UInt64 < Double < Decimal, BigInteger above all),
/// an unsigned type meeting a negative signed value widens to the next signed type, and
/// integer results that overflow become Double.
enum NumericArithmetic {
    static func apply(_ op: ArithmeticOp, _ x: Numeric, _ y: Numeric, scales: (Int, Int)) throws -> PSValue {
        switch (x, y) {
        case (.int(let a), .int(let b)): return try signed(op, Int64(a), Int64(b), narrow: true)
        case (.bigInteger, _), (_, .bigInteger): return try bigInteger(op, x, y)
        case (.decimal, _), (_, .decimal): return try decimal(op, x, y, scales: scales)
        case (.double, _), (_, .double): return double(op, x.asDouble, y.asDouble)
        case (.ulong, _), (_, .ulong):
            // UInt64 with a negative signed operand works in Decimal (Double when that overflows).
            if x.isNegative || y.isNegative {
                do { return try decimal(op, x, y, scales: (0, 0)) } catch let e as RuntimeError where !isDivideByZero(e) {
                    return double(op, x.asDouble, y.asDouble)
                }
            }
            return try unsigned64(op, UInt64(x.asInt128 ?? 0), UInt64(y.asInt128 ?? 0))
        case (.long, _), (_, .long): return try signed(op, Int64(x.asInt128 ?? 0), Int64(y.asInt128 ?? 0), narrow: false)
        default:
            // UInt32 with Int32 (or UInt32): Int64 when the signed one is negative.
            let a = x.asInt128 ?? 0, b = y.asInt128 ?? 0
            if a < 0 || b < 0 { return try signed(op, Int64(a), Int64(b), narrow: false) }
            return try unsigned32(op, UInt32(a), UInt32(b))
        }
    }

    private static func isDivideByZero(_ e: RuntimeError) -> Bool {
        e.record.exception.innerException?.typeName == "System.DivideByZeroException"
    }

    /// Int32/Int64 arithmetic; results that don't fit become Double, exact quotients stay integral.
    static func signed(_ op: ArithmeticOp, _ a: Int64, _ b: Int64, narrow: Bool) throws -> PSValue {
        func wrap(_ r: Int64) -> PSValue {
            if narrow {
                if r >= Int64(Int32.min) && r <= Int64(Int32.max) { return .int(Int32(r)) }
                return .double(Double(r))
            }
            return .long(r)
        }
        switch op {
        case .add:
            let (r, o) = a.addingReportingOverflow(b)
            return o ? .double(Double(a) + Double(b)) : wrap(r)
        case .subtract:
            let (r, o) = a.subtractingReportingOverflow(b)
            return o ? .double(Double(a) - Double(b)) : wrap(r)
        case .multiply:
            let (r, o) = a.multipliedReportingOverflow(by: b)
            return o ? .double(Double(a) * Double(b)) : wrap(r)
        case .divide:
            if b == 0 { throw Operators.divideByZero() }
            if b == -1 && a == (narrow ? Int64(Int32.min) : Int64.min) { return .double(-Double(a)) }
            if a % b == 0 { return wrap(a / b) }
            return .double(Double(a) / Double(b))
        case .remainder:
            if b == 0 { throw Operators.divideByZero() }
            if b == -1 { return wrap(0) }
            return wrap(a % b)
        }
    }

    private static func unsigned32(_ op: ArithmeticOp, _ a: UInt32, _ b: UInt32) throws -> PSValue {
        switch op {
        case .add:
            let (r, o) = a.addingReportingOverflow(b)
            return o ? .double(Double(a) + Double(b)) : .uint32(r)
        case .subtract:
            return a >= b ? .uint32(a - b) : .double(Double(a) - Double(b))
        case .multiply:
            let (r, o) = a.multipliedReportingOverflow(by: b)
            return o ? .double(Double(a) * Double(b)) : .uint32(r)
        case .divide:
            if b == 0 { throw Operators.divideByZero() }
            return a % b == 0 ? .uint32(a / b) : .double(Double(a) / Double(b))
        case .remainder:
            if b == 0 { throw Operators.divideByZero() }
            return .uint32(a % b)
        }
    }

    private static func unsigned64(_ op: ArithmeticOp, _ a: UInt64, _ b: UInt64) throws -> PSValue {
        switch op {
        case .add:
            let (r, o) = a.addingReportingOverflow(b)
            return o ? .double(Double(a) + Double(b)) : .uint64(r)
        case .subtract:
            return a >= b ? .uint64(a - b) : .double(Double(a) - Double(b))
        case .multiply:
            let (r, o) = a.multipliedReportingOverflow(by: b)
            return o ? .double(Double(a) * Double(b)) : .uint64(r)
        case .divide:
            if b == 0 { throw Operators.divideByZero() }
            return a % b == 0 ? .uint64(a / b) : .double(Double(a) / Double(b))
        case .remainder:
            if b == 0 { throw Operators.divideByZero() }
            return .uint64(a % b)
        }
    }

    static func double(_ op: ArithmeticOp, _ a: Double, _ b: Double) -> PSValue {
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide: return .double(a / b)
        case .remainder: return .double(a.truncatingRemainder(dividingBy: b))
        }
    }

    /// BigInteger's operators: the other operand converts to BigInteger (reals truncate), and
    /// division truncates (`10n / 3` is 3).
    private static func bigInteger(_ op: ArithmeticOp, _ x: Numeric, _ y: Numeric) throws -> PSValue {
        guard let a = x.asBigInt, let b = y.asBigInt else { throw overflow("BigInteger") }
        switch op {
        case .add: return .bigInteger(a + b)
        case .subtract: return .bigInteger(a - b)
        case .multiply:
            try AllocationGuard.check(bigIntegerBits: Double(a.magnitude.bitWidth + b.magnitude.bitWidth))
            return .bigInteger(a * b)
        case .divide:
            if b.isZero { throw Operators.divideByZero() }
            return .bigInteger(a / b)
        case .remainder:
            if b.isZero { throw Operators.divideByZero() }
            return .bigInteger(a % b)
        }
    }

    /// Decimal arithmetic keeps .NET's scale (1.50 + 1 is 2.50, 1.5 * 1.10 is 1.650) and
    /// fails beyond System.Decimal's range.
    private static func decimal(_ op: ArithmeticOp, _ x: Numeric, _ y: Numeric, scales: (Int, Int)) throws -> PSValue {
        guard var l = x.asExactDecimal, var r = y.asExactDecimal else { throw overflow("Decimal") }
        let scale: Int
        switch op {
        case .add, .subtract: scale = max(scales.0, scales.1)
        case .multiply: scale = min(28, scales.0 + scales.1)
        case .divide, .remainder: scale = scales.0
        }
        var result = Decimal()
        let error: NSDecimalNumber.CalculationError
        switch op {
        case .add: error = NSDecimalAdd(&result, &l, &r, .bankers)
        case .subtract: error = NSDecimalSubtract(&result, &l, &r, .bankers)
        case .multiply: error = NSDecimalMultiply(&result, &l, &r, .bankers)
        case .divide:
            if r.isZero { throw Operators.divideByZero() }
            error = NSDecimalDivide(&result, &l, &r, .bankers)
        case .remainder:
            if r.isZero { throw Operators.divideByZero() }
            var quotient = Decimal(), truncated = Decimal()
            _ = NSDecimalDivide(&quotient, &l, &r, .bankers)
            NSDecimalRound(&truncated, &quotient, 0, quotient < 0 ? .up : .down)
            var product = Decimal()
            _ = NSDecimalMultiply(&product, &truncated, &r, .bankers)
            error = NSDecimalSubtract(&result, &l, &product, .bankers)
        }
        result = DecimalMath.roundedToPrecision(result)
        if error == .overflow || !DecimalMath.inRange(result) { throw overflow("Decimal") }
        return .decimal(result, scale: scale)
    }

    static func overflow(_ typeName: String) -> RuntimeError {
        RuntimeError("Value was either too large or too small for a \(typeName).", id: "RuntimeException",
                     category: .NotSpecified, exceptionType: "System.OverflowException")
    }
}

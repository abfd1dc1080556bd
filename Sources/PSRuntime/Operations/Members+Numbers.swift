import BigInt

extension Members {
    /// `[int]::Parse('42')` and the other integer types: .NET's integer syntax only (optional
    /// sign and surrounding spaces; no hex, suffixes or multipliers, unlike a cast).
    static func integerParse(_ type: PSTypeInfo, _ call: MethodCall) throws -> PSValue {
        try call.count(1...3)
        let text = call.string(0)
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        let negative = body.first == "-"
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }), var value = BigInt(body) else {
            throw call.failure("System.FormatException", "The input string '\(text)' was not in a correct format.")
        }
        if negative { value.negate() }
        do {
            return try LanguagePrimitives.convert(.bigInteger(value), to: type, context: call.context)
        } catch {
            throw call.failure("System.OverflowException", LanguagePrimitives.overflowReason(type.fullName))
        }
    }

    /// `[bigint]::Parse/Pow/Abs/Min/Max/…`: System.Numerics.BigInteger's static methods.
    static func bigIntegerStaticMethod(_ call: MethodCall) throws -> PSValue? {
        func big(_ i: Int) throws -> BigInt {
            do { return try LanguagePrimitives.toBigInteger(call.arguments[i]) } catch let e as RuntimeError {
                throw call.conversionError(i, "System.Numerics.BigInteger", e)
            }
        }
        let lower = call.name.lowercased()
        switch lower {
        case "parse":
            try call.count(1...3)
            let text = call.string(0).trimmingCharacters(in: .whitespaces)
            guard let b = BigInt(text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
                throw call.failure("System.FormatException", "The value could not be parsed.")
            }
            return .bigInteger(b)
        case "pow":
            try call.count(2...2)
            let base = try big(0), exponent = try call.int(1)
            guard exponent >= 0 else {
                throw call.failure("System.ArgumentOutOfRangeException", "The number must be greater than or equal to zero. (Parameter 'exponent')")
            }
            try AllocationGuard.check(bigIntegerBits: Double(base.magnitude.bitWidth) * Double(exponent))
            return .bigInteger(base.power(exponent))
        case "abs":
            try call.count(1...1)
            return .bigInteger(BigInt(try big(0).magnitude))
        case "negate":
            try call.count(1...1)
            return .bigInteger(-(try big(0)))
        case "min", "max":
            try call.count(2...2)
            let a = try big(0), b = try big(1)
            return .bigInteger(lower == "min" ? Swift.min(a, b) : Swift.max(a, b))
        case "compare":
            try call.count(2...2)
            let a = try big(0), b = try big(1)
            return .int(a < b ? -1 : (a == b ? 0 : 1))
        case "greatestcommondivisor":
            try call.count(2...2)
            return .bigInteger(BigInt(try big(0).greatestCommonDivisor(with: try big(1))))
        case "add", "subtract", "multiply", "divide", "remainder":
            try call.count(2...2)
            let ops: [String: ArithmeticOp] = ["add": .add, "subtract": .subtract, "multiply": .multiply, "divide": .divide, "remainder": .remainder]
            let a = try big(0), b = try big(1)
            return try call.wrapping { try NumericArithmetic.apply(ops[lower]!, .bigInteger(a), .bigInteger(b), scales: (0, 0)) }
        default:
            return nil
        }
    }
}

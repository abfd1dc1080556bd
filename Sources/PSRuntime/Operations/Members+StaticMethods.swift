import BigInt
import Foundation

extension Members {
    // MARK: [math]

    static func mathMethod(_ call: MethodCall) throws -> PSValue? {
        let args = call.arguments
        let lower = call.name.lowercased()
        func number(_ i: Int) throws -> Numeric {
            do { return try LanguagePrimitives.numericOperand(args[i]) } catch let e as RuntimeError { throw call.conversionError(i, "System.Double", e) }
        }
        switch lower {
        case "round":
            try call.count(1...3)
            var digits = 0
            var awayFromZero = false
            for i in 1..<max(1, args.count) {
                let text = call.string(i).lowercased()
                if text == "awayfromzero" || text == "1" && i == 2 { awayFromZero = true } else if text == "toeven" || text == "0" && i == 2 {
                    awayFromZero = false
                } else if let d = Int(text), i == 1 { digits = d } else if ["tozero", "tonegativeinfinity", "topositiveinfinity"].contains(text) {
                    awayFromZero = false
                } else { digits = try call.int(i) }
            }
            guard (0...15).contains(digits) else {
                throw call.failure("System.ArgumentOutOfRangeException", "Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits')")
            }
            let rule: FloatingPointRoundingRule = awayFromZero ? .toNearestOrAwayFromZero : .toNearestOrEven
            if case .decimal(let d) = try number(0) {
                var source = d, result = Decimal()
                NSDecimalRound(&result, &source, digits, awayFromZero ? .plain : .bankers)
                return .decimal(result)
            }
            let x = try number(0).asDouble
            if digits == 0 { return .double(x.rounded(rule)) }
            let scale = pow(10.0, Double(digits))
            return .double((x * scale).rounded(rule) / scale)
        case "floor", "ceiling", "truncate":
            try call.count(1...1)
            let rule: FloatingPointRoundingRule = lower == "floor" ? .down : (lower == "ceiling" ? .up : .towardZero)
            if case .decimal(let d) = try number(0) {
                var source = d, result = Decimal()
                NSDecimalRound(&result, &source, 0, lower == "floor" ? .down : (lower == "ceiling" ? .up : (d < 0 ? .up : .down)))
                return .decimal(result)
            }
            return .double(try number(0).asDouble.rounded(rule))
        case "abs":
            try call.count(1...1)
            switch try number(0) {
            case .int(let i):
                if i == .min { throw call.failure("System.OverflowException", "Negating the minimum value of a twos complement number is invalid.") }
                return .int(abs(i))
            case .long(let l):
                if l == .min { throw call.failure("System.OverflowException", "Negating the minimum value of a twos complement number is invalid.") }
                return .long(abs(l))
            case .double(let d): return .double(abs(d))
            case .decimal(let d): return .decimal(abs(d))
            case .bigInteger(let b): return .bigInteger(BigInt(b.magnitude))
            case let n: return n.value
            }
        case "max", "min":
            try call.count(2...2)
            let a = try number(0), b = try number(1)
            let pickFirst = (LanguagePrimitives.compareNumbers(a, b) >= 0) == (lower == "max")
            switch (a, b) {
            case (.int, .int), (.long, .long), (.decimal, .decimal), (.uint, .uint), (.ulong, .ulong), (.bigInteger, .bigInteger):
                return (pickFirst ? a : b).value
            case (.int, .long), (.long, .int): return .long((pickFirst ? a : b).asLong)
            default:
                let x = a.asDouble, y = b.asDouble
                if x.isNaN || y.isNaN { return .double(.nan) }
                return .double(lower == "max" ? max(x, y) : min(x, y))
            }
        case "sign":
            try call.count(1...1)
            let x = try number(0)
            if case .double(let d) = x, d.isNaN { throw call.failure("System.ArithmeticException", "Function does not accept floating point Not-a-Number values.") }
            return .int(Int32(LanguagePrimitives.compareNumbers(x, .int(0))))
        case "clamp":
            try call.count(3...3)
            let v = try number(0), lo = try number(1), hi = try number(2)
            if LanguagePrimitives.compareNumbers(v, lo) < 0 { return lo.value }
            if LanguagePrimitives.compareNumbers(v, hi) > 0 { return hi.value }
            return v.value
        case "divrem":
            return nil
        case "bigmul":
            try call.count(2...2)
            return .long(Int64(try call.int(0)) * Int64(try call.int(1)))
        default:
            break
        }
        let unary: [String: (Double) -> Double] = [
            "sqrt": { $0.squareRoot() }, "exp": { Foundation.exp($0) }, "log10": { Foundation.log10($0) }, "log2": { Foundation.log2($0) },
            "sin": { Foundation.sin($0) }, "cos": { Foundation.cos($0) }, "tan": { Foundation.tan($0) }, "asin": { Foundation.asin($0) },
            "acos": { Foundation.acos($0) }, "atan": { Foundation.atan($0) }, "sinh": { Foundation.sinh($0) }, "cosh": { Foundation.cosh($0) },
            "tanh": { Foundation.tanh($0) }, "cbrt": { Foundation.cbrt($0) },
        ]
        if let f = unary[lower] {
            try call.count(1...1)
            return .double(f(try call.double(0)))
        }
        switch lower {
        case "pow":
            try call.count(2...2)
            return .double(Foundation.pow(try call.double(0), try call.double(1)))
        case "atan2":
            try call.count(2...2)
            return .double(Foundation.atan2(try call.double(0), try call.double(1)))
        case "log":
            try call.count(1...2)
            let x = try call.double(0)
            if args.count == 2 { return .double(Foundation.log(x) / Foundation.log(try call.double(1))) }
            return .double(Foundation.log(x))
        case "ieeeremainder":
            try call.count(2...2)
            return .double(Foundation.remainder(try call.double(0), try call.double(1)))
        default:
            return nil
        }
    }

    // MARK: [string], [char]

    static func stringStaticMethod(_ call: MethodCall) throws -> PSValue? {
        let args = call.arguments
        switch call.name.lowercased() {
        case "isnullorempty":
            try call.count(1...1)
            return .bool(args[0].isNull || call.string(0).isEmpty)
        case "isnullorwhitespace":
            try call.count(1...1)
            return .bool(args[0].isNull || call.string(0).allSatisfy(\.isWhitespace))
        case "join":
            guard args.count >= 2 else { throw call.overloadError() }
            let separator = call.string(0)
            let items = args.count == 2 ? (args[1].enumerated ?? [args[1]]) : Array(args.dropFirst())
            return .string(items.map { LanguagePrimitives.toString($0, context: call.context) }.joined(separator: separator))
        case "concat":
            let items = args.count == 1 ? (args[0].enumerated ?? [args[0]]) : args
            return .string(items.map { LanguagePrimitives.toString($0, context: call.context) }.joined())
        case "format":
            guard !args.isEmpty else { throw call.overloadError() }
            let rest = args.count == 2 ? (args[1].enumerated ?? [args[1]]) : Array(args.dropFirst())
            return .string(try call.wrapping { try DotNetFormat.composite(call.string(0), rest) })
        case "compare":
            try call.count(2...3)
            var ignore = false
            if args.count == 3 {
                let t = call.string(2).lowercased()
                ignore = t == "true" || t.hasSuffix("ignorecase")
            }
            return .int(Int32(LanguagePrimitives.compareStrings(call.string(0), call.string(1), ignoreCase: ignore)))
        case "compareordinal":
            try call.count(2...2)
            let a = call.string(0), b = call.string(1)
            return .int(a == b ? 0 : (a.utf16.lexicographicallyPrecedes(b.utf16) ? -1 : 1))
        case "equals":
            try call.count(2...3)
            if args.count == 3, call.string(2).lowercased().hasSuffix("ignorecase") { return .bool(call.string(0).equalsIgnoringCase(call.string(1))) }
            return .bool(args[0].baseValue.asString == args[1].baseValue.asString && !args[0].isNull || args[0].isNull && args[1].isNull)
        case "new":
            return nil
        default: return nil
        }
    }

    static func charStaticMethod(_ call: MethodCall) throws -> PSValue? {
        let lower = call.name.lowercased()
        if lower == "convertfromutf32" {
            try call.count(1...1)
            guard let scalar = Unicode.Scalar(UInt32(max(0, try call.int(0)))) else {
                throw call.failure("System.ArgumentOutOfRangeException", "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff). (Parameter 'utf32')")
            }
            return .string(String(Character(scalar)))
        }
        typealias Category = Unicode.GeneralCategory
        try call.count(1...2)
        var unit: UInt16
        if call.count == 2 {
            let u = Array(call.string(0).utf16)
            let i = try call.int(1)
            guard i >= 0, i < u.count else { throw call.failure("System.ArgumentOutOfRangeException", "Index was out of range. (Parameter 'index')") }
            unit = u[i]
        } else {
            unit = try call.wrapping { try LanguagePrimitives.toChar(call.arguments[0].baseValue) }
        }
        let scalar = Unicode.Scalar(unit) ?? Unicode.Scalar(UInt8(0))
        let p = scalar.properties
        switch lower {
        case "isdigit": return .bool(p.generalCategory == .decimalNumber)
        case "isnumber": return .bool([Category.decimalNumber, .letterNumber, .otherNumber].contains(where: { $0 == p.generalCategory }))
        case "isletter": return .bool(p.isAlphabetic && !(p.generalCategory == .letterNumber) && scalar.value > 0x40)
        case "isletterordigit": return .bool(p.isAlphabetic || p.generalCategory == .decimalNumber)
        case "iswhitespace": return .bool(p.isWhitespace)
        case "isupper": return .bool(p.isUppercase)
        case "islower": return .bool(p.isLowercase)
        case "ispunctuation":
            return .bool([Category.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                           .finalPunctuation, .otherPunctuation].contains(where: { $0 == p.generalCategory }))
        case "issymbol": return .bool([Category.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol].contains(where: { $0 == p.generalCategory }))
        case "iscontrol": return .bool(p.generalCategory == .control)
        case "toupper", "toupperinvariant": return .char(String(Character(scalar)).uppercased().utf16.first ?? unit)
        case "tolower", "tolowerinvariant": return .char(String(Character(scalar)).lowercased().utf16.first ?? unit)
        case "getnumericvalue": return .double(p.numericValue ?? -1)
        case "tostring": return .string(String(utf16CodeUnits: [unit], count: 1))
        default: return nil
        }
    }

    // MARK: [datetime], [timespan], [guid]

    static func dateStaticMethod(_ call: MethodCall) throws -> PSValue? {
        switch call.name.lowercased() {
        case "parse":
            try call.count(1...3)
            let text = call.string(0)
            guard let d = DateFormatting.parse(text) else {
                throw call.failure("System.FormatException", "The string '\(text)' was not recognized as a valid DateTime. There is an unknown word starting at index '0'.")
            }
            return .dateTime(d)
        case "parseexact":
            try call.count(2...4)
            let text = call.string(0)
            let formats = call.arguments[1].enumerated.map { $0.map { LanguagePrimitives.toString($0, context: nil) } } ?? [call.string(1)]
            for f in formats { if let d = DateParsing.parseExact(text, format: f) { return .dateTime(d) } }
            throw call.failure("System.FormatException", "String '\(text)' was not recognized as a valid DateTime.")
        case "daysinmonth":
            try call.count(2...2)
            let m = try call.int(1)
            guard (1...12).contains(m) else { throw call.failure("System.ArgumentOutOfRangeException", "Month must be between one and twelve. (Parameter 'month')") }
            return .int(Int32(DateFormatting.daysInMonth(try call.int(0), m)))
        case "isleapyear":
            try call.count(1...1)
            return .bool(DateFormatting.isLeapYear(try call.int(0)))
        case "specifykind":
            try call.count(2...2)
            return .dateTime(try LanguagePrimitives.toDate(call.arguments[0]))
        case "compare":
            try call.count(2...2)
            return .int(Int32(try LanguagePrimitives.compare(.dateTime(try LanguagePrimitives.toDate(call.arguments[0])), call.arguments[1])))
        case "fromfiletime", "fromfiletimeutc":
            try call.count(1...1)
            let ticks = try LanguagePrimitives.toInt64(call.arguments[0]) + 504_911_232_000_000_000
            let utc = DateFormatting.date(fromTicks: ticks)
            return .dateTime(utc.addingTimeInterval(Double(TimeZone.current.secondsFromGMT(for: utc))))
        default: return nil
        }
    }

    static func timeSpanStaticMethod(_ call: MethodCall) throws -> PSValue? {
        let units: [String: Double] = ["fromdays": 86400e7, "fromhours": 3600e7, "fromminutes": 60e7, "fromseconds": 1e7,
                                       "frommilliseconds": 1e4, "frommicroseconds": 10]
        let lower = call.name.lowercased()
        if let unit = units[lower] {
            try call.count(1...1)
            return .timeSpan(ticks: Int64((try call.double(0) * unit).rounded()))
        }
        switch lower {
        case "fromticks":
            try call.count(1...1)
            return .timeSpan(ticks: try LanguagePrimitives.toInt64(call.arguments[0]))
        case "parse":
            try call.count(1...2)
            guard let t = TimeSpanFormatting.parse(call.string(0)) else {
                throw call.failure("System.FormatException", "String '\(call.string(0))' was not recognized as a valid TimeSpan.")
            }
            return .timeSpan(ticks: t)
        default: return nil
        }
    }

    static func guidStaticMethod(_ call: MethodCall) throws -> PSValue? {
        switch call.name.lowercased() {
        case "newguid":
            try call.count(0...0)
            return .guid(UUID())
        case "parse":
            try call.count(1...1)
            let text = call.string(0).trimmingCharacters(in: CharacterSet(charactersIn: "{} "))
            guard let u = UUID(uuidString: text) else {
                throw call.failure("System.FormatException", "Unrecognized Guid format.")
            }
            return .guid(u)
        default: return nil
        }
    }
}

/// `ParseExact` with custom .NET date formats (`yyyy-MM-dd`, `dd/MM/yyyy HH:mm`, `yyyyMMdd`).
enum DateParsing {
    static func parseExact(_ text: String, format: String) -> Date? {
        let t = Array(text), f = Array(format)
        var ti = 0, fi = 0
        var year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, fraction = 0.0
        var pm: Bool?
        func digits(_ maxCount: Int, exact: Bool) -> Int? {
            var v = 0, n = 0
            while ti < t.count, n < maxCount, let d = t[ti].wholeNumberValue, t[ti].isASCII { v = v * 10 + d; ti += 1; n += 1 }
            if n == 0 || (exact && n != maxCount) { return nil }
            return v
        }
        while fi < f.count {
            let c = f[fi]
            var n = 0
            while fi + n < f.count && f[fi + n] == c { n += 1 }
            switch c {
            case "y": guard let v = digits(n <= 2 ? 2 : 4, exact: n > 1) else { return nil }; year = n <= 2 ? 2000 + v : v
            case "M":
                if n >= 3 {
                    let rest = String(t[ti...]).lowercased()
                    guard let m = DateFormatting.monthNames.firstIndex(where: { rest.hasPrefix(n == 3 ? String($0.prefix(3)).lowercased() : $0.lowercased()) }) else { return nil }
                    month = m + 1
                    ti += n == 3 ? 3 : DateFormatting.monthNames[m].count
                } else { guard let v = digits(2, exact: n == 2) else { return nil }; month = v }
            case "d":
                if n >= 3 {
                    let rest = String(t[ti...]).lowercased()
                    guard let name = DateFormatting.dayNames.first(where: { rest.hasPrefix(n == 3 ? String($0.prefix(3)).lowercased() : $0.lowercased()) }) else { return nil }
                    ti += n == 3 ? 3 : name.count
                } else { guard let v = digits(2, exact: n == 2) else { return nil }; day = v }
            case "H", "h": guard let v = digits(2, exact: n == 2) else { return nil }; hour = v
            case "m": guard let v = digits(2, exact: n == 2) else { return nil }; minute = v
            case "s": guard let v = digits(2, exact: n == 2) else { return nil }; second = v
            case "f", "F":
                let start = ti
                guard let v = digits(n, exact: c == "f") else { if c == "F" { break }; return nil }
                fraction = Double(v) / pow(10, Double(ti - start))
            case "t":
                let rest = String(t[ti...]).uppercased()
                if rest.hasPrefix("AM") || rest.hasPrefix("PM") { pm = rest.hasPrefix("PM"); ti += 2 } else { return nil }
            case "'", "\"":
                var k = fi + 1
                while k < f.count && f[k] != c {
                    guard ti < t.count, t[ti] == f[k] else { return nil }
                    ti += 1; k += 1
                }
                fi = k + 1
                continue
            case "\\":
                guard fi + 1 < f.count, ti < t.count, t[ti] == f[fi + 1] else { return nil }
                ti += 1; fi += 2
                continue
            default:
                for _ in 0..<n {
                    guard ti < t.count, t[ti] == c else { return nil }
                    ti += 1
                }
            }
            fi += n
        }
        guard ti == t.count else { return nil }
        if let pm { if pm && hour < 12 { hour += 12 } else if !pm && hour == 12 { hour = 0 } }
        return DateFormatting.make(year: year, month: month, day: day, hour: hour, minute: minute, second: second)?.addingTimeInterval(fraction)
    }
}

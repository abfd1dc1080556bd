import Foundation

extension Members {
    static let dateTimePropertyNames = ["DisplayHint", "Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Kind", "Millisecond",
                                        "Microsecond", "Nanosecond", "Minute", "Month", "Second", "Ticks", "TimeOfDay", "Year"]
    static let timeSpanPropertyNames = ["Ticks", "Days", "Hours", "Milliseconds", "Microseconds", "Nanoseconds", "Minutes", "Seconds",
                                        "TotalDays", "TotalHours", "TotalMilliseconds", "TotalMicroseconds", "TotalNanoseconds",
                                        "TotalMinutes", "TotalSeconds"]

    static func dateProperty(_ d: Date, _ name: String) -> PSValue? {
        let p = DateFormatting.parts(d)
        switch name.lowercased() {
        case "year": return .int(Int32(p.year))
        case "month": return .int(Int32(p.month))
        case "day": return .int(Int32(p.day))
        case "hour": return .int(Int32(p.hour))
        case "minute": return .int(Int32(p.minute))
        case "second": return .int(Int32(p.second))
        case "millisecond": return .int(Int32(p.fractionTicks / 10_000))
        case "microsecond": return .int(Int32((p.fractionTicks / 10) % 1000))
        case "nanosecond": return .int(Int32((p.fractionTicks % 10) * 100))
        case "dayofweek": return .object(EnumValue(typeName: "System.DayOfWeek", name: DateFormatting.dayNames[p.weekday], value: Int64(p.weekday)))
        case "dayofyear":
            let start = DateFormatting.make(year: p.year, month: 1, day: 1) ?? d
            return .int(Int32(DateFormatting.calendar.dateComponents([.day], from: start, to: DateFormatting.startOfDay(d)).day ?? 0) + 1)
        case "date": return .dateTime(DateFormatting.startOfDay(d))
        case "timeofday":
            return .timeSpan(ticks: DateFormatting.ticks(d) - DateFormatting.ticks(DateFormatting.startOfDay(d)))
        case "ticks": return .long(DateFormatting.ticks(d))
        case "kind": return .string("Local")
        case "displayhint": return .string("DateTime")
        default: return nil
        }
    }

    static func dateMethod(_ d: Date, _ call: MethodCall) throws -> PSValue? {
        func add(_ seconds: Double) -> PSValue { .dateTime(d.addingTimeInterval(seconds)) }
        let lower = call.name.lowercased()
        switch lower {
        case "adddays", "addhours", "addminutes", "addseconds", "addmilliseconds":
            try call.count(1...1)
            let n = try call.double(0)
            let unit: Double = ["adddays": 86400, "addhours": 3600, "addminutes": 60, "addseconds": 1, "addmilliseconds": 0.001][lower] ?? 1
            // Calendar days keep the wall-clock time across daylight-saving changes.
            if lower == "adddays", n == n.rounded() {
                return .dateTime(DateFormatting.calendar.date(byAdding: .day, value: Int(n), to: d) ?? d.addingTimeInterval(n * unit))
            }
            return add(n * unit)
        case "addticks":
            try call.count(1...1)
            return add(Double(try LanguagePrimitives.toInt64(call.arguments[0])) / 1e7)
        case "addmonths":
            try call.count(1...1)
            return .dateTime(DateFormatting.addMonths(d, try call.int(0)))
        case "addyears":
            try call.count(1...1)
            return .dateTime(DateFormatting.addMonths(d, try call.int(0) * 12))
        case "add":
            try call.count(1...1)
            return add(Double(try call.wrapping { try LanguagePrimitives.toTimeSpanTicks(call.arguments[0].baseValue) }) / 1e7)
        case "subtract":
            try call.count(1...1)
            return try call.wrapping { try Operators.subtract(.dateTime(d), call.arguments[0]) }
        case "tostring":
            if call.count == 0 { return .string(DotNetFormat.formatDate(d, "G")) }
            return .string(DotNetFormat.formatDate(d, call.string(0)))
        case "toshortdatestring": return .string(DotNetFormat.formatDate(d, "d"))
        case "tolongdatestring": return .string(DotNetFormat.formatDate(d, "D"))
        case "toshorttimestring": return .string(DotNetFormat.formatDate(d, "t"))
        case "tolongtimestring": return .string(DotNetFormat.formatDate(d, "T"))
        case "touniversaltime":
            return .dateTime(d.addingTimeInterval(-Double(TimeZone.current.secondsFromGMT(for: d))))
        case "tolocaltime":
            return .dateTime(d)
        case "isdaylightsavingtime":
            return .bool(TimeZone.current.isDaylightSavingTime(for: d))
        case "tofiletime", "tofiletimeutc":
            return .long(DateFormatting.ticks(d.addingTimeInterval(-Double(TimeZone.current.secondsFromGMT(for: d)))) - 504_911_232_000_000_000)
        case "getdatetimeformats":
            return .array(["d", "D", "f", "F", "g", "G", "M", "O", "R", "s", "t", "T", "u", "U", "Y"].map { .string(DotNetFormat.formatDate(d, $0)) })
        default:
            return nil
        }
    }

    static func timeSpanProperty(_ t: Int64, _ name: String) -> PSValue? {
        let tps = TimeSpanFormatting.ticksPerSecond
        switch name.lowercased() {
        case "ticks": return .long(t)
        case "days": return .int(Int32(t / (tps * 86400)))
        case "hours": return .int(Int32((t / (tps * 3600)) % 24))
        case "minutes": return .int(Int32((t / (tps * 60)) % 60))
        case "seconds": return .int(Int32((t / tps) % 60))
        case "milliseconds": return .int(Int32((t / 10_000) % 1000))
        case "microseconds": return .int(Int32((t / 10) % 1000))
        case "nanoseconds": return .int(Int32((t % 10) * 100))
        case "totaldays": return .double(Double(t) / Double(tps * 86400))
        case "totalhours": return .double(Double(t) / Double(tps * 3600))
        case "totalminutes": return .double(Double(t) / Double(tps * 60))
        case "totalseconds": return .double(Double(t) / Double(tps))
        case "totalmilliseconds": return .double(Double(t) / 10_000)
        case "totalmicroseconds": return .double(Double(t) / 10)
        case "totalnanoseconds": return .double(Double(t) * 100)
        default: return nil
        }
    }

    static func timeSpanMethod(_ t: Int64, _ call: MethodCall) throws -> PSValue? {
        switch call.name.lowercased() {
        case "add", "subtract":
            try call.count(1...1)
            let u = try call.wrapping { try LanguagePrimitives.toTimeSpanTicks(call.arguments[0].baseValue) }
            return .timeSpan(ticks: call.name.lowercased() == "add" ? t &+ u : t &- u)
        case "negate": return .timeSpan(ticks: -t)
        case "duration": return .timeSpan(ticks: abs(t))
        case "multiply":
            try call.count(1...1)
            return .timeSpan(ticks: Int64((Double(t) * (try call.double(0))).rounded()))
        case "divide":
            try call.count(1...1)
            if let u = call.arguments[0].baseValue.asTimeSpanTicks { return .double(Double(t) / Double(u)) }
            return .timeSpan(ticks: Int64((Double(t) / (try call.double(0))).rounded()))
        case "tostring":
            if call.count == 0 { return .string(TimeSpanFormatting.string(ticks: t)) }
            return .string(formatTimeSpan(t, call.string(0)))
        default: return nil
        }
    }

    /// TimeSpan custom formats (`hh\:mm\:ss`, `c`, `g`).
    static func formatTimeSpan(_ t: Int64, _ format: String) -> String {
        if format == "c" || format == "g" || format == "G" || format.isEmpty { return TimeSpanFormatting.string(ticks: t) }
        let tps = TimeSpanFormatting.ticksPerSecond
        let m = t.magnitude
        let values: [Character: UInt64] = ["d": m / UInt64(tps * 86400), "h": (m / UInt64(tps * 3600)) % 24,
                                           "m": (m / UInt64(tps * 60)) % 60, "s": (m / UInt64(tps)) % 60]
        var out = ""
        let chars = Array(format)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count { out.append(chars[i + 1]); i += 2; continue }
            if c == "'" {
                i += 1
                while i < chars.count && chars[i] != "'" { out.append(chars[i]); i += 1 }
                i += 1
                continue
            }
            var n = 0
            while i + n < chars.count && chars[i + n] == c { n += 1 }
            if let v = values[c] {
                let text = String(v)
                out += String(repeating: "0", count: max(0, n - text.count)) + text
            } else if c == "f" || c == "F" {
                let fraction = String(m % UInt64(tps))
                var digits = String((String(repeating: "0", count: 7 - fraction.count) + fraction).prefix(n))
                if c == "F" { while digits.hasSuffix("0") { digits.removeLast() } }
                out += digits
            } else {
                out += String(repeating: c, count: n)
            }
            i += n
        }
        return out
    }
}

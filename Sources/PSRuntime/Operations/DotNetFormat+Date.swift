import Foundation

/// Calendar arithmetic and text for `DateTime` values (local time zone, Gregorian calendar).
enum DateFormatting {
    static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone.current
        return c
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    struct Parts {
        var year, month, day, hour, minute, second, weekday: Int
        /// 100-ns ticks within the second.
        var fractionTicks: Int
    }

    static func parts(_ date: Date, timeZone: TimeZone? = nil) -> Parts {
        var cal = calendar
        if let timeZone { cal.timeZone = timeZone }
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let whole = date.timeIntervalSinceReferenceDate.rounded(.down)
        let fraction = Int(((date.timeIntervalSinceReferenceDate - whole) * 10_000_000).rounded())
        return Parts(year: c.year ?? 1, month: c.month ?? 1, day: c.day ?? 1, hour: c.hour ?? 0, minute: c.minute ?? 0,
                     second: c.second ?? 0, weekday: (c.weekday ?? 1) - 1, fractionTicks: min(fraction, 9_999_999))
    }

    /// PowerShell's culture-invariant DateTime text: `MM/dd/yyyy HH:mm:ss`.
    static func invariantString(_ date: Date) -> String {
        let p = parts(date)
        return two(p.month) + "/" + two(p.day) + "/" + four(p.year) + " " + two(p.hour) + ":" + two(p.minute) + ":" + two(p.second)
    }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
    static func four(_ v: Int) -> String {
        let s = String(v)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }

    /// The local UTC offset as `+hh:mm`.
    static func offsetText(_ date: Date, separator: Bool = true, minutes: Bool = true) -> String {
        let seconds = TimeZone.current.secondsFromGMT(for: date)
        let sign = seconds < 0 ? "-" : "+"
        let h = abs(seconds) / 3600, m = (abs(seconds) % 3600) / 60
        if !minutes { return sign + two(h) }
        return sign + two(h) + (separator ? ":" : "") + two(m)
    }

    static func make(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                     millisecond: Int = 0, timeZone: TimeZone? = nil) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month), (0...23).contains(hour),
              (0...59).contains(minute), (0...59).contains(second), year >= 1, year <= 9999 else { return nil }
        var cal = calendar
        if let timeZone { cal.timeZone = timeZone }
        let comps = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return cal.date(from: comps).map { $0.addingTimeInterval(Double(millisecond) / 1000) }
    }

    static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeapYear(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// .NET ticks (100 ns since 0001-01-01) of a date, in local time. Whole seconds and the
    /// fraction are converted separately: their product would exceed a Double's exact range.
    static func ticks(_ date: Date) -> Int64 {
        let local = date.timeIntervalSinceReferenceDate + Double(TimeZone.current.secondsFromGMT(for: date))
        let whole = local.rounded(.down)
        let fraction = Int64(((local - whole) * 10_000_000).rounded())
        // 0001-01-01 to 2001-01-01 is 63113904000 seconds.
        return (Int64(whole) + 63_113_904_000) * 10_000_000 + fraction
    }

    static func date(fromTicks ticks: Int64) -> Date {
        let seconds = ticks / 10_000_000 - 63_113_904_000
        let fraction = Double(ticks % 10_000_000) / 10_000_000
        let guess = Date(timeIntervalSinceReferenceDate: Double(seconds) + fraction)
        return guess.addingTimeInterval(-Double(TimeZone.current.secondsFromGMT(for: guess)))
    }

    /// Adds calendar months (day clamped to the target month's length), like `AddMonths`.
    static func addMonths(_ date: Date, _ months: Int) -> Date {
        let p = parts(date)
        let total = p.year * 12 + (p.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        let day = min(p.day, daysInMonth(year, month))
        let base = make(year: year, month: month, day: day, hour: p.hour, minute: p.minute, second: p.second) ?? date
        return base.addingTimeInterval(Double(p.fractionTicks) / 10_000_000)
    }

    /// Midnight of the same local day.
    static func startOfDay(_ date: Date) -> Date { calendar.startOfDay(for: date) }

    // MARK: Parsing

    /// Parses the date and time forms PowerShell's invariant-culture `[datetime]` cast accepts.
    static func parse(_ text: String) -> Date? {
        let s = text.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return nil }
        if let d = parseISO(s) { return d }
        return parseCultureForm(s)
    }

    /// `yyyy-MM-dd[THH:mm[:ss[.fff]]][Z|±hh:mm]` (and `yyyy/MM/dd`, a space instead of T).
    private static func parseISO(_ s: String) -> Date? {
        let chars = Array(s)
        var i = 0
        func number(maxDigits: Int) -> Int? {
            var v = 0, n = 0
            while i < chars.count, n < maxDigits, let d = chars[i].wholeNumberValue, chars[i].isASCII {
                v = v * 10 + d; i += 1; n += 1
            }
            return n == 0 ? nil : v
        }
        guard let year = number(maxDigits: 4), i == 4, i < chars.count, chars[i] == "-" || chars[i] == "/" else { return nil }
        let sep = chars[i]; i += 1
        guard let month = number(maxDigits: 2), i < chars.count, chars[i] == sep else { return nil }
        i += 1
        guard let day = number(maxDigits: 2) else { return nil }
        var hour = 0, minute = 0, second = 0, fraction = 0.0
        var zone: TimeZone?
        if i < chars.count, chars[i] == "T" || chars[i] == " " {
            i += 1
            guard let h = number(maxDigits: 2), i < chars.count, chars[i] == ":" else { return nil }
            i += 1
            guard let m = number(maxDigits: 2) else { return nil }
            hour = h; minute = m
            if i < chars.count, chars[i] == ":" {
                i += 1
                guard let sec = number(maxDigits: 2) else { return nil }
                second = sec
                if i < chars.count, chars[i] == "." {
                    i += 1
                    let start = i
                    guard let f = number(maxDigits: 9) else { return nil }
                    fraction = Double(f) / pow(10, Double(i - start))
                    while i < chars.count, chars[i].isNumber { i += 1 }
                }
            }
            if i < chars.count, chars[i] == " " { i += 1 }
            if i < chars.count, chars[i] == "Z" || chars[i] == "z" {
                zone = TimeZone(secondsFromGMT: 0); i += 1
            } else if i < chars.count, chars[i] == "+" || chars[i] == "-" {
                let negative = chars[i] == "-"; i += 1
                guard let oh = number(maxDigits: 2) else { return nil }
                var om = 0
                if i < chars.count, chars[i] == ":" { i += 1 }
                if let m = number(maxDigits: 2) { om = m }
                zone = TimeZone(secondsFromGMT: (negative ? -1 : 1) * (oh * 3600 + om * 60))
            } else if i < chars.count, let ampm = parseAMPM(chars, &i) {
                if ampm && hour < 12 { hour += 12 } else if !ampm && hour == 12 { hour = 0 }
            }
        }
        guard i == chars.count else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, timeZone: zone)?
            .addingTimeInterval(fraction)
    }

    private static func parseAMPM(_ chars: [Character], _ i: inout Int) -> Bool? {
        let rest = String(chars[i...]).lowercased()
        if rest == "am" || rest == "a.m." { i = chars.count; return false }
        if rest == "pm" || rest == "p.m." { i = chars.count; return true }
        return nil
    }

    /// `M/d/yyyy [h:mm[:ss] [AM|PM]]`, `d MMMM yyyy`, `MMMM d, yyyy`, `HH:mm[:ss]` (today).
    private static func parseCultureForm(_ s: String) -> Date? {
        let tokens = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        var year: Int?, month: Int?, day: Int?
        var hour = 0, minute = 0, second = 0, fraction = 0.0
        var pm: Bool?
        var sawTime = false
        for token in tokens {
            let lower = token.lowercased()
            if lower == "am" || lower == "pm" { pm = lower == "pm"; continue }
            if token.contains(":") {
                let f = token.split(separator: ":", omittingEmptySubsequences: false)
                guard f.count >= 2, f.count <= 3, let h = Int(f[0]), let m = Int(f[1]) else { return nil }
                hour = h; minute = m
                if f.count == 3 {
                    let secParts = f[2].split(separator: ".", maxSplits: 1)
                    guard let sec = secParts.first.flatMap({ Int($0) }) else { return nil }
                    second = sec
                    if secParts.count == 2, let fv = Double("0." + secParts[1]) { fraction = fv }
                }
                sawTime = true
                continue
            }
            if token.contains("/") || token.contains("-") || token.contains(".") {
                let sep: Character = token.contains("/") ? "/" : (token.contains("-") ? "-" : ".")
                let parts = token.split(separator: sep)
                let f = parts.map { Int($0) }
                guard f.count == 3, let a = f[0], let b = f[1], let c = f[2] else { return nil }
                // A year of one or two digits falls in 1930-2029 (.NET's window); `0030` is year 30.
                let shortYear = parts[2].count <= 2
                if a > 31 { year = a; month = b; day = c } else { month = a; day = b; year = shortYear ? (c < 30 ? 2000 + c : 1900 + c) : c }
                continue
            }
            if let m = monthNames.firstIndex(where: { $0.lowercased().hasPrefix(lower) && lower.count >= 3 }) {
                month = m + 1; continue
            }
            if dayNames.contains(where: { $0.lowercased().hasPrefix(lower) && lower.count >= 3 }) { continue }
            if let n = Int(token) {
                if n > 31 || (day != nil && year == nil) { year = n } else if day == nil { day = n } else { return nil }
                continue
            }
            return nil
        }
        if let pm {
            guard sawTime, hour <= 12 else { return nil }
            if pm && hour < 12 { hour += 12 } else if !pm && hour == 12 { hour = 0 }
        }
        if year == nil && month == nil && day == nil {
            guard sawTime else { return nil }
            let today = parts(Date())
            return make(year: today.year, month: today.month, day: today.day, hour: hour, minute: minute, second: second)?
                .addingTimeInterval(fraction)
        }
        guard let m = month, let d = day else { return nil }
        let y = year ?? parts(Date()).year
        return make(year: y, month: m, day: d, hour: hour, minute: minute, second: second)?.addingTimeInterval(fraction)
    }
}

extension DotNetFormat {
    /// Formats a date with a .NET standard (`d D t T f F g G s u o r M Y`) or custom format
    /// (`yyyy-MM-dd HH:mm:ss.fff tt`, `dddd`, `MMM`, `zzz`, quoted literals), en-US names.
    public static func formatDate(_ date: Date, _ format: String) -> String {
        if format.isEmpty { return formatDate(date, "G") }
        if format.count == 1 {
            switch format {
            case "d": return formatCustom(date, "M/d/yyyy")
            case "D": return formatCustom(date, "dddd, MMMM d, yyyy")
            case "t": return formatCustom(date, "h:mm tt")
            case "T": return formatCustom(date, "h:mm:ss tt")
            case "f": return formatCustom(date, "dddd, MMMM d, yyyy h:mm tt")
            case "F": return formatCustom(date, "dddd, MMMM d, yyyy h:mm:ss tt")
            case "g": return formatCustom(date, "M/d/yyyy h:mm tt")
            case "G": return formatCustom(date, "M/d/yyyy h:mm:ss tt")
            case "s": return formatCustom(date, "yyyy-MM-ddTHH:mm:ss")
            case "u": return formatCustom(date, "yyyy-MM-dd HH:mm:ssZ", timeZone: TimeZone(secondsFromGMT: 0))
            case "U": return formatCustom(date, "dddd, MMMM d, yyyy h:mm:ss tt", timeZone: TimeZone(secondsFromGMT: 0))
            case "o", "O": return formatCustom(date, "yyyy-MM-ddTHH:mm:ss.fffffffK")
            case "r", "R": return formatCustom(date, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", timeZone: TimeZone(secondsFromGMT: 0))
            case "m", "M": return formatCustom(date, "MMMM d")
            case "y", "Y": return formatCustom(date, "MMMM yyyy")
            default: return formatCustom(date, format)
            }
        }
        return formatCustom(date, format)
    }

    static func formatCustom(_ date: Date, _ format: String, timeZone: TimeZone? = nil) -> String {
        let p = DateFormatting.parts(date, timeZone: timeZone)
        let chars = Array(format)
        var out = ""
        var i = 0
        func run(_ c: Character) -> Int {
            var n = 0
            while i + n < chars.count && chars[i + n] == c { n += 1 }
            return n
        }
        // A single-character custom format such as "%d" uses the custom meaning.
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "y":
                let n = run(c)
                if n <= 2 { let y = p.year % 100; out += n == 1 ? String(y) : DateFormatting.two(y) } else {
                    let s = String(p.year)
                    out += String(repeating: "0", count: max(0, n - s.count)) + s
                }
                i += n
            case "M":
                let n = run(c)
                switch n {
                case 1: out += String(p.month)
                case 2: out += DateFormatting.two(p.month)
                case 3: out += String(DateFormatting.monthNames[p.month - 1].prefix(3))
                default: out += DateFormatting.monthNames[p.month - 1]
                }
                i += n
            case "d":
                let n = run(c)
                switch n {
                case 1: out += String(p.day)
                case 2: out += DateFormatting.two(p.day)
                case 3: out += String(DateFormatting.dayNames[p.weekday].prefix(3))
                default: out += DateFormatting.dayNames[p.weekday]
                }
                i += n
            case "H":
                let n = run(c)
                out += n == 1 ? String(p.hour) : DateFormatting.two(p.hour)
                i += n
            case "h":
                let n = run(c)
                let h12 = p.hour % 12 == 0 ? 12 : p.hour % 12
                out += n == 1 ? String(h12) : DateFormatting.two(h12)
                i += n
            case "m":
                let n = run(c)
                out += n == 1 ? String(p.minute) : DateFormatting.two(p.minute)
                i += n
            case "s":
                let n = run(c)
                out += n == 1 ? String(p.second) : DateFormatting.two(p.second)
                i += n
            case "f", "F":
                let n = min(run(c), 7)
                let full = String(p.fractionTicks)
                var digits = String(repeating: "0", count: 7 - full.count) + full
                digits = String(digits.prefix(n))
                if c == "F" {
                    while digits.hasSuffix("0") { digits.removeLast() }
                    if digits.isEmpty, out.hasSuffix(".") { out.removeLast() }
                }
                out += digits
                i += run(c)
            case "t":
                let n = run(c)
                let designator = p.hour < 12 ? "AM" : "PM"
                out += n == 1 ? String(designator.prefix(1)) : designator
                i += n
            case "z":
                let n = run(c)
                out += n == 1 ? String(Int(DateFormatting.offsetText(date, minutes: false)) ?? 0).withSign()
                    : (n == 2 ? DateFormatting.offsetText(date, minutes: false) : DateFormatting.offsetText(date))
                i += n
            case "K":
                out += timeZone?.secondsFromGMT() == 0 ? "Z" : DateFormatting.offsetText(date)
                i += 1
            case "Z":
                out += "Z"
                i += 1
            case "g":
                out += "A.D."
                i += run(c)
            case "'", "\"":
                i += 1
                while i < chars.count && chars[i] != c { out.append(chars[i]); i += 1 }
                i += 1
            case "\\":
                if i + 1 < chars.count { out.append(chars[i + 1]) }
                i += 2
            case "%":
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        return out
    }
}

private extension String {
    func withSign() -> String { hasPrefix("-") ? self : "+" + self }
}

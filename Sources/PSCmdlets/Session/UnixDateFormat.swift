import Foundation

/// Get-Date's `-UFormat`: Unix `strftime`-style specifiers (`%Y-%m-%d %H:%M:%S`), with
/// PowerShell's choices for the ambiguous ones (`%Z` is the UTC offset in hours, `%c` the
/// `ddd MMM dd HH:mm:ss yyyy` form). English names; unknown specifiers are kept as written.
enum UnixDateFormat {
    static func format(_ date: Date, _ pattern: String, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second, .nanosecond], from: date)
        let year = c.year ?? 1, month = c.month ?? 1, day = c.day ?? 1
        let hour = c.hour ?? 0, minute = c.minute ?? 0, second = c.second ?? 0
        // Weekdays and weeks on the proleptic Gregorian calendar, as .NET counts them (Foundation's
        // calendar switches to Julian dates before 1582).
        let weekday = Proleptic.weekday(year, month, day) // 0 = Sunday
        let dayOfYear = Proleptic.dayOfYear(year, month, day)
        let dayName = DateDisplay.dayNames[weekday]
        let monthName = DateDisplay.monthNames[month - 1]
        let hour12 = hour % 12 == 0 ? 12 : hour % 12

        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func spaced(_ n: Int) -> String { n < 10 ? " \(n)" : "\(n)" }
        func three(_ n: Int) -> String { String(repeating: "0", count: max(0, 3 - String(n).count)) + String(n) }
        func four(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }

        var result = ""
        var iterator = pattern.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            guard let spec = iterator.next() else {
                result.append("%")
                break
            }
            switch spec {
            case "a": result += String(dayName.prefix(3))
            case "A": result += dayName
            case "b", "h": result += String(monthName.prefix(3))
            case "B": result += monthName
            case "c": result += "\(dayName.prefix(3)) \(monthName.prefix(3)) \(spaced(day)) \(two(hour)):\(two(minute)):\(two(second)) \(four(year))"
            case "C": result += String(year / 100) // unpadded, as PowerShell writes it
            case "d": result += two(day)
            case "D", "x": result += "\(two(month))/\(two(day))/\(two(year % 100))"
            case "e": result += spaced(day)
            case "F": result += "\(four(year))-\(two(month))-\(two(day))"
            case "g": result += two(Proleptic.isoWeek(year, month, day).year % 100)
            case "G": result += four(Proleptic.isoWeek(year, month, day).year)
            case "H": result += two(hour)
            case "I": result += two(hour12)
            case "j": result += three(dayOfYear)
            case "k": result += spaced(hour)
            case "l": result += spaced(hour12)
            case "m": result += two(month)
            case "M": result += two(minute)
            case "n": result += "\n"
            case "p": result += hour < 12 ? "AM" : "PM"
            case "r": result += "\(two(hour12)):\(two(minute)):\(two(second)) \(hour < 12 ? "AM" : "PM")"
            case "R": result += "\(two(hour)):\(two(minute))"
            // Seconds from 1970-01-01 on the wall clock of the date (as pwsh counts them).
            case "s": result += String(Int64((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down)))
            case "S": result += two(second)
            case "t": result += "\t"
            case "T", "X": result += "\(two(hour)):\(two(minute)):\(two(second))"
            case "u": result += String(weekday == 0 ? 7 : weekday)
            case "U": result += two((dayOfYear + 6 - weekday) / 7)
            case "V": result += two(Proleptic.isoWeek(year, month, day).week)
            case "w": result += String(weekday)
            case "W": result += two((dayOfYear + 6 - (weekday + 6) % 7) / 7)
            case "y": result += two(year % 100)
            case "Y": result += four(year)
            case "Z":
                let offset = timeZone.secondsFromGMT(for: date) / 3600
                result += (offset < 0 ? "-" : "+") + two(abs(offset))
            case "%": result += "%"
            default: result += "%\(spec)"
            }
        }
        return result
    }
}

/// Calendar arithmetic on the proleptic Gregorian calendar.
enum Proleptic {
    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// 0 = Sunday … 6 = Saturday.
    static func weekday(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let value = y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day
        return ((value % 7) + 7) % 7
    }

    static func dayOfYear(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        return before[month - 1] + day + (month > 2 && isLeap(year) ? 1 : 0)
    }

    private static func weeksInYear(_ y: Int) -> Int {
        func p(_ y: Int) -> Int { ((y + y / 4 - y / 100 + y / 400) % 7 + 7) % 7 }
        return p(y) == 4 || p(y - 1) == 3 ? 53 : 52
    }

    /// The ISO 8601 week (weeks start on Monday; week 1 holds the first Thursday) and its year.
    static func isoWeek(_ year: Int, _ month: Int, _ day: Int) -> (week: Int, year: Int) {
        let isoWeekday = (weekday(year, month, day) + 6) % 7 + 1 // Monday = 1
        let week = (dayOfYear(year, month, day) - isoWeekday + 10) / 7
        if week < 1 { return (weeksInYear(year - 1), year - 1) }
        if week > weeksInYear(year) { return (1, year + 1) }
        return (week, year)
    }
}

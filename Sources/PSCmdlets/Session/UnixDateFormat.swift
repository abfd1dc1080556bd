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
        let weekday = (c.weekday ?? 1) - 1 // 0 = Sunday
        let dayOfYear = calendar.ordinality(of: .day, in: .year, for: date) ?? 1
        let dayName = DateDisplay.dayNames[weekday]
        let monthName = DateDisplay.monthNames[month - 1]
        let hour12 = hour % 12 == 0 ? 12 : hour % 12

        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func spaced(_ n: Int) -> String { n < 10 ? " \(n)" : "\(n)" }
        func three(_ n: Int) -> String { String(repeating: "0", count: max(0, 3 - String(n).count)) + String(n) }

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
            case "c": result += "\(dayName.prefix(3)) \(monthName.prefix(3)) \(two(day)) \(two(hour)):\(two(minute)):\(two(second)) \(year)"
            case "C": result += two(year / 100)
            case "d": result += two(day)
            case "D", "x": result += "\(two(month))/\(two(day))/\(two(year % 100))"
            case "e": result += spaced(day)
            case "F": result += "\(year)-\(two(month))-\(two(day))"
            case "g": result += two(isoYear(date, calendar) % 100)
            case "G": result += String(isoYear(date, calendar))
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
            case "s": result += String(Int64(date.timeIntervalSince1970.rounded(.down)))
            case "S": result += two(second)
            case "t": result += "\t"
            case "T", "X": result += "\(two(hour)):\(two(minute)):\(two(second))"
            case "u": result += String(weekday == 0 ? 7 : weekday)
            case "U": result += two((dayOfYear + 6 - weekday) / 7)
            case "V": result += two(isoWeek(date, calendar))
            case "w": result += String(weekday)
            case "W": result += two((dayOfYear + 6 - (weekday + 6) % 7) / 7)
            case "y": result += two(year % 100)
            case "Y": result += String(year)
            case "Z":
                let offset = timeZone.secondsFromGMT(for: date) / 3600
                result += (offset < 0 ? "-" : "+") + two(abs(offset))
            case "%": result += "%"
            default: result += "%\(spec)"
            }
        }
        return result
    }

    private static func isoCalendar(_ calendar: Calendar) -> Calendar {
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = calendar.timeZone
        return iso
    }

    private static func isoWeek(_ date: Date, _ calendar: Calendar) -> Int {
        isoCalendar(calendar).component(.weekOfYear, from: date)
    }

    private static func isoYear(_ date: Date, _ calendar: Calendar) -> Int {
        isoCalendar(calendar).component(.yearForWeekOfYear, from: date)
    }
}

import Foundation

/// The console display of a DateTime in en-US: the long date and the long time
/// (`Saturday, November 21, 2026 9:31:43 PM`), in the local time zone.
enum DateDisplay {
    enum Hint: String {
        case date = "Date", time = "Time", dateTime = "DateTime"
    }

    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    static func text(_ date: Date, hint: Hint = .dateTime, timeZone: TimeZone = .current) -> String {
        switch hint {
        case .date: return longDate(date, timeZone: timeZone)
        case .time: return longTime(date, timeZone: timeZone)
        case .dateTime: return longDate(date, timeZone: timeZone) + " " + longTime(date, timeZone: timeZone)
        }
    }

    /// `dddd, MMMM d, yyyy`
    static func longDate(_ date: Date, timeZone: TimeZone = .current) -> String {
        let c = components(date, timeZone: timeZone)
        let day = dayNames[((c.weekday ?? 1) - 1 + 7) % 7]
        let month = monthNames[((c.month ?? 1) - 1 + 12) % 12]
        return "\(day), \(month) \(c.day ?? 1), \(String(format: "%04d", c.year ?? 1))"
    }

    /// `h:mm:ss tt`
    static func longTime(_ date: Date, timeZone: TimeZone = .current) -> String {
        let c = components(date, timeZone: timeZone)
        let hour24 = c.hour ?? 0
        let hour12 = hour24 % 12 == 0 ? 12 : hour24 % 12
        return String(format: "%d:%02d:%02d", hour12, c.minute ?? 0, c.second ?? 0) + (hour24 < 12 ? " AM" : " PM")
    }

    private static func components(_ date: Date, timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
    }
}

import Foundation

/// .NET ticks: 100-nanosecond units since 0001-01-01T00:00:00Z, the time stamps of the Group Chat
/// and Persistent Chat databases.
public enum NetTicks {
    static let unixEpoch: Int64 = 621_355_968_000_000_000

    public static func from(_ date: Date) -> Int64 {
        unixEpoch + Int64((date.timeIntervalSince1970 * 10_000_000).rounded())
    }

    public static func date(_ ticks: Int64) -> Date {
        Date(timeIntervalSince1970: Double(ticks - unixEpoch) / 10_000_000)
    }

    /// `YYYY-MM-DD HH:MM:SS.fff` in UTC.
    public static func text(_ ticks: Int64) -> String {
        let milliseconds = (ticks - unixEpoch) / 10_000
        var seconds = milliseconds / 1000
        var fraction = milliseconds % 1000
        if fraction < 0 { fraction += 1000; seconds -= 1 }
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2)) "
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(fraction), 3))"
    }
}

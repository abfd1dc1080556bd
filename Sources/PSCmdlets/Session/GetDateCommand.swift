import Foundation
import PSRuntime

/// Gets the current date and time, or another date, optionally as formatted text.
final class GetDateCommand: Cmdlet {
    enum DisplayHint: String, ParameterEnum {
        case Date, Time, DateTime
    }

    static let declaration = CmdletDeclaration(
        GetDateCommand.self, name: "Get-Date",
        synopsis: "Gets the current date and time, or a date built from the given parts.",
        description: "Starts from -Date (or -UnixTimeSeconds, or now), replaces the parts given with -Year … -Millisecond, and outputs a DateTime, or a string with -Format (.NET format) or -UFormat (Unix format).",
        defaultParameterSet: "DateAndFormat",
        outputTypes: ["System.DateTime", "System.String"],
        examples: [
            HelpExample("Get-Date -Format 'yyyy-MM-dd'", "Today's date as text, e.g. 2026-11-21."),
            HelpExample("Get-Date -UFormat '%Y%m%d-%H%M'", "A compact timestamp for file names."),
            HelpExample("Get-Date -Year 2000 -Month 1 -Day 1", "The current time of day on January 1, 2000."),
        ],
        parameters: [
            Parameter("Date", \.date, position: 0, sets: ["DateAndFormat", "DateAndUFormat"], pipeline: [.byValue, .byPropertyName],
                      aliases: ["LastWriteTime"], help: "The date to start from; now when omitted."),
            Parameter("UnixTimeSeconds", \.unixTimeSeconds, sets: ["UnixTimeSecondsAndFormat", "UnixTimeSecondsAndUFormat"],
                      aliases: ["UnixTime"], help: "The date to start from, as seconds since 1970-01-01 UTC."),
            Parameter("Year", \.year, validate: [.range(min: 1, max: 9999)], help: "Replaces the year."),
            Parameter("Month", \.month, validate: [.range(min: 1, max: 12)], help: "Replaces the month."),
            Parameter("Day", \.day, validate: [.range(min: 1, max: 31)], help: "Replaces the day of the month."),
            Parameter("Hour", \.hour, validate: [.range(min: 0, max: 23)], help: "Replaces the hour (0-23)."),
            Parameter("Minute", \.minute, validate: [.range(min: 0, max: 59)], help: "Replaces the minute."),
            Parameter("Second", \.second, validate: [.range(min: 0, max: 59)], help: "Replaces the second."),
            Parameter("Millisecond", \.millisecond, validate: [.range(min: 0, max: 999)], help: "Replaces the millisecond."),
            Parameter("DisplayHint", \.displayHint, help: "What the console shows of the date: Date, Time or DateTime."),
            Parameter("Format", \.format, sets: ["DateAndFormat", "UnixTimeSecondsAndFormat"],
                      help: "A .NET date format (e.g. 'yyyy-MM-dd HH:mm'); the output is a string."),
            Parameter("UFormat", \.uFormat, sets: ["DateAndUFormat", "UnixTimeSecondsAndUFormat"], validate: [.notNullOrEmpty],
                      help: "A Unix date format (e.g. '%Y-%m-%d'); the output is a string."),
            .switchParameter("AsUTC", \.asUTC, help: "Shows the date in UTC instead of local time."),
        ])

    var date: Date?
    var unixTimeSeconds: Int?
    var year: Int?
    var month: Int?
    var day: Int?
    var hour: Int?
    var minute: Int?
    var second: Int?
    var millisecond: Int?
    var displayHint: DisplayHint?
    var format: String?
    var uFormat: String?
    var asUTC = false

    func process(_ context: CommandContext) throws {
        var result = date ?? unixTimeSeconds.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? Date()
        let timeZone = asUTC ? (TimeZone(identifier: "UTC") ?? .current) : .current
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Each part is moved by the difference to the wanted value, as PowerShell does (so day 31
        // in a 30-day month rolls into the next month).
        let parts: [(Int?, Calendar.Component)] = [(year, .year), (month, .month), (day, .day), (hour, .hour),
                                                    (minute, .minute), (second, .second)]
        for (wanted, component) in parts {
            guard let wanted else { continue }
            let current = calendar.component(component, from: result)
            result = calendar.date(byAdding: component, value: wanted - current, to: result) ?? result
        }
        if let millisecond {
            let currentMs = Int((result.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
            result = result.addingTimeInterval(Double(millisecond - (currentMs + 1000) % 1000) / 1000)
        }
        if let format {
            try context.write(.string(asUTC ? UTCDateFormatting.format(result, format) : DotNetFormat.formatDate(result, format)))
        } else if let uFormat {
            try context.write(.string(UnixDateFormat.format(result, uFormat, timeZone: timeZone)))
        } else if let displayHint {
            let wrapped = PSObject(typeNames: ["System.DateTime", "System.ValueType", "System.Object"], baseObject: .dateTime(result))
            wrapped["DisplayHint"] = .string(displayHint.rawValue)
            try context.write(.object(wrapped))
        } else {
            try context.write(.dateTime(result))
        }
    }

    /// .NET formats of a date as UTC: the formatter works in local time, so shift by the offset.
    private enum UTCDateFormatting {
        static func format(_ date: Date, _ pattern: String) -> String {
            let offset = TimeInterval(TimeZone.current.secondsFromGMT(for: date))
            return DotNetFormat.formatDate(date.addingTimeInterval(-offset), pattern)
        }
    }
}

import Foundation
import PSRuntime

/// Makes a TimeSpan: the time between two dates, or one built from days, hours and so on.
final class NewTimeSpanCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewTimeSpanCommand.self, name: "New-TimeSpan",
        synopsis: "Creates a TimeSpan: an interval between two dates, or of a given length.",
        description: "With -Start and -End the result is End minus Start; either one defaults to now, so a start in the past gives a positive interval. With -Days, -Hours, -Minutes, -Seconds and -Milliseconds the parts are added up (any of them may be negative or larger than its usual range).",
        defaultParameterSet: "Date",
        outputTypes: ["System.TimeSpan"],
        examples: [
            HelpExample("New-TimeSpan -Start (Get-Date).AddDays(-3)", "Three days (and the few microseconds the command took)."),
            HelpExample("New-TimeSpan -Hours 1 -Minutes 30", "An interval of 01:30:00."),
            HelpExample("(New-TimeSpan -Start '2024-01-01' -End '2024-03-01').Days", "60."),
        ],
        parameters: [
            Parameter("Start", \.start, position: 0, sets: ["Date"], pipeline: .byPropertyName, aliases: ["LastWriteTime"],
                      help: "The start of the interval; now when omitted."),
            Parameter("End", \.end, position: 1, sets: ["Date"], pipeline: .byPropertyName,
                      help: "The end of the interval; now when omitted."),
            Parameter("Days", \.days, sets: ["Time"], help: "Days in the interval."),
            Parameter("Hours", \.hours, sets: ["Time"], help: "Hours in the interval."),
            Parameter("Minutes", \.minutes, sets: ["Time"], help: "Minutes in the interval."),
            Parameter("Seconds", \.seconds, sets: ["Time"], help: "Seconds in the interval."),
            Parameter("Milliseconds", \.milliseconds, sets: ["Time"], help: "Milliseconds in the interval."),
        ])

    var start: Date?
    var end: Date?
    var days = 0
    var hours = 0
    var minutes = 0
    var seconds = 0
    var milliseconds = 0

    func process(_ context: CommandContext) throws {
        if context.parameterSetName == "Time" {
            let totalMs = (((Int64(days) * 24 + Int64(hours)) * 60 + Int64(minutes)) * 60 + Int64(seconds)) * 1000 + Int64(milliseconds)
            try context.write(.timeSpan(ticks: totalMs * 10_000))
            return
        }
        let now = Date()
        let from = start ?? now, to = end ?? now
        try context.write(.timeSpan(ticks: Self.ticks(to) - Self.ticks(from)))
    }

    /// A date's ticks (100 ns) since the Unix epoch, rounded as .NET stores them.
    static func ticks(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 10_000_000).rounded()) }
}

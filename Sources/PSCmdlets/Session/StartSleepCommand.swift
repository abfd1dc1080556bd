import Foundation
import PSRuntime

/// Pauses the script.
final class StartSleepCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        StartSleepCommand.self, name: "Start-Sleep", aliases: [],
        synopsis: "Waits for the given time before going on.",
        defaultParameterSet: "Seconds",
        examples: [
            HelpExample("Start-Sleep 1.5", "Waits one and a half seconds."),
            HelpExample("Start-Sleep -Milliseconds 200", "Waits 200 milliseconds."),
        ],
        parameters: [
            Parameter("Seconds", \.seconds, position: 0, mandatory: true, sets: ["Seconds"], pipeline: [.byValue, .byPropertyName],
                      validate: [.range(min: 0, max: Double(Int32.max) / 1000)], help: "How many seconds to wait (fractions allowed)."),
            Parameter("Milliseconds", \.milliseconds, mandatory: true, sets: ["Milliseconds"], pipeline: .byPropertyName,
                      aliases: ["ms"], validate: [.range(min: 0, max: Double(Int32.max))], help: "How many milliseconds to wait."),
            Parameter("Duration", \.duration, mandatory: true, sets: ["FromTimeSpan"], pipeline: [.byValue, .byPropertyName],
                      aliases: ["ts"], help: "How long to wait, as a TimeSpan."),
        ])

    var seconds: Double = 0
    var milliseconds = 0
    var duration: PSValue = .null

    func process(_ context: CommandContext) throws {
        let interval: TimeInterval
        switch context.parameterSetName {
        case "Milliseconds": interval = Double(milliseconds) / 1000
        case "FromTimeSpan": interval = try durationSeconds(context)
        default: interval = seconds
        }
        try Self.sleep(interval)
    }

    /// Sleeps in short slices so that Ctrl-C ends the wait at once (as a stopped pipeline).
    static func sleep(_ interval: TimeInterval) throws {
        guard interval > 0 else { return }
        let deadline = Date().addingTimeInterval(interval)
        while true {
            try PipelineInterrupt.throwIfRequested()
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return }
            Thread.sleep(forTimeInterval: min(left, 0.05))
        }
    }

    /// A TimeSpan argument: a TimeSpan, a number of ticks, or `[d.]hh:mm:ss[.fff]` text.
    private func durationSeconds(_ context: CommandContext) throws -> TimeInterval {
        let value = duration.baseValue
        if let ticks = value.asTimeSpanTicks { return Double(ticks) / 10_000_000 }
        if case .string(let text) = value, let parsed = Self.parseTimeSpan(text) { return parsed }
        if let ticks = try? LanguagePrimitives.toInt64(value) { return Double(ticks) / 10_000_000 }
        throw context.terminatingError("'\(LanguagePrimitives.toString(value, context: context.session))' is not a TimeSpan.",
                                       id: "CannotConvertArgumentNoMessage", category: .InvalidArgument, target: value,
                                       exceptionType: "System.Management.Automation.ParameterBindingException")
    }

    static func parseTimeSpan(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var days = 0.0
        var clock = Substring(trimmed)
        if let dot = trimmed.firstIndex(of: "."), let colon = trimmed.firstIndex(of: ":"), dot < colon {
            guard let d = Double(trimmed[..<dot]) else { return nil }
            days = d
            clock = trimmed[trimmed.index(after: dot)...]
        }
        let parts = clock.split(separator: ":")
        guard parts.count >= 2, parts.count <= 3, let h = Double(parts[0]), let m = Double(parts[1]) else {
            return Double(trimmed).map { $0 * 86_400 }
        }
        let s = parts.count == 3 ? Double(parts[2]) ?? 0 : 0
        return days * 86_400 + h * 3600 + m * 60 + s
    }
}

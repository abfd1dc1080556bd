import Foundation

/// `System.Diagnostics.Stopwatch`: measures elapsed time on the monotonic clock. On Linux .NET
/// ticks the stopwatch in nanoseconds (`Frequency` is 1e9), so `ElapsedTicks` counts those while
/// `Elapsed` is a TimeSpan of 100 ns ticks.
public final class StopwatchValue: TypedValue, PSDynamicObject {
    public static let typeName = "System.Diagnostics.Stopwatch"
    static let frequency: Int64 = 1_000_000_000
    private var accumulated: UInt64 = 0
    private var startedAt: UInt64?

    public init() {}

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    var elapsedNanoseconds: UInt64 { accumulated + (startedAt.map { Self.now() - $0 } ?? 0) }
    public var isRunning: Bool { startedAt != nil }

    public func start() { if startedAt == nil { startedAt = Self.now() } }
    public func stop() {
        if let s = startedAt { accumulated += Self.now() - s }
        startedAt = nil
    }

    public var psTypeName: String { Self.typeName }
    public func psToString() -> String { Self.typeName }
    public var dynamicTypeName: String { Self.typeName }
    public var dynamicDescription: String { Self.typeName }
    public var dynamicPropertyNames: [String] { ["IsRunning", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks"] }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        let ns = elapsedNanoseconds
        switch name.lowercased() {
        case "isrunning": return .bool(isRunning)
        case "elapsed": return .timeSpan(ticks: Int64(ns / 100))
        case "elapsedmilliseconds": return .long(Int64(ns / 1_000_000))
        case "elapsedticks": return .long(Int64(ns))
        default: return nil
        }
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "start": start()
        case "stop": stop()
        case "reset": accumulated = 0; startedAt = nil
        case "restart": accumulated = 0; startedAt = Self.now()
        case "tostring": return .string(Self.typeName)
        default: return nil
        }
        return .null
    }
}

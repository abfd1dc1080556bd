import Foundation

/// What the export and import tell the outside while they run: phases (for -Verbose), progress
/// through long phases (for Write-Progress) and the findings as they are made. The cmdlets adapt
/// it to the runtime's streams; the domain knows nothing of them.
public protocol MigrationObserver: AnyObject {
    /// A phase starts (`Reading the source`, `Writing messages`…).
    func phaseStarted(_ phase: String)
    /// How far a long phase is; `total` 0 when unknown.
    func progress(_ phase: String, done: Int, total: Int)
    /// A phase ended, having handled `count` items.
    func phaseEnded(_ phase: String, count: Int, seconds: Double)
}

/// An observer that ignores everything (tests, the domain's own callers).
public final class SilentMigrationObserver: MigrationObserver {
    public init() {}
    public func phaseStarted(_ phase: String) {}
    public func progress(_ phase: String, done: Int, total: Int) {}
    public func phaseEnded(_ phase: String, count: Int, seconds: Double) {}
}

/// Times a phase and reports its start and end to an observer.
struct MigrationPhase {
    let name: String
    let observer: MigrationObserver
    let started = Date()
    /// Report progress at most this often (every N items) to keep the hot loops cheap.
    static let progressStride = 16_384

    init(_ name: String, _ observer: MigrationObserver) {
        self.name = name
        self.observer = observer
        observer.phaseStarted(name)
    }

    func progress(_ done: Int, of total: Int) { observer.progress(name, done: done, total: total) }

    func end(count: Int) { observer.phaseEnded(name, count: count, seconds: Date().timeIntervalSince(started)) }
}

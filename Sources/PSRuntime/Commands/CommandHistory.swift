import Foundation

/// The session's command history (what Get-History shows): every command line the interactive
/// shell ran, with its id, outcome and times. The host records; the history cmdlets read it.
public final class CommandHistory {
    public struct Entry: Sendable {
        public var id: Int
        public var commandLine: String
        public var succeeded: Bool
        public var started: Date
        public var ended: Date
    }

    public private(set) var entries: [Entry] = []
    private var nextID = 1
    /// The most entries kept (pwsh's $MaximumHistoryCount default).
    public static let maximumCount = 4096

    public init() {}

    /// Records a command line that ran; an identical line right after the previous is not repeated.
    public func add(_ commandLine: String, succeeded: Bool, started: Date, ended: Date) {
        let text = commandLine.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        if entries.last?.commandLine == text { return }
        entries.append(Entry(id: nextID, commandLine: text, succeeded: succeeded, started: started, ended: ended))
        nextID += 1
        if entries.count > Self.maximumCount { entries.removeFirst(entries.count - Self.maximumCount) }
    }

    public func entry(id: Int) -> Entry? { entries.first { $0.id == id } }

    /// Removes the entries with these ids (all when nil); returns how many went.
    @discardableResult
    public func clear(ids: Set<Int>? = nil) -> Int {
        let before = entries.count
        if let ids { entries.removeAll { ids.contains($0.id) } } else { entries.removeAll() }
        return before - entries.count
    }
}

extension ExecutionContext {
    /// The session's history, made on first use.
    public var commandHistory: CommandHistory {
        if let history = service(CommandHistory.self) { return history }
        let history = CommandHistory()
        register(service: history)
        return history
    }
}

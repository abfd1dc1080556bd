/// One progress update (Write-Progress's parameters).
public struct ProgressUpdate: Equatable, Sendable, Codable {
    public var id: Int
    public var parentId: Int
    public var activity: String
    public var status: String
    public var percentComplete: Int
    public var secondsRemaining: Int
    public var currentOperation: String
    public var completed: Bool

    public init(id: Int = 0, parentId: Int = -1, activity: String, status: String = "", percentComplete: Int = -1,
                secondsRemaining: Int = -1, currentOperation: String = "", completed: Bool = false) {
        self.id = id
        self.parentId = parentId
        self.activity = activity
        self.status = status
        self.percentComplete = percentComplete
        self.secondsRemaining = secondsRemaining
        self.currentOperation = currentOperation
        self.completed = completed
    }
}

/// The session service that shows progress (a bar on a terminal). Write-Progress and any cmdlet
/// with a long phase report through it; the host layer decides how it looks.
public protocol ProgressReporting: AnyObject {
    func report(_ update: ProgressUpdate, context: ExecutionContext)
}

extension CommandContext {
    /// Reports progress when `$ProgressPreference` is Continue and the session has a reporter.
    public func writeProgress(_ update: ProgressUpdate) {
        guard session.preference("ProgressPreference", default: .Continue) == .Continue,
              let reporter = session.service((any ProgressReporting).self) else { return }
        reporter.report(update, context: session)
    }

    /// True when the command runs under -WhatIf (or `$WhatIfPreference`) and supports it.
    public var isWhatIf: Bool { declaration.supportsShouldProcess && processor.isWhatIf }
}

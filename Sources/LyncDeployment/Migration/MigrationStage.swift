import Foundation

/// One stage of a Group Chat to Persistent Chat migration as recorded in the Central Management
/// Store, so a migration run in several sittings (and by several administrators) knows where it is.
public struct MigrationStage: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case started = "Started", completed = "Completed", failed = "Failed", skipped = "Skipped"

        /// Completed, Failed and Skipped end a stage.
        public var isFinal: Bool { self != .started }
    }

    public var name: String
    public var status: Status
    /// When the stage last started (for a stage ended without a start, when it ended).
    public var startedAt: Date?
    /// When it ended; nil while it runs.
    public var finishedAt: Date?
    /// Who recorded the latest status.
    public var user: String
    public var detail: String?

    public init(name: String, status: Status, startedAt: Date?, finishedAt: Date?, user: String, detail: String?) {
        self.name = name
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.user = user
        self.detail = detail
    }
}

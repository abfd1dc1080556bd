import Foundation
import GRDB

/// The migration stages of the Central Management Store (table groupChatMigrationStage). Each
/// method runs inside the caller's transaction.
public enum MigrationStageRepository {
    /// Longest stage name, in characters.
    public static let maxNameLength = 128

    /// Every stage, in the order each was first recorded.
    public static func stages(in db: Database) throws -> [MigrationStage] {
        try Row.fetchAll(db, sql: "SELECT * FROM groupChatMigrationStage ORDER BY stageId").map(stage)
    }

    public static func stage(named name: String, in db: Database) throws -> MigrationStage? {
        try Row.fetchOne(db, sql: "SELECT * FROM groupChatMigrationStage WHERE name = ?", arguments: [name]).map(stage)
    }

    /// Records a stage's new status by `user` at `time`: Started (re)starts it (its end cleared);
    /// Completed, Failed and Skipped end it, keeping when it started (or starting it now when it
    /// never did). `detail` replaces the previous detail.
    @discardableResult
    public static func record(_ name: String, status: MigrationStage.Status, detail: String?, user: String, at time: Date = Date(),
                              in db: Database) throws -> MigrationStage {
        let name = name.trimmingWhitespace
        guard !name.isEmpty else {
            throw DeploymentError(.invalidArgument, id: "StageNameEmpty", "A migration stage needs a name.", target: name)
        }
        guard name.count <= maxNameLength else {
            throw DeploymentError(.invalidArgument, id: "StageNameTooLong",
                                  "The stage name has \(name.count) characters; at most \(maxNameLength) are allowed.", target: name)
        }
        let existing = try stage(named: name, in: db)
        let started = status == .started ? time : (existing?.startedAt ?? time)
        let finished: Date? = status.isFinal ? time : nil
        let stored = MigrationStage(name: existing?.name ?? name, status: status, startedAt: started, finishedAt: finished, user: user, detail: detail)
        try db.execute(sql: """
            INSERT INTO groupChatMigrationStage (name, status, startedAt, finishedAt, user, detail) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET status = excluded.status, startedAt = excluded.startedAt,
                finishedAt = excluded.finishedAt, user = excluded.user, detail = excluded.detail
            """, arguments: [stored.name, status.rawValue, started.timeIntervalSince1970, finished?.timeIntervalSince1970, user, detail])
        return stored
    }

    /// Forgets one stage (an error when there is none of that name), or every stage when `name` is
    /// nil. Returns how many were removed.
    @discardableResult
    public static func reset(_ name: String?, in db: Database) throws -> Int {
        guard let name else {
            try db.execute(sql: "DELETE FROM groupChatMigrationStage")
            return db.changesCount
        }
        try db.execute(sql: "DELETE FROM groupChatMigrationStage WHERE name = ?", arguments: [name])
        guard db.changesCount > 0 else {
            throw DeploymentError.notFound("the migration stage", name, id: "MigrationStageNotFound",
                                           hint: "Run Get-CsGroupChatMigrationStage to list the recorded stages.")
        }
        return db.changesCount
    }

    private static func stage(_ row: Row) -> MigrationStage {
        let started: Double? = row["startedAt"], finished: Double? = row["finishedAt"]
        return MigrationStage(name: row["name"], status: MigrationStage.Status(rawValue: row["status"]) ?? .started,
                              startedAt: started.map(Date.init(timeIntervalSince1970:)),
                              finishedAt: finished.map(Date.init(timeIntervalSince1970:)),
                              user: row["user"], detail: row["detail"])
    }
}

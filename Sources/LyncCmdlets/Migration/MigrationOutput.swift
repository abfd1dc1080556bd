import Foundation
import LyncDeployment
import PSCmdlets
import PSRuntime

/// The objects the migration tool cmdlets write, and their default views.
enum MigrationOutput {
    static let backupType = "Pcsh.PersistentChat.DatabaseBackup"
    static let stageType = "Pcsh.GroupChatMigration.Stage"
    static let findingType = "Pcsh.GroupChatMigration.Finding"
    static let comparisonType = "Pcsh.GroupChatMigration.RoomComparison"

    static func backup(_ backup: PersistentChatDatabase.Backup, database: URL) -> PSValue {
        DeploymentObjects.object(backupType, [
            ("Path", .string(backup.file.path)),
            ("Size", .long(backup.size)),
            ("Database", .string(database.path)),
            ("Time", .dateTime(backup.time)),
        ])
    }

    static func stage(_ stage: MigrationStage) -> PSValue {
        DeploymentObjects.object(stageType, [
            ("Name", .string(stage.name)),
            ("Status", .string(stage.status.rawValue)),
            ("StartedAt", stage.startedAt.map(PSValue.dateTime) ?? .null),
            ("FinishedAt", stage.finishedAt.map(PSValue.dateTime) ?? .null),
            ("User", .string(stage.user)),
            ("Detail", DeploymentObjects.string(stage.detail)),
        ])
    }

    static func finding(_ finding: MigrationFinding) -> PSValue {
        DeploymentObjects.object(findingType, [
            ("Severity", .string(finding.severity.rawValue)),
            ("RuleNumber", .int(Int32(finding.rule.rawValue))),
            ("Rule", .string(finding.rule.title)),
            ("Item", .string(finding.item)),
            ("Message", .string(finding.message)),
            ("ErrorId", DeploymentObjects.string(finding.errorID)),
        ])
    }

    static func comparison(_ room: MigrationVerifier.RoomComparison) -> PSValue {
        DeploymentObjects.object(comparisonType, [
            ("LegacyPath", .string(room.legacyPath)),
            ("TargetRoom", DeploymentObjects.string(room.targetRoom)),
            ("Category", DeploymentObjects.string(room.category)),
            ("LegacyMembers", .int(Int32(clamping: room.legacyMembers))),
            ("TargetMembers", room.targetMembers.map { .int(Int32(clamping: $0)) } ?? .null),
            ("LegacyManagers", .int(Int32(clamping: room.legacyManagers))),
            ("TargetManagers", room.targetManagers.map { .int(Int32(clamping: $0)) } ?? .null),
            ("ExpectedMessages", .long(Int64(room.expectedMessages))),
            ("TargetMessages", room.targetMessages.map { .long(Int64($0)) } ?? .null),
            ("Status", .string(room.status.rawValue)),
            ("Detail", DeploymentObjects.string(room.detail)),
        ])
    }

    static func registerViews(_ context: ExecutionContext) {
        FormatData.registerTableView(context, name: "GroupChatMigrationStage", typeNames: [stageType], columns: [
            FormatData.Column("Name", width: 20), FormatData.Column("Status", width: 9), FormatData.Column("StartedAt", width: 20),
            FormatData.Column("FinishedAt", width: 20), FormatData.Column("User", width: 10), FormatData.Column("Detail"),
        ])
        FormatData.registerTableView(context, name: "GroupChatMigrationFinding", typeNames: [findingType], columns: [
            FormatData.Column("Severity", width: 10), FormatData.Column("RuleNumber", label: "Rule#", width: 5, alignRight: true),
            FormatData.Column("Item", width: 30), FormatData.Column("Message"),
        ])
        FormatData.registerTableView(context, name: "GroupChatMigrationComparison", typeNames: [comparisonType], columns: [
            FormatData.Column("Status", width: 8), FormatData.Column("LegacyPath", width: 30), FormatData.Column("TargetRoom", width: 20),
            FormatData.Column("ExpectedMessages", label: "Expected", width: 8, alignRight: true),
            FormatData.Column("TargetMessages", label: "Target", width: 8, alignRight: true), FormatData.Column("Detail"),
        ])
    }
}

extension MigrationStage.Status: ParameterEnum {
    public static var parameterTypeName: String { "MigrationStageStatus" }
}

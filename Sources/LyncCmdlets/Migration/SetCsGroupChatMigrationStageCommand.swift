import LyncDeployment
import PSRuntime

/// Set-CsGroupChatMigrationStage: records a migration stage's status in the Central Management Store.
final class SetCsGroupChatMigrationStageCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsGroupChatMigrationStageCommand.self, name: "Set-CsGroupChatMigrationStage",
        synopsis: "Records the status of a Group Chat to Persistent Chat migration stage.",
        description: """
            Records in the deployment that the stage -Name (any name, up to 128 characters; compared without \
            regard to case) has the status -Status, with the session's user and the time. Started starts the \
            stage again (clearing when it finished); Completed, Failed and Skipped finish it, keeping when it \
            started (a stage finished without being started starts and finishes at the same time). -Detail \
            replaces the stage's previous detail: a count, a file name, the reason for a failure. A new name \
            adds a stage; Get-CsGroupChatMigrationStage lists them and Reset-CsGroupChatMigrationStage \
            forgets them. -PassThru writes the recorded stage.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true, confirmImpact: .Low,
        outputTypes: [MigrationOutput.stageType],
        examples: [
            HelpExample("Set-CsGroupChatMigrationStage -Name Export -Status Started", "Records that the export stage has begun."),
            HelpExample("Set-CsGroupChatMigrationStage -Name Export -Status Completed -Detail 'C:\\Migration\\export.zip, 2000 messages'",
                        "Records that the export finished, with what it produced."),
            HelpExample("Set-CsGroupChatMigrationStage -Name Import -Status Failed -Detail $_.Exception.Message",
                        "In a catch block: records why the import stage failed."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, mandatory: true, pipeline: .byPropertyName, help: "The stage's name."),
            Parameter("Status", \.status, position: 1, mandatory: true, pipeline: .byPropertyName,
                      help: "The stage's status: Started, Completed, Failed or Skipped."),
            Parameter("Detail", \.detail, pipeline: .byPropertyName, help: "A note kept with the status (replaces the previous one)."),
            .switchParameter("PassThru", \.passThru, help: "Writes the recorded stage."),
        ])

    var name = ""
    var status = MigrationStage.Status.started
    var detail: String?
    var passThru = false

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let user = context.session.deployment?.userName ?? ""
        guard try context.shouldProcess(target: name, action: "Record the migration stage as \(status.rawValue)") else { return }
        let stage = try context.domain {
            try store.write { db in try MigrationStageRepository.record(name, status: status, detail: detail, user: user, in: db) }
        }
        if passThru { try context.write(MigrationOutput.stage(stage)) }
    }
}

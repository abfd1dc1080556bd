import LyncDeployment
import PSRuntime

/// Get-CsGroupChatMigrationStage: the migration stages recorded in the Central Management Store.
final class GetCsGroupChatMigrationStageCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsGroupChatMigrationStageCommand.self, name: "Get-CsGroupChatMigrationStage",
        synopsis: "Lists the recorded stages of a Group Chat to Persistent Chat migration.",
        description: """
            Writes the stages Set-CsGroupChatMigrationStage recorded in the deployment, in the order each \
            was first recorded: its Name, Status (Started, Completed, Failed or Skipped), StartedAt, \
            FinishedAt (empty while it runs), the User who recorded the latest status, and its Detail. The \
            record lives in the Central Management Store, so a migration run over several sessions, or by \
            several administrators, shows where it stands. -Name picks stages by name (wildcards allowed); \
            a name without wildcards that matches nothing is an error.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, outputTypes: [MigrationOutput.stageType],
        examples: [
            HelpExample("Get-CsGroupChatMigrationStage", "Lists every recorded stage."),
            HelpExample("Get-CsGroupChatMigrationStage -Name Export", "Shows the stage named Export."),
            HelpExample("Get-CsGroupChatMigrationStage | Where-Object Status -eq 'Failed'", "Lists the stages that failed."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, pipeline: .byPropertyName, help: "The stages to show, by name; wildcards are allowed."),
        ])

    var name: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        var stages = try context.domain { try store.read { try MigrationStageRepository.stages(in: $0) } }
        if let name {
            let pattern = WildcardPattern(name)
            stages = stages.filter { pattern.matches($0.name) }
            if stages.isEmpty && !WildcardPattern.containsWildcard(name) {
                try context.writeError("Cannot find the migration stage '\(name)'. Run Get-CsGroupChatMigrationStage to list the recorded stages.",
                                       id: "MigrationStageNotFound", category: .ObjectNotFound, target: .string(name))
            }
        }
        for stage in stages { try context.write(MigrationOutput.stage(stage)) }
    }
}

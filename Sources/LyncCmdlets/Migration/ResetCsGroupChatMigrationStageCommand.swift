import LyncDeployment
import PSRuntime

/// Reset-CsGroupChatMigrationStage: forgets one recorded migration stage, or all of them.
final class ResetCsGroupChatMigrationStageCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ResetCsGroupChatMigrationStageCommand.self, name: "Reset-CsGroupChatMigrationStage",
        synopsis: "Forgets recorded Group Chat migration stages.",
        description: """
            Removes the stage -Name from the deployment's record of the migration, or, without -Name, every \
            recorded stage, so a migration can be run again from the start. A -Name no stage has is an error. \
            Only the record changes: the Persistent Chat data, export files and backups stay as they are. \
            -WhatIf shows what would be removed; -Confirm asks first.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true, confirmImpact: .Medium,
        examples: [
            HelpExample("Reset-CsGroupChatMigrationStage -Name Import", "Forgets the Import stage, so it runs again."),
            HelpExample("Reset-CsGroupChatMigrationStage -WhatIf", "Shows that every recorded stage would be forgotten; nothing changes."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, pipeline: .byPropertyName, help: "The stage to forget; without it, every stage is."),
        ])

    var name: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        let target = name ?? "every recorded migration stage"
        guard try context.shouldProcess(target: target, action: "Reset-CsGroupChatMigrationStage") else { return }
        let removed = try context.reportingErrors { try store.write { db in try MigrationStageRepository.reset(name, in: db) } }
        if let removed { try context.writeVerbose("Forgot \(removed) migration stage\(removed == 1 ? "" : "s").") }
    }
}

import PSRuntime

/// The Group Chat migration cmdlets: export and import, and the tools a migration script runs
/// around them (backup, stage record, readiness findings, verification), with their views.
enum MigrationCmdlets {
    static var all: [CmdletDeclaration] {
        [ExportCsPersistentChatDataCommand.declaration, ImportCsPersistentChatDataCommand.declaration,
         BackupCsPersistentChatDatabaseCommand.declaration, GetCsGroupChatMigrationFindingCommand.declaration,
         CompareCsGroupChatMigrationCommand.declaration, GetCsGroupChatMigrationStageCommand.declaration,
         SetCsGroupChatMigrationStageCommand.declaration, ResetCsGroupChatMigrationStageCommand.declaration]
    }

    static func registerViews(_ context: ExecutionContext) {
        MigrationOutput.registerViews(context)
    }
}

# Manifest of the PersistentChatMigration module: the documented Group Chat to Persistent Chat
# migration and decommissioning process, one command per stage, and Invoke-CsGroupChatMigration
# to run them in order with recorded, resumable progress.
@{
    RootModule        = 'PersistentChatMigration.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '6a1f3c52-8e0d-4b7a-a9d4-2f5b7e1c9a30'
    Author            = 'pcsh'
    Description       = 'Migrates a Lync Server 2010 / OCS 2007 R2 Group Chat deployment to Lync Server 2013 Persistent Chat and decommissions the legacy pool, stage by stage.'
    FunctionsToExport = @(
        'Get-CsGroupChatMigrationSettings'
        'Get-CsGroupChatMigrationReadiness'
        'Test-CsGroupChatMigrationReadiness'
        'Stop-CsGroupChatMigrationService'
        'Export-CsGroupChatMigrationData'
        'Backup-CsGroupChatMigrationTarget'
        'Test-CsGroupChatMigrationImport'
        'Import-CsGroupChatMigrationData'
        'Copy-CsPersistentChatFileStore'
        'Move-CsGroupChatLookupEndpoint'
        'Start-CsGroupChatMigrationService'
        'Test-CsGroupChatMigration'
        'Remove-CsGroupChatLegacyPool'
        'Enable-CsPersistentChatMigrationPolicy'
        'Get-CsGroupChatMigrationStageList'
        'Invoke-CsGroupChatMigration'
    )
    VariablesToExport = @()
    AliasesToExport   = @()
}

# Manifest of the GroupChatAuthoring module: PowerShell helpers over the legacy Group Chat
# authoring cmdlets (New-CsGroupChatDatabase, Add-CsGroupChatPrincipal, New-CsGroupChatCategory, ...).
@{
    RootModule        = 'GroupChatAuthoring.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '3d8e6b0c-52a4-4f7e-9d1b-7c2f4e8a1b63'
    Author            = 'pcsh'
    Description       = 'Builds legacy Group Chat databases (the source of a Persistent Chat migration) from descriptions, and a complete sample.'
    FunctionsToExport = @('Import-CsGroupChatFixture', 'New-CsGroupChatSample')
    VariablesToExport = @()
    AliasesToExport   = @()
}

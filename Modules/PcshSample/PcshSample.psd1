# Manifest of the sample module shipped with pcsh: small helpers for showing sizes.
@{
    RootModule        = 'PcshSample.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '6f3c2a1e-8b4d-4e21-9c55-0d7a3b1f2e90'
    Author            = 'pcsh'
    Description       = 'Helpers for showing byte counts and folder sizes in readable units.'
    FunctionsToExport = @('Format-ByteSize', 'Get-FolderSize')
    VariablesToExport = @()
    AliasesToExport   = @()
}

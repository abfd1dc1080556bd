/// What a session limited to roles may run besides its roles' cmdlets: every endpoint session
/// of a user who is not an unrestricted member of RTCUniversalServerAdmins, and every `-Role`
/// session. Deny by default: a language cmdlet not listed here is neither shown nor run.
///
/// The list holds commands that only look at objects, format them, or use variables and the
/// current location, plus the few that read files or write reports; those meet the file check
/// (in an endpoint session: only inside the folders the endpoint's configuration grants the
/// session's roles). Left out on purpose: Invoke-Expression and Invoke-History (they run text
/// built at run time), Import-Module, the commands that create, change, copy, move or delete
/// files (New-Item, Set-Content, Remove-Item…), archives, CLIXML and secure strings.
enum LimitedSessionCommands {
    static let names: Set<String> = Set([
        // Discovery and help
        "Get-Command", "Get-Help", "Get-Member", "Get-Alias", "Get-Variable", "Get-Host", "Get-History", "Get-Error",
        // Objects in the pipeline
        "Where-Object", "ForEach-Object", "Select-Object", "Sort-Object", "Group-Object", "Measure-Object",
        "Compare-Object", "Get-Unique", "Tee-Object", "Add-Member", "New-Object", "Select-String", "Measure-Command",
        "Get-Random", "Get-Date", "New-TimeSpan", "Start-Sleep",
        // Formatting and output
        "Format-List", "Format-Table", "Format-Wide", "Out-String", "Out-Default", "Out-Host", "Out-Null",
        "Write-Output", "Write-Host", "Write-Verbose", "Write-Warning", "Write-Error", "Write-Information", "Write-Debug",
        "Write-Progress", "Clear-Host", "Read-Host", "Exit-PSSession",
        // Data conversion
        "ConvertTo-Json", "ConvertFrom-Json", "ConvertTo-Csv", "ConvertFrom-Csv", "ConvertTo-Html",
        // Variables
        "Set-Variable", "New-Variable", "Clear-Variable", "Remove-Variable", "Set-StrictMode",
        // Locations and files (checked against the granted folders)
        "Get-Location", "Set-Location", "Push-Location", "Pop-Location", "Test-Path", "Resolve-Path", "Join-Path",
        "Split-Path", "Get-ChildItem", "Get-Item", "Get-Content", "Get-FileHash", "Import-Csv", "Export-Csv", "Out-File",
        "Start-Transcript", "Stop-Transcript",
    ].map { $0.lowercased() })

    /// Never run in a limited session, whatever its roles, with the reason told to the user.
    static let refused: [String: String] = [
        "invoke-expression": "it would run text built at run time. Write the commands out instead.",
        "invoke-history": "it would run text built at run time. Write the commands out instead.",
    ]

    static func allows(_ commandName: String) -> Bool {
        names.contains(commandName.lowercased())
    }
}

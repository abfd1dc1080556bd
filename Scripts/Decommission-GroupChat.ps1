<#
.SYNOPSIS
Migrates the legacy Group Chat pool of litwareinc.com to Persistent Chat and decommissions it,
written the way an administrator writes it: the documented cmdlets, one step after the other.
.DESCRIPTION
Follows "Migration process - details": stop the services, export, import with -WhatIf, import,
replace the Lookup account with a Persistent Chat endpoint, remove the legacy trusted
application and its pool, start the Persistent Chat services. Stops at the first error. Run it as an administrator;
a Persistent Chat administrator (CsPersistentChatAdministrator) gets through the export, the
import and the endpoint when the services are stopped and the Lookup account is removed already,
and is refused at the trusted application removal, which needs CsAdministrator.
.EXAMPLE
./Scripts/Decommission-GroupChat.ps1 -WorkFolder C:\Decommission
#>
[CmdletBinding()]
param(
    [string] $LegacyPool = 'atl-gc-001.litwareinc.com',
    [string] $PersistentChatPool = 'atl-pcpool-001.litwareinc.com',
    [string] $TrustedApplicationPool = 'atl-gcapp-001.litwareinc.com',
    [string] $LookupAccount = 'ocschat',
    [string] $WorkFolder = 'C:\Decommission'
)
$ErrorActionPreference = 'Stop'

$legacy = Get-CsPool -Identity $LegacyPool
$target = Get-CsPool -Identity $PersistentChatPool
if (-not (Test-Path $WorkFolder)) { New-Item -ItemType Directory -Path $WorkFolder | Out-Null }

Write-Host "1. Stopping the Group Chat and Persistent Chat services"
foreach ($computer in @($legacy.Computers) + @($target.Computers)) {
    Get-CsWindowsService -ComputerName $computer | Where-Object Status -eq 'Running' | ForEach-Object {
        Stop-CsWindowsService -Name $_.Name -ComputerName $computer
    }
}

Write-Host "2. Exporting the legacy data"
Export-CsPersistentChatData -DBInstance $legacy.SqlStore -DBName $legacy.DatabaseName -FileName "$WorkFolder\GroupChat.zip" `
    -Report "$WorkFolder\export.html" -WarningAction SilentlyContinue

Write-Host "3. Import with -WhatIf"
Import-CsPersistentChatData -DBInstance $target.SqlStore -FileName "$WorkFolder\GroupChat.zip" -WhatIf `
    -Report "$WorkFolder\whatif.html" -WarningAction SilentlyContinue | Out-Null

Write-Host "4. Importing"
Import-CsPersistentChatData -DBInstance $target.SqlStore -FileName "$WorkFolder\GroupChat.zip" -Report "$WorkFolder\import.html" `
    -Confirm:$false -WarningAction SilentlyContinue

Write-Host "5. Replacing the Lookup account with a Persistent Chat endpoint"
$lookup = "sip:$LookupAccount@litwareinc.com"
$account = Get-ADUser -Filter "SamAccountName -eq '$LookupAccount'"
if ($account) { Remove-ADUser -Identity $LookupAccount -Confirm:$false }
if (-not (Get-CsPersistentChatEndpoint | Where-Object SipAddress -eq $lookup)) {
    New-CsPersistentChatEndpoint -SipAddress $lookup -PersistentChatPoolFqdn $PersistentChatPool -DisplayName 'Legacy Lookup'
}

Write-Host "6. Removing the legacy trusted application and its pool"
Get-CsTrustedApplication | Where-Object TrustedApplicationPoolFqdn -eq $TrustedApplicationPool | Remove-CsTrustedApplication -Confirm:$false
Remove-CsTrustedApplicationPool -Identity $TrustedApplicationPool -Confirm:$false

Write-Host "7. Starting the Persistent Chat services"
foreach ($computer in $target.Computers) {
    Get-CsWindowsService -ComputerName $computer | Where-Object Status -ne 'Running' | ForEach-Object {
        Start-CsWindowsService -Name $_.Name -ComputerName $computer
    }
}

Write-Host "Done: $((Get-CsPersistentChatRoom -PersistentChatPoolFqdn $PersistentChatPool).Count) rooms in $PersistentChatPool."

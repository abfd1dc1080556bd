# The operator path: Scripts/Decommission-GroupChat.ps1 (written as an administrator writes it)
# run by a user who holds only CsPersistentChatAdministrator gets through the export, the import
# and the endpoint, and stops cleanly at the trusted-application removal, which needs
# CsAdministrator; everything before it stays done. An administrator has stopped the services
# and removed the Lookup account first (those need CsServerAdministrator and directory rights).
# TIMEOUT: 120
$root = $env:PCSH_SOURCE_ROOT
$pcsh = Join-Path $PSHOME 'pcsh'
& (Join-Path $root 'Scripts/New-DemoDeployment.ps1') 6>$null | Out-Null
foreach ($computer in (Get-CsPool | Where-Object Role -in 'GroupChat', 'PersistentChat').Computers) {
    Get-CsWindowsService -ComputerName $computer | Where-Object Status -eq 'Running' | ForEach-Object {
        Stop-CsWindowsService -Name $_.Name -ComputerName $computer
    }
}
Remove-ADUser -Identity ocschat -Confirm:$false

$output = & $pcsh -NoProfile -User patchat -File (Join-Path $root 'Scripts/Decommission-GroupChat.ps1') 2>&1 |
    ForEach-Object { "$_" } | Where-Object { $_ -notlike 'What if:*' }
"exit: $LASTEXITCODE"
$output | Where-Object { $_ -match '^\d\. ' }
"refused at: $(@($output | Where-Object { $_ -like '*Access denied*' })[0] -replace '^.*may not run (\S+)\..*$', '$1')"
"role named: $(($output -join ' ') -like '*needs one of the roles CsAdministrator*')"
"rooms: $((Get-CsPersistentChatRoom -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com).Count)"
"endpoint: $((Get-CsPersistentChatEndpoint).SipAddress)"
"trusted pools: $(@(Get-CsTrustedApplicationPool).Count)"
"audit: $((Search-CsAdminAuditLog -ResultSize 1).Outcome)"
# CHECK: exit: 1
# CHECK: 1. Stopping the Group Chat and Persistent Chat services
# CHECK: 2. Exporting the legacy data
# CHECK: 3. Import with -WhatIf
# CHECK: 4. Importing
# CHECK: 5. Replacing the Lookup account with a Persistent Chat endpoint
# CHECK: 6. Removing the legacy trusted application and its pool
# CHECK: refused at: Remove-CsTrustedApplication
# CHECK: role named: True
# CHECK: rooms: 6
# CHECK: endpoint: sip:ocschat@litwareinc.com
# CHECK: trusted pools: 1
# CHECK: audit: Denied

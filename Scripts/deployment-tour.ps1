# A tour of the deployment pcsh manages, on a throw-away deployment home (run-example.sh sets
# $env:PCSH_HOME to a temporary folder). The first user becomes the deployment's administrator.

$topology = Join-Path $PSScriptRoot 'topology/litwareinc.json'
Publish-CsTopology -FileName $topology
Enable-CsTopology
Get-CsPool | Format-Table Identity, Site, Services -AutoSize
Get-CsWindowsService -ComputerName atl-pc-001.litwareinc.com

# Directory: a Persistent Chat administrator, and the legacy Lookup account.
New-ADUser -Name 'Pat Chat' -SamAccountName patchat -OtherAttributes @{ 'msRTCSIP-PrimaryUserAddress' = 'sip:patchat@litwareinc.com' }
New-ADUser -Name ocschat -SamAccountName ocschat -OtherAttributes @{ 'msRTCSIP-PrimaryUserAddress' = 'sip:ocschat@litwareinc.com' }
Add-ADGroupMember -Identity CsPersistentChatAdministrator -Members patchat
"patchat holds: $(Get-CsAdminRoleAssignment -Identity patchat)"

# The role check: the chat administrator may create endpoints but not stop services.
$pcsh = Join-Path $PSHOME 'pcsh'
& $pcsh -NoProfile -User patchat -Command @'
try { Stop-CsWindowsService -Name RTCCHAT -ComputerName atl-pc-001.litwareinc.com } catch { "refused: $($_.CategoryInfo.Category)" }
try { New-CsPersistentChatEndpoint -SipAddress sip:ocschat@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com -ErrorAction Stop } catch { $_.Exception.Message }
'@

# The administrator removes the Lookup account; then the endpoint can take its address.
Remove-ADUser -Identity ocschat -Confirm:$false
& $pcsh -NoProfile -User patchat -Command 'New-CsPersistentChatEndpoint -SipAddress sip:ocschat@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com -DisplayName "Legacy Lookup" -PassThru | Format-List SipAddress, DisplayName'

Search-CsAdminAuditLog -ResultSize 6 | Format-Table RunDate, User, Command, Outcome -AutoSize

# Persistent Chat: the chat administrator sets up a category and a room on the pool.
& $pcsh -NoProfile -User patchat -Command @'
$pool = 'atl-pcpool-001.litwareinc.com'
New-CsPersistentChatCategory -Name Engineering -PersistentChatPoolFqdn $pool -EnableInvitations | Out-Null
Set-CsPersistentChatCategory -Identity "$pool\Engineering" -AllowedMembers @{Add = 'sip:patchat@litwareinc.com'}
New-CsPersistentChatRoom -Name Build -Category "$pool\Engineering" -Privacy Open | Out-Null
Set-CsPersistentChatRoom -Identity "$pool\Build" -Managers @{Add = 'sip:patchat@litwareinc.com'}
Get-CsPersistentChatRoom -PersistentChatPoolFqdn $pool
'@

# A legacy Group Chat database (the migration's source), built by the authoring module.
Import-Module GroupChatAuthoring
$legacy = Join-Path $env:PCSH_HOME 'legacy-sample.sqlite'
New-CsGroupChatSample -Path $legacy | Out-Null
Get-CsGroupChatDatabase -Path $legacy | Format-List SchemaVersion, ForestFqdn, Principals, Categories, Rooms, Messages

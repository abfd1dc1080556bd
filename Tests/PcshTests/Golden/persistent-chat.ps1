# Persistent Chat management end to end: a topology with a collocated Persistent Chat role and a
# second pool, the directory it needs, categories, rooms, add-ins, the rules refusing bad changes,
# messages, failover state, policies and configuration.
$json = @'
{
  "ForestFqdn": "litwareinc.com",
  "LocalComputer": "atl-cs-001.litwareinc.com",
  "Sites": [
    { "Name": "Redmond", "SiteId": 1, "Pools": [
      { "Fqdn": "atl-cs-001.litwareinc.com", "Role": "FrontEnd", "CollocatedRoles": ["PersistentChat"], "HomePool": "atl-cs-001.litwareinc.com",
        "SqlStore": "atl-sql-001.litwareinc.com\\rtc", "FileStore": "\\\\atl-fs-001.litwareinc.com\\cs" },
      { "Fqdn": "atl-gc-001.litwareinc.com", "Role": "PersistentChat", "HomePool": "atl-cs-001.litwareinc.com",
        "SqlStore": "atl-sql-001.litwareinc.com\\gc", "FileStore": "\\\\atl-fs-001.litwareinc.com\\gc" }
    ] }
  ]
}
'@
Set-Content -Path ./pchat.json -Value $json
Publish-CsTopology -FileName ./pchat.json
Enable-CsTopology
New-ADUser -Name "Ken Myer" -SamAccountName kenmyer -DisplayName "Ken Myer" -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:kenmyer@litwareinc.com'}
New-ADUser -Name "Pilar Ackerman" -SamAccountName pilar -DisplayName "Pilar Ackerman" -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:pilar@litwareinc.com'}
New-ADGroup -Name ITStaff -GroupScope Global
Add-ADGroupMember -Identity ITStaff -Members pilar

$pool = 'atl-cs-001.litwareinc.com'
New-CsPersistentChatCategory -Name IT -PersistentChatPoolFqdn $pool -EnableInvitations -EnableFileUpload
Set-CsPersistentChatCategory -Identity "$pool\IT" -AllowedMembers @{Add='sip:kenmyer@litwareinc.com', 'CN=ITStaff,CN=Users,DC=litwareinc,DC=com'} -Creators @{Add='sip:kenmyer@litwareinc.com'}
Get-CsPersistentChatCategory -Identity "$pool\IT" -AsObject | Format-List Identity, Invites, AllowedMembers, Creators
$null = New-CsPersistentChatAddin -Name ITDash -PersistentChatPoolFqdn $pool -Url https://atl-cs-001.litwareinc.com/dash
$null = New-CsPersistentChatRoom -Name ITChatRoom -Category IT -PersistentChatPoolFqdn $pool -Addin ITDash
$null = New-CsPersistentChatRoom -Name Announcements -Category "$pool\IT" -Type Auditorium -Privacy Open
Set-CsPersistentChatRoom -Identity "$pool\ITChatRoom" -Members @{Add='sip:kenmyer@litwareinc.com', 'sip:pilar@litwareinc.com'} -Managers @{Add='sip:kenmyer@litwareinc.com'}
Set-CsPersistentChatRoom -Identity "$pool\Announcements" -Presenters @{Add='sip:pilar@litwareinc.com'}
Get-CsPersistentChatRoom
Get-CsPersistentChatRoom -Member sip:pilar@litwareinc.com | ForEach-Object { "$($_.Name): members $($_.Members -join ', ')" }

# The rules.
try { New-CsPersistentChatRoom -Name IT -Category "$pool\IT" -ErrorAction Stop } catch { "refused: $($_.Exception.Message)" }
try { Set-CsPersistentChatRoom -Identity "$pool\ITChatRoom" -Presenters @{Add='sip:kenmyer@litwareinc.com'} -ErrorAction Stop } catch { "refused: $($_.FullyQualifiedErrorId)" }
try { Set-CsPersistentChatRoom -Identity "$pool\ITChatRoom" -Members @{Add='sip:nobody@litwareinc.com'} -ErrorAction Stop } catch { "refused: $($_.FullyQualifiedErrorId)" }
Remove-CsPersistentChatCategory -Identity "$pool\IT" -Confirm:$false -ErrorAction SilentlyContinue
"categories left: $(@(Get-CsPersistentChatCategory).Count)"

# Failover state, policy and configuration.
Set-CsPersistentChatState -Identity "service:atl-gc-001.litwareinc.com" -PoolState FailedOver
Get-CsPersistentChatState | Format-Table Identity, PoolState -AutoSize
Set-CsPersistentChatPolicy -Identity Global -EnablePersistentChat $true
Get-CsPersistentChatPolicy | Format-List Identity, EnablePersistentChat
(Get-CsPersistentChatConfiguration).DefaultChatHistory

# Clean up: rooms, add-in, category.
Get-CsPersistentChatRoom | Remove-CsPersistentChatRoom -Force
Get-CsPersistentChatAddin | Remove-CsPersistentChatAddin -Force
Remove-CsPersistentChatCategory -Identity "$pool\IT" -Confirm:$false
"rooms left: $(@(Get-CsPersistentChatRoom).Count), categories left: $(@(Get-CsPersistentChatCategory).Count)"

# CHECK-EMPTY:
# CHECK: Identity                                 Invitations FileUpload ChatHistory
# CHECK: --------                                 ----------- ---------- -----------
# CHECK: atl-cs-001.litwareinc.com\IT             True        True       True
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Identity       : atl-cs-001.litwareinc.com\IT
# CHECK: Invites        : True
# CHECK: AllowedMembers : {Ken Myer, ITStaff}
# CHECK: Creators       : {Ken Myer}
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Name                     Category                             Privacy Type       Disabled
# CHECK: ----                     --------                             ------- ----       --------
# CHECK: Announcements            atl-cs-001.litwareinc.com\IT         Open    Auditorium False
# CHECK: ITChatRoom               atl-cs-001.litwareinc.com\IT         Closed  Normal     False
# CHECK: ITChatRoom: members sip:kenmyer@litwareinc.com, sip:pilar@litwareinc.com
# CHECK: refused: The pool atl-cs-001.litwareinc.com already has a category named 'IT'; categories and rooms need names unique within the pool.
# CHECK: refused: PresentersNeedAuditorium,Lync.SetCsPersistentChatRoomCommand
# CHECK: refused: PrincipalNotProvisioned,Lync.SetCsPersistentChatRoomCommand
# CHECK: categories left: 1
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Identity                                       PoolState
# CHECK: --------                                       ---------
# CHECK: PersistentChatServer:atl-cs-001.litwareinc.com Normal
# CHECK: PersistentChatServer:atl-gc-001.litwareinc.com FailedOver
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Identity             : Global
# CHECK: EnablePersistentChat : True
# CHECK-EMPTY:
# CHECK: 30
# CHECK: rooms left: 0, categories left: 0

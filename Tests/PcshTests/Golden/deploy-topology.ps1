# Publishing and enabling a topology written by the script itself, then the pools, services and
# Windows services it installed: stop and start one service, and a refused bad file.
$json = @'
{
  "ForestFqdn": "litwareinc.com",
  "LocalComputer": "atl-cs-001.litwareinc.com",
  "Sites": [
    { "Name": "Redmond", "SiteId": 1, "City": "Redmond", "Country": "US", "Pools": [
      { "Fqdn": "atl-cs-001.litwareinc.com", "Role": "FrontEnd" },
      { "Fqdn": "atl-pcpool-001.litwareinc.com", "Role": "PersistentChat",
        "Computers": ["atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com"],
        "HomePool": "atl-cs-001.litwareinc.com", "SqlStore": "atl-sql-001.litwareinc.com\\rtc",
        "FileStore": "\\\\atl-fs-001.litwareinc.com\\pchat" },
      { "Fqdn": "atl-gc-001.litwareinc.com", "Role": "GroupChat", "SqlStore": "atl-sql-002.litwareinc.com\\gc",
        "FileStore": "\\\\atl-fs-001.litwareinc.com\\gc" }
    ] }
  ]
}
'@
$file = './litwareinc.json'
Set-Content -Path $file -Value $json
Publish-CsTopology -FileName $file
Enable-CsTopology
Enable-CsTopology
"Version $((Get-CsTopology).Version) of $((Get-CsTopology).ForestFqdn)"
Get-CsPool | Format-Table Identity, Role, Site, Computers -AutoSize
(Get-CsPool atl-pcpool-001.litwareinc.com).Services
"mgc exists: $(Test-Path (Join-Path $env:PCSH_HOME 'sql/atl-sql-001.litwareinc.com/rtc/mgc.sqlite'))"
Get-CsWindowsService -ComputerName atl-pc-001.litwareinc.com
Stop-CsWindowsService -Name RTCCHAT -ComputerName atl-pc-001.litwareinc.com
Get-CsWindowsService -ComputerName atl-pc-001.litwareinc.com | ForEach-Object { "$($_.Name) $($_.Status)" }
Get-CsWindowsService -ComputerName atl-pc-001.litwareinc.com | Where-Object {$_.Status -ne "Running"} | Start-CsWindowsService
Get-CsWindowsService RTCCHAT -ComputerName atl-pc-001.litwareinc.com | ForEach-Object { "$($_.Name) $($_.Status)" }
$env:PCSH_COMPUTER = 'atl-gc-001.litwareinc.com'
"Local services: $((Get-CsWindowsService).Name -join ', ')"
Stop-CsWindowsService -Name Lookup -WhatIf
$env:PCSH_COMPUTER = $null
Set-Content -Path $file -Value $json.Replace('"SiteId": 1', '"SiteId": 0')
Publish-CsTopology -FileName $file
"Still version $((Get-CsTopology).Version)"
# CHECK: Version 1 of litwareinc.com
# CHECK-EMPTY:
# CHECK: Identity                      Role           Site         Computers
# CHECK: --------                      ----           ----         ---------
# CHECK: atl-cs-001.litwareinc.com     FrontEnd       Site:Redmond {atl-cs-001.litwareinc.com}
# CHECK: atl-pcpool-001.litwareinc.com PersistentChat Site:Redmond {atl-pc-001.litwareinc.com, atl-pc-002.litwareinc.com}
# CHECK: atl-gc-001.litwareinc.com     GroupChat      Site:Redmond {atl-gc-001.litwareinc.com}
# CHECK-EMPTY:
# CHECK: PersistentChatServer:atl-pcpool-001.litwareinc.com
# CHECK: PersistentChatStore:atl-sql-001.litwareinc.com\rtc
# CHECK: mgc exists: True
# CHECK-EMPTY:
# CHECK: Status  Name         ActivityLevel
# CHECK: ------  ----         -------------
# CHECK: Running RTCCHAT      Connected Users=0, Active Chat Rooms=0
# CHECK: Running RTCCLSAGT    Active Scenarios=0
# CHECK: RTCCHAT Stopped
# CHECK: RTCCLSAGT Running
# CHECK: RTCCHAT Running
# CHECK: Local services: Channel, Compliance, Lookup, Web
# CHECK-EMPTY:
# CHECK: What if: Performing the operation "Stop service" on target "Lookup on atl-gc-001.litwareinc.com".
# CHECK: Still version 1
# CHECKERR: litwareinc.json' has an error; nothing was published: Site 'Redmond': SiteId 0 must be a positive whole number.

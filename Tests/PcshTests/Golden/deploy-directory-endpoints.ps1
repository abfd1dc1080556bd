# Group Chat migration step on a published topology: the legacy Lookup account holds
# sip:ocschat@litwareinc.com, so the Persistent Chat endpoint is refused (naming the account) until
# the account is deleted; then the documented endpoint examples.
$json = @'
{
  "ForestFqdn": "litwareinc.com",
  "LocalComputer": "atl-cs-001.litwareinc.com",
  "Sites": [
    { "Name": "Redmond", "SiteId": 1, "Pools": [
      { "Fqdn": "atl-cs-001.litwareinc.com", "Role": "FrontEnd" },
      { "Fqdn": "atl-pcpool-001.litwareinc.com", "Role": "PersistentChat",
        "Computers": ["atl-pc-001.litwareinc.com"], "HomePool": "atl-cs-001.litwareinc.com",
        "SqlStore": "atl-sql-001.litwareinc.com\\rtc", "FileStore": "\\\\atl-fs-001.litwareinc.com\\pchat" }
    ] }
  ]
}
'@
$file = Join-Path (Get-Location).Path 'litwareinc.json'
Set-Content -Path $file -Value $json
Publish-CsTopology -FileName $file
New-ADUser ocschat -DisplayName 'Group Chat Lookup' -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:ocschat@litwareinc.com'}
(Get-CsUser sip:ocschat@litwareinc.com).Identity
try {
    New-CsPersistentChatEndpoint -SipAddress sip:ocschat@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com -ErrorAction Stop
} catch {
    $_.Exception.Message
}
try {
    New-CsPersistentChatEndpoint -SipAddress sip:pc@litwareinc.com -PersistentChatPoolFqdn atl-cs-001.litwareinc.com -ErrorAction Stop
} catch {
    $_.Exception.Message
}
Remove-ADUser ocschat -Confirm:$false
New-CsPersistentChatEndpoint -SipAddress sip:ocschat@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com -DisplayName 'Legacy Group Chat' -PassThru |
    Format-List SipAddress, DisplayName, PersistentChatPoolFqdn, Enabled
New-CsPersistentChatEndpoint -SipAddress "sip:pce@litwareinc.com" -PersistentChatPoolFqdn "atl-pcpool-001.litwareinc.com" -DisplayName "Persistent Chat Endpoint 1"
Get-CsPersistentChatEndpoint | ForEach-Object { "$($_.SipAddress) -> $($_.PersistentChatPoolFqdn)" }
(Get-CsPersistentChatEndpoint -Identity "sip:pce@litwareinc.com").Identity -replace '\{[0-9a-f-]+\}', '{guid}'
Get-CsPersistentChatEndpoint -PoolFqdn atl-pcpool-001.litwareinc.com -Filter {DisplayName -like '*Legacy*'} | ForEach-Object SipAddress
Remove-CsPersistentChatEndpoint -Identity "sip:pce@litwareinc.com" -WhatIf
Get-CsPersistentChatEndpoint -PersistentChatPoolFqdn "atl-pcpool-001.litwareinc.com" | Remove-CsPersistentChatEndpoint -Confirm:$false
"Endpoints left: $(@(Get-CsPersistentChatEndpoint).Count)"
# CHECK: CN=ocschat,CN=Users,DC=litwareinc,DC=com
# CHECK: The SIP address 'sip:ocschat@litwareinc.com' is already used by the user 'ocschat'. Remove it from that object (or delete the object) first.
# CHECK: The pool 'atl-cs-001.litwareinc.com' is a FrontEnd pool, not a Persistent Chat pool. Name a Persistent Chat pool of the topology.
# CHECK-EMPTY:
# CHECK: SipAddress             : sip:ocschat@litwareinc.com
# CHECK: DisplayName            : Legacy Group Chat
# CHECK: PersistentChatPoolFqdn : atl-pcpool-001.litwareinc.com
# CHECK: Enabled                : True
# CHECK-EMPTY:
# CHECK: sip:ocschat@litwareinc.com -> atl-pcpool-001.litwareinc.com
# CHECK: sip:pce@litwareinc.com -> atl-pcpool-001.litwareinc.com
# CHECK: CN={guid},CN=Application Contacts,CN=RTC Service,CN=Services,CN=Configuration,DC=litwareinc,DC=com
# CHECK: sip:ocschat@litwareinc.com
# CHECK: What if: Performing the operation "Remove Persistent Chat endpoint" on target "sip:pce@litwareinc.com".
# CHECK: Endpoints left: 0

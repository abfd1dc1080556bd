# Windows drive paths and UNC paths (as Get-CsPool shows file stores) work in the file cmdlets
# through the deployment's one mapping: C:\ is drives/c and \\server\share is shares/server/share.
$json = @'
{ "ForestFqdn": "litwareinc.com", "Sites": [ { "Name": "Redmond", "SiteId": 1, "Pools": [
    { "Fqdn": "atl-cs-001.litwareinc.com", "Role": "FrontEnd" },
    { "Fqdn": "atl-gc-001.litwareinc.com", "Role": "GroupChat", "SqlStore": "atl-sql-002.litwareinc.com\\groupchat",
      "FileStore": "\\\\atl-fs-001.litwareinc.com\\groupchat" } ] } ] }
'@
Set-Content -Path ./litwareinc.json -Value $json
Publish-CsTopology -FileName ./litwareinc.json | Out-Null
$store = (Get-CsPool atl-gc-001.litwareinc.com).FileStore
$store
New-Item -ItemType Directory -Path "$store\posted" -Force | Out-Null
Set-Content -Path "$store\posted\notes.txt" -Value 'legacy file'
Test-Path "$store\posted\notes.txt"
Get-Content "\\ATL-FS-001.litwareinc.com\groupchat\posted\notes.txt"
(Get-ChildItem "$store\posted" | Select-Object -ExpandProperty Name)
Copy-Item "$store\posted\notes.txt" -Destination C:\Logs\copy.txt -ErrorAction SilentlyContinue
New-Item -ItemType Directory C:\Logs | Out-Null
Copy-Item "$store\posted\notes.txt" -Destination C:\Logs\copy.txt
Get-Content C:\Logs\copy.txt
(Resolve-Path C:\Logs\*.txt).Path -replace [regex]::Escape($env:PCSH_HOME), '<home>'
Test-Path 'C:\..\..\..\Logs\copy.txt'
# CHECK: \\atl-fs-001.litwareinc.com\groupchat
# CHECK: True
# CHECK: legacy file
# CHECK: notes.txt
# CHECK: legacy file
# CHECK: <home>/drives/c/Logs/copy.txt
# CHECK: True

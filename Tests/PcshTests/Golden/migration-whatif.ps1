# The migration's dry run through the real executable: the authoring module's sample legacy
# database, exported, then Import-CsPersistentChatData -WhatIf into the litwareinc Persistent Chat
# pool: every conversion on the output, warnings on the warning stream (here merged into the
# output with 3>&1 so their order is checked), the summary, and a report; nothing written.
$json = @'
{
  "ForestFqdn": "litwareinc.com",
  "LocalComputer": "atl-cs-001.litwareinc.com",
  "Sites": [ { "Name": "Redmond", "SiteId": 1, "Pools": [
    { "Fqdn": "atl-cs-001.litwareinc.com", "Role": "FrontEnd" },
    { "Fqdn": "atl-pcpool-001.litwareinc.com", "Role": "PersistentChat",
      "Computers": ["atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com"],
      "HomePool": "atl-cs-001.litwareinc.com", "SqlStore": "atl-sql-001.litwareinc.com\\rtc",
      "FileStore": "\\\\atl-fs-001.litwareinc.com\\pchat" }
  ] } ]
}
'@
Set-Content -Path ./litwareinc.json -Value $json
Publish-CsTopology -FileName ./litwareinc.json | Out-Null
Enable-CsTopology | Out-Null
'atl-pc-001.litwareinc.com', 'atl-pc-002.litwareinc.com' | ForEach-Object { Stop-CsWindowsService -ComputerName $_ }
Import-Module GroupChatAuthoring
New-CsGroupChatSample -Path ./sample.db | Out-Null
Export-CsPersistentChatData -DBInstance ./sample.db -FileName ./export.zip
Import-CsPersistentChatData -DBInstance 'atl-sql-001.litwareinc.com\rtc' -FileName ./export.zip -WhatIf -Report ./whatif.html 3>&1
"report written: $(Test-Path ./whatif.html)"
"rooms in the pool after -WhatIf: $(@(Get-CsPersistentChatRoom).Count)"
# CHECK: What if: [Flatten categories] Root: rooms directly under the root category go to a category named 'Root'.
# CHECK: What if: [Chat history and file upload] Root/Eng: chat history is inherited; the category gets the effective value True.
# CHECK: What if: [Chat history and file upload] Root/Eng: file upload is inherited; the category gets the effective value True.
# CHECK: What if: [Flatten categories] Root/Eng/Backend: the nested category becomes the category 'Eng_Backend'.
# CHECK: What if: [Invitations] Root/Eng/Backend: invitations is inherited; the category gets the effective value True.
# CHECK: What if: [Chat history and file upload] Root/Eng/Backend: file upload is inherited; the category gets the effective value True.
# CHECK: What if: [Invitations] Root/Finance: invitations is inherited; the category gets the effective value False.
# CHECK: What if: [Chat history and file upload] Root/Finance: chat history is inherited; the category gets the effective value True.
# CHECK: What if: [Privacy, type and presenters] Root/Eng/general: Persistent Chat rooms have no topic; the topic 'Anything engineering' is dropped (the description stays).
# CHECK: What if: [Disabled rooms] Root/Eng/old-project: the room is disabled in the source, so it is not migrated (nor are its messages).
# CHECK: What if: [Prefix room names] Root/Eng/Backend/build: the room becomes 'Eng_Backend_build' in the category 'Eng_Backend'.
# CHECK: What if: [Privacy, type and presenters] Root/Eng/Backend/build: Persistent Chat rooms have no topic; the topic 'Build status' is dropped (the description stays).
# CHECK: WARNING: [Chat history and file upload] Root/Eng/Backend/build: the room has file upload off but its category 'Eng_Backend' has it on; Persistent Chat sets it per category, so the category's value applies.
# CHECK: What if: [Privacy, type and presenters] Root/lobby: Persistent Chat rooms have no topic; the topic 'Say hello' is dropped (the description stays).
# CHECK: WARNING: [Federated principals] sip:partner@fabrikam.com: federated and external principals have no place in Persistent Chat: removed from Members; their messages stay and still name them.
# CHECK: What if: [Federated principals] sip:partner@fabrikam.com: kept only as the author of its messages, with the type User (Persistent Chat has no federated types).
# CHECK: WARNING: [Disabled principals] sip:former@litwareinc.com: the principal is disabled: removed from Members; it stays in history and in AllowedMembers.
# CHECK: What if: [Messages] \\atl-fs-001\GroupChatFiles: 1 message links to posted files (ma-filelink:); the files are not in the export: copy the legacy file store to the Persistent Chat file store.
# CHECK: What if: Import summary: 4 categories, 5 rooms (1 disabled rooms left out), 1 add-ins, 6 principals new, 4 messages (0 left out with their rooms); 0 errors, 3 warnings.
# CHECK: report written: True
# CHECK: rooms in the pool after -WhatIf: 0

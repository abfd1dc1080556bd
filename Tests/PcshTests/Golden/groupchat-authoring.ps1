# The legacy Group Chat authoring cmdlets and the GroupChatAuthoring module: build a legacy
# database by hand, check it, build the module's sample, and generate test data from a seed.
New-CsGroupChatDatabase -Path ./legacy.db -LookupServerUri sip:ocschat@litwareinc.com | Format-List SchemaVersion, ForestFqdn, LookupServerUri, Rooms
Add-CsGroupChatPrincipal ./legacy.db -Name Engineering -Type Group
Add-CsGroupChatPrincipal ./legacy.db sip:kenmyer@litwareinc.com -Name 'Ken Myer' -MemberOf Engineering -PassThru | Format-Table Uri, Name, Type, Disabled
Add-CsGroupChatPrincipal ./legacy.db sip:partner@fabrikam.com -Type FederatedUser
New-CsGroupChatAddin ./legacy.db Dashboard https://intranet.litwareinc.com/dashboard | Format-Table Name, Url
New-CsGroupChatCategory ./legacy.db Eng -Invite $true -Managers 'Ken Myer' | Format-Table Kind, Path, Invite, Logged, Visibility
New-CsGroupChatCategory ./legacy.db Backend -Parent Eng -Logged $false -Visibility Private -Scope Engineering | Format-Table Kind, Path, Invite, Logged, Visibility
New-CsGroupChatRoom ./legacy.db build -Category Backend -Type Auditorium -Voiced 'Ken Myer' -Addin Dashboard | Format-List Path, Type, Addin, Disabled
Add-CsGroupChatMessage ./legacy.db -Room build -Author 'Ken Myer' -Content 'ma-filelink:///build/log.txt' -Date '2011-03-01T09:00:00Z' -PassThru | Format-Table Room, ChatId, Author, Content
try { New-CsGroupChatRoom ./legacy.db BUILD -Category Eng -ErrorAction Stop } catch { "refused: $($_.FullyQualifiedErrorId.Split(',')[0])" }
$summary = Get-CsGroupChatDatabase ./legacy.db
"principals=$($summary.Principals) categories=$($summary.Categories) rooms=$($summary.Rooms) addins=$($summary.Addins) messages=$($summary.Messages)"
Import-Module GroupChatAuthoring
$sample = New-CsGroupChatSample -Path ./sample.db
"sample: principals=$($sample.Principals) categories=$($sample.Categories) rooms=$($sample.Rooms) messages=$($sample.Messages)"
$data = New-CsGroupChatTestData -Path ./big.db -Rooms 50 -Principals 400 -Messages 20000 -Seed 1
"generated: rooms=$($data.Rooms) principals=$($data.Principals) messages=$($data.Messages)"
(Get-CsGroupChatDatabase ./big.db).Messages
Get-CsGroupChatDatabase ./nothere.db
# CHECK-EMPTY:
# CHECK: SchemaVersion   : GroupChat2010
# CHECK: ForestFqdn      : litwareinc.com
# CHECK: LookupServerUri : sip:ocschat@litwareinc.com
# CHECK: Rooms           : 0
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Uri                        Name     Type Disabled
# CHECK: ---                        ----     ---- --------
# CHECK: sip:kenmyer@litwareinc.com Ken Myer User    False
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Name      Url
# CHECK: ----      ---
# CHECK: Dashboard https://intranet.litwareinc.com/dashboard
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Kind     Path     Invite Logged  Visibility
# CHECK: ----     ----     ------ ------  ----------
# CHECK: Category Root/Eng   True Inherit Inherit
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Kind     Path             Invite  Logged Visibility
# CHECK: ----     ----             ------  ------ ----------
# CHECK: Category Root/Eng/Backend Inherit  False Private
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Path     : Root/Eng/Backend/build
# CHECK: Type     : Auditorium
# CHECK: Addin    : Dashboard
# CHECK: Disabled : False
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Room  ChatId Author   Content
# CHECK: ----  ------ ------   -------
# CHECK: build      1 Ken Myer ma-filelink:///build/log.txt
# CHECK-EMPTY:
# CHECK: refused: LegacyNodeExists
# CHECK: principals=3 categories=2 rooms=1 addins=1 messages=1
# CHECK: sample: principals=6 categories=3 rooms=6 messages=4
# CHECK: generated: rooms=50 principals=400 messages=20000
# CHECK: 20000
# CHECKERR: There is no legacy Group Chat database at

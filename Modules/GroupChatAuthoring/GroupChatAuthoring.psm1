# GroupChatAuthoring: builds legacy Group Chat databases from nested hashtables, and a small but
# complete sample database that the migration tests use.

# Keys of a definition that map straight onto a cmdlet parameter of the same name.
$script:PrincipalKeys = 'Uri', 'Name', 'Type', 'Disabled', 'MemberOf', 'Email'
$script:CategoryKeys = 'Description', 'Invite', 'Logged', 'FilePost', 'Visibility', 'Scope', 'Managers', 'Members', 'Voiced', 'Creators', 'OverrideMember'
$script:RoomKeys = 'Description', 'Topic', 'Invite', 'Logged', 'FilePost', 'Type', 'Visibility', 'Addin', 'Managers', 'Members', 'Voiced', 'Disabled', 'OverrideMember'
$script:MessageKeys = 'Author', 'Content', 'Date', 'Alert', 'Rtf'

function Copy-DefinedKeys {
    # Copies the keys present in $Definition (and named in $Keys) into the splat $Target.
    param([hashtable] $Target, [hashtable] $Definition, [string[]] $Keys)
    foreach ($key in $Keys) {
        if ($Definition.ContainsKey($key)) { $Target[$key] = $Definition[$key] }
    }
    $Target
}

function Add-FixtureRoom {
    param([string] $Path, [string] $Category, [hashtable] $Room)
    $splat = Copy-DefinedKeys @{ Database = $Path; Name = $Room.Name; Category = $Category } $Room $script:RoomKeys
    New-CsGroupChatRoom @splat | Out-Null
    foreach ($message in @($Room.Messages)) {
        if ($null -eq $message) { continue }
        $post = Copy-DefinedKeys @{ Database = $Path; Room = $Room.Name } $message $script:MessageKeys
        Add-CsGroupChatMessage @post
    }
}

function Add-FixtureCategory {
    param([string] $Path, [string] $Parent, [hashtable] $Category)
    $splat = Copy-DefinedKeys @{ Database = $Path; Name = $Category.Name; Parent = $Parent } $Category $script:CategoryKeys
    New-CsGroupChatCategory @splat | Out-Null
    foreach ($room in @($Category.Rooms)) {
        if ($null -ne $room) { Add-FixtureRoom -Path $Path -Category $Category.Name -Room $room }
    }
    foreach ($child in @($Category.Categories)) {
        if ($null -ne $child) { Add-FixtureCategory -Path $Path -Parent $Category.Name -Category $child }
    }
}

function Import-CsGroupChatFixture {
    <#
    .SYNOPSIS
    Builds a legacy Group Chat database from a nested hashtable description.
    .DESCRIPTION
    Creates the database -Path (replacing it with -Force) and fills it in this order: principals,
    add-ins, categories (each with its rooms, then its sub-categories), rooms directly under the
    root, and each room's messages. The description is a hashtable with these keys, all optional:

      ForestFqdn, LookupServerUri, FileStorePath, SchemaVersion, RootName  - the database settings
      Principals - hashtables with Uri, Name, Type, Disabled, MemberOf, Email
      Addins     - hashtables with Name and Url
      Categories - hashtables with Name and the New-CsGroupChatCategory settings (Invite, Logged,
                   FilePost, Visibility, Scope, Managers, Members, Voiced, Creators,
                   OverrideMember, Description), plus Rooms and Categories (nested)
      Rooms      - rooms directly under the root
    A room is a hashtable with Name and the New-CsGroupChatRoom settings (Topic, Description, Invite,
    Logged, FilePost, Type, Visibility, Addin, Managers, Members, Voiced, Disabled, OverrideMember)
    and Messages: hashtables with Author, Content, Date, Alert, Rtf. A key left out means the
    cmdlet's default, so an inheritable setting left out is inherited.
    Writes the summary of the new database (Get-CsGroupChatDatabase).
    .EXAMPLE
    Import-CsGroupChatFixture -Path ./legacy.db -Definition @{
        Principals = @(@{ Uri = 'sip:ken@litwareinc.com'; Name = 'Ken Myer' })
        Categories = @(@{ Name = 'Eng'; Managers = 'Ken Myer'; Rooms = @(@{ Name = 'build'; Messages = @(@{ Author = 'Ken Myer'; Content = 'hi' }) }) })
    }
    Creates legacy.db with one user, the category Eng managed by him, the room build and one message.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Path,
        [Parameter(Mandatory, Position = 1)] [hashtable] $Definition,
        [switch] $Force
    )
    # Any failure ends the build: a half-built fixture would mislead the tests that use it.
    $ErrorActionPreference = 'Stop'
    $database = Copy-DefinedKeys @{ Path = $Path; Force = [bool]$Force } $Definition 'ForestFqdn', 'LookupServerUri', 'FileStorePath', 'SchemaVersion', 'RootName'
    $summary = New-CsGroupChatDatabase @database
    $root = $summary.RootName
    foreach ($principal in @($Definition.Principals)) {
        if ($null -eq $principal) { continue }
        $splat = Copy-DefinedKeys @{ Database = $Path } $principal $script:PrincipalKeys
        Add-CsGroupChatPrincipal @splat
    }
    foreach ($addin in @($Definition.Addins)) {
        if ($null -ne $addin) { New-CsGroupChatAddin -Database $Path -Name $addin.Name -Url $addin.Url | Out-Null }
    }
    foreach ($category in @($Definition.Categories)) {
        if ($null -ne $category) { Add-FixtureCategory -Path $Path -Parent $root -Category $category }
    }
    foreach ($room in @($Definition.Rooms)) {
        if ($null -ne $room) { Add-FixtureRoom -Path $Path -Category $root -Room $room }
    }
    Get-CsGroupChatDatabase -Path $Path
}

function New-CsGroupChatSample {
    <#
    .SYNOPSIS
    Creates a small but complete legacy Group Chat database, the fixture of the migration tests.
    .DESCRIPTION
    The sample (forest litwareinc.com, schema GroupChat2010, root category Root) holds:
      principals  Ken Myer, Pilar Ackerman, Ann Beebe (users); Engineering (a group with Ken and
                  Pilar); Former Employee (disabled user); Partner (federated user, fabrikam.com)
      add-in      Dashboard
      categories  Root/Eng (managers Ken, creators Pilar, invitations on)
                  Root/Eng/Backend (history off, Private, members Engineering)
                  Root/Finance (scoped to Ann and Engineering, file posting off)
      rooms       Root/Eng/general (topic, add-in Dashboard, members Partner and Former Employee)
                  Root/Eng/all-hands (auditorium; Ken and Pilar voiced)
                  Root/Eng/old-project (disabled)
                  Root/Eng/Backend/build (invitations on, file posting off; 3 messages: one
                  alert, one ma-filelink: file link, one with an RTF blob)
                  Root/Finance/budget (own member list: Ann)
                  Root/lobby (directly under the root; a message from the federated partner)
    Writes the summary of the new database.
    .EXAMPLE
    New-CsGroupChatSample -Path ./sample.db
    Creates sample.db and shows its counts: 6 principals, 3 categories, 6 rooms, 1 add-in, 4 messages.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Path,
        [switch] $Force
    )
    $rtf = [Convert]::ToBase64String([byte[]](0x7B, 0x5C, 0x72, 0x74, 0x66, 0x31, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x7D))
    $definition = @{
        ForestFqdn      = 'litwareinc.com'
        LookupServerUri = 'sip:ocschat@litwareinc.com'
        FileStorePath   = '\\atl-fs-001\GroupChatFiles'
        Principals      = @(
            @{ Name = 'Engineering'; Type = 'Group' }
            @{ Uri = 'sip:kenmyer@litwareinc.com'; Name = 'Ken Myer'; MemberOf = 'Engineering' }
            @{ Uri = 'sip:pilar@litwareinc.com'; Name = 'Pilar Ackerman'; MemberOf = 'Engineering' }
            @{ Uri = 'sip:annbeebe@litwareinc.com'; Name = 'Ann Beebe' }
            @{ Uri = 'sip:former@litwareinc.com'; Name = 'Former Employee'; Disabled = $true }
            @{ Uri = 'sip:partner@fabrikam.com'; Name = 'Partner'; Type = 'FederatedUser' }
        )
        Addins          = @(@{ Name = 'Dashboard'; Url = 'https://intranet.litwareinc.com/dashboard' })
        Categories      = @(
            @{
                Name = 'Eng'; Description = 'Engineering'; Managers = @('Ken Myer'); Creators = @('Pilar Ackerman'); Invite = $true
                Rooms = @(
                    @{ Name = 'general'; Topic = 'Anything engineering'; Addin = 'Dashboard'; Members = @('Partner', 'Former Employee') }
                    @{ Name = 'all-hands'; Type = 'Auditorium'; Voiced = @('Ken Myer', 'Pilar Ackerman') }
                    @{ Name = 'old-project'; Disabled = $true }
                )
                Categories = @(
                    @{
                        Name = 'Backend'; Logged = $false; Visibility = 'Private'; Members = @('Engineering')
                        Rooms = @(
                            @{
                                Name = 'build'; Invite = $true; FilePost = $false; Topic = 'Build status'
                                Messages = @(
                                    @{ Author = 'Ken Myer'; Content = 'Build 41 is broken'; Date = '2011-03-01T09:00:00Z'; Alert = $true }
                                    @{ Author = 'Pilar Ackerman'; Content = 'Log: ma-filelink:///build/log41.txt'; Date = '2011-03-01T09:05:00Z' }
                                    @{ Author = 'Ken Myer'; Content = 'Café fixed'; Date = '2011-03-01T09:30:00Z'; Rtf = $rtf }
                                )
                            }
                        )
                    }
                )
            }
            @{
                Name = 'Finance'; Scope = @('Ann Beebe', 'Engineering'); FilePost = $false
                Rooms = @(@{ Name = 'budget'; OverrideMember = $true; Members = @('Ann Beebe') })
            }
        )
        Rooms           = @(
            @{ Name = 'lobby'; Topic = 'Say hello'; Messages = @(@{ Author = 'sip:partner@fabrikam.com'; Content = 'Hello from Fabrikam'; Date = '2011-02-14T12:00:00Z' }) }
        )
    }
    Import-CsGroupChatFixture -Path $Path -Definition $definition -Force:$Force
}

Export-ModuleMember -Function Import-CsGroupChatFixture, New-CsGroupChatSample

<#
.SYNOPSIS
Builds the litwareinc.com demo deployment the migration runs on: a Lync Server 2013 Front End
pool and an empty Persistent Chat pool, a legacy Group Chat pool with its trusted application,
the ocschat Lookup account, a legacy database holding the tricky cases of the migration rules,
and a folder of posted files.
.DESCRIPTION
Run it on an empty deployment home (set $env:PCSH_HOME first); the first user becomes the
deployment's administrator. Scripts/demo-migration.ps1 calls it, then migrates.
.EXAMPLE
$env:PCSH_HOME = '/tmp/demo-home'; ./Scripts/New-DemoDeployment.ps1
#>
[CmdletBinding()]
param(
    # Where the deployment home is (the legacy database goes into its SQL instance folder).
    [string] $DeploymentHome = $env:PCSH_HOME
)
$ErrorActionPreference = 'Stop'
if (-not $DeploymentHome) { $DeploymentHome = Join-Path $HOME '.local/share/pcsh' }

Write-Host 'Topology: litwareinc.com (Front End, Persistent Chat and Group Chat pools)'
Publish-CsTopology -FileName (Join-Path $PSScriptRoot 'topology/litwareinc.json') | Out-Null
Enable-CsTopology | Out-Null

Write-Host 'Directory: users, the ocschat Lookup account, a Persistent Chat administrator'
$users = @(
    @{ Name = 'Ken Myer'; Sam = 'kenmyer' }
    @{ Name = 'Pilar Ackerman'; Sam = 'pilar' }
    @{ Name = 'Ann Beebe'; Sam = 'annbeebe' }
    @{ Name = 'Pat Chat'; Sam = 'patchat' }
    @{ Name = 'ocschat'; Sam = 'ocschat' }
)
foreach ($user in $users) {
    New-ADUser -Name $user.Name -SamAccountName $user.Sam -OtherAttributes @{ 'msRTCSIP-PrimaryUserAddress' = "sip:$($user.Sam)@litwareinc.com" }
}
Add-ADGroupMember -Identity CsPersistentChatAdministrator -Members patchat

Write-Host 'Legacy Group Chat: trusted application pool atl-gcapp-001 with the Group Chat application'
New-CsTrustedApplicationPool -Identity atl-gcapp-001.litwareinc.com -Registrar atl-cs-001.litwareinc.com -Site Redmond -RequiresReplication $false | Out-Null
New-CsTrustedApplication -ApplicationId GroupChat -TrustedApplicationPoolFqdn atl-gcapp-001.litwareinc.com -Port 5041 | Out-Null
New-CsTrustedApplicationEndpoint -ApplicationId GroupChat -TrustedApplicationPoolFqdn atl-gcapp-001.litwareinc.com -SipAddress sip:gcchannel@litwareinc.com | Out-Null

Write-Host 'Legacy database: every tricky case of the migration rules'
$legacyPool = Get-CsPool atl-gc-001.litwareinc.com
$parts = $legacyPool.SqlStore -split '\\'
$legacyFile = Join-Path $DeploymentHome ("sql/{0}/{1}/{2}.sqlite" -f $parts[0].ToLower(), $parts[1].ToLower(), $legacyPool.DatabaseName.ToLower())
New-Item -ItemType Directory -Path (Split-Path $legacyFile -Parent) -Force | Out-Null
Import-Module GroupChatAuthoring
$long = 'Quarterly planning ' + ('x' * 216)   # 247 characters once prefixed: just under the limit
$definition = @{
    ForestFqdn      = 'litwareinc.com'
    LookupServerUri = 'sip:ocschat@litwareinc.com'
    FileStorePath   = $legacyPool.FileStore
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
                @{ Name = 'general'; Topic = 'Anything engineering'; Addin = 'Dashboard'; Members = @('Partner', 'Former Employee', 'Ann Beebe')
                   Messages = @(
                       @{ Author = 'Ken Myer'; Content = 'Welcome to Group Chat'; Date = '2009-06-01T08:00:00Z' }
                       @{ Author = 'Ann Beebe'; Content = 'Spec: ma-filelink:///general/spec.docx'; Date = '2011-05-02T10:00:00Z' }
                   ) }
                @{ Name = 'all-hands'; Type = 'Auditorium'; Voiced = @('Ken Myer', 'Pilar Ackerman') }
                @{ Name = 'old-project'; Disabled = $true; Messages = @(@{ Author = 'Ken Myer'; Content = 'Archived'; Date = '2010-01-01T00:00:00Z' }) }
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
                            )
                        }
                        @{ Name = $long; Members = @('Ken Myer') }
                    )
                }
            )
        }
        @{
            Name = 'Finance'; Scope = @('Ann Beebe', 'Engineering'); FilePost = $false; Invite = $false
            Rooms = @(
                @{ Name = 'budget'; OverrideMember = $true; Members = @('Ann Beebe'); Invite = $true
                   Messages = @(@{ Author = 'Ann Beebe'; Content = 'Q3 numbers are in'; Date = '2011-07-01T09:00:00Z' }) }
            )
        }
    )
    Rooms           = @(
        @{ Name = 'lobby'; Topic = 'Say hello'; Messages = @(@{ Author = 'sip:partner@fabrikam.com'; Content = 'Hello from Fabrikam'; Date = '2011-02-14T12:00:00Z' }) }
    )
}
Import-CsGroupChatFixture -Path $legacyFile -Definition $definition -Force | Out-Null

Write-Host "Posted files: $($legacyPool.FileStore)"
foreach ($file in @('general/spec.docx', 'build/log41.txt', 'build/artifacts/readme.txt')) {
    $path = Join-Path $legacyPool.FileStore $file
    New-Item -ItemType Directory -Path (Split-Path $path -Parent) -Force | Out-Null
    Set-Content -Path $path -Value "Posted file $file, uploaded to Group Chat in 2011."
}

Get-CsGroupChatDatabase -DBInstance $legacyPool.SqlStore -DBName $legacyPool.DatabaseName

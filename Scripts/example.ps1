# A short tour of pcsh. The data is a made-up inventory of Group Chat rooms, the kind of list a
# migration to Lync 2013 Persistent Chat starts from. No arguments needed.

$rooms = @(
    [pscustomobject]@{ Name = 'Ops Bridge'; Category = 'Operations'; Members = 42; Messages = 18250; Active = $true }
    [pscustomobject]@{ Name = 'Release Train'; Category = 'Engineering'; Members = 17; Messages = 6420; Active = $true }
    [pscustomobject]@{ Name = 'Lunch Club'; Category = 'Social'; Members = 88; Messages = 912; Active = $false }
    [pscustomobject]@{ Name = 'Incident 2291'; Category = 'Operations'; Members = 9; Messages = 1337; Active = $false }
    [pscustomobject]@{ Name = 'Design Review'; Category = 'Engineering'; Members = 12; Messages = 2048; Active = $true }
)

# An advanced function: validated parameters, pipeline input, begin/process/end.
function Get-MigrationPlan {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        $Room,

        [ValidateRange(1, 100000)]
        [int]$BatchSize = 5000
    )
    begin { $planned = 0 }
    process {
        $planned++
        [pscustomobject]@{
            Room    = $Room.Name
            Batches = [math]::Ceiling($Room.Messages / $BatchSize)
            Mode    = if ($Room.Active) { 'live' } else { 'archive' }
        }
    }
    end { Write-Verbose "planned $planned rooms" }
}

'== The three biggest rooms'
$rooms | Sort-Object Members -Descending | Select-Object Name, Category, Members -First 3 | Out-Default

'== Migration plan, batches of 5000 messages'
$rooms | Get-MigrationPlan -BatchSize 5000 | Out-Default

'== Messages per category'
foreach ($group in $rooms | Group-Object Category) {
    $total = ($group.Group | Measure-Object -Property Messages -Sum).Sum
    '{0,-12} {1} rooms {2,8} messages' -f $group.Name, $group.Count, $total
}

'== One room as JSON'
$rooms[0] | ConvertTo-Json -Compress

'== Errors are objects too'
try {
    $rooms[0] | Get-MigrationPlan -BatchSize 0
} catch {
    "rejected: $($_.FullyQualifiedErrorId)"
}
$quiet = $rooms | Where-Object Members -GT 50
"rooms with more than 50 members: $(@($quiet).Count) ($($quiet.Name -join ', '))"

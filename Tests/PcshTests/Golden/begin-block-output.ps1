# Output written in a begin block reaches the next command, in order, after every begin block
# has run (as pwsh queues it); ConvertTo-Html keeps its head when piped on.
function Show-Blocks { begin { 'B' } process { "P$_" } end { 'E' } }
1, 2 | Show-Blocks | ForEach-Object { "got $_" }
function First { begin { 'x' } }
function Second { process { Write-Host "second processes $_" } }
function Third { begin { Write-Host 'third begins' } }
First | Second | Third
$page = [pscustomobject]@{ Name = 'atl-pc-001' } | ConvertTo-Html -Title 'Pools' -PreContent '<p>before</p>' | Out-String
$page -match '<title>Pools</title>'
$page -match '<p>before</p>'
# CHECK: got B
# CHECK: got P1
# CHECK: got P2
# CHECK: got E
# CHECK: third begins
# CHECK: second processes x
# CHECK: True
# CHECK: True

# The pipeline streams one object at a time: Select-Object -First stops an endless or huge upstream.
# TIMEOUT: 20
1..10000000 | Select-Object -First 3
(1..10000000 | ForEach-Object { $_ * 2 } | Select-Object -First 2) -join ','
function Get-Forever { $i = 0; while ($true) { $i++; $i } }
(Get-Forever | Select-Object -First 3) -join ','
(Get-Forever | Where-Object { $_ % 5 -eq 0 } | Select-Object -First 2) -join ','
1..3 | ForEach-Object { Write-Host "produce $_"; $_ } | ForEach-Object { Write-Host "consume $_" }
function Trace-Stage {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)]$InputObject, [string]$Label)
    begin { Write-Host "$Label begin" }
    process { Write-Host "$Label $InputObject"; $InputObject }
    end { Write-Host "$Label end" }
}
1, 2 | Trace-Stage -Label A | Trace-Stage -Label B | Out-Null
# CHECK: 1
# CHECK: 2
# CHECK: 3
# CHECK: 2,4
# CHECK: 1,2,3
# CHECK: 5,10
# CHECK: produce 1
# CHECK: consume 1
# CHECK: produce 2
# CHECK: consume 2
# CHECK: produce 3
# CHECK: consume 3
# CHECK: A begin
# CHECK: B begin
# CHECK: A 1
# CHECK: B 1
# CHECK: A 2
# CHECK: B 2
# CHECK: A end
# CHECK: B end

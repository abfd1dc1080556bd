# Strict mode, Select-String, New-TimeSpan, Measure-Command and CLIXML as scripts from the field use them.
function Get-Total($a, $b) { $a + $b }
Set-StrictMode -Version Latest
try { $notSet } catch { "1: $($_.FullyQualifiedErrorId)" }
try { 'text'.NoSuchProperty } catch { "2: $($_.Exception.Message)" }
try { Get-Total(1, 2) } catch { "3: $($_.FullyQualifiedErrorId)" }
try { @(1, 2)[2] } catch { "4: $($_.Exception.Message)" }
function Test-Lenient { Set-StrictMode -Off; "lenient: [$notSetEither]" }
Test-Lenient
Set-StrictMode -Off
"off: [$notSet]"
'alpha', 'beta', 'gamma' | Select-String 'a$'
$log = Join-Path ([IO.Path]::GetTempPath()) "pcsh-golden-sls-$PID.log"
"INFO start`nERROR disk full`nINFO retry`nERROR again" | Set-Content $log
(Select-String -Path $log -Pattern '^ERROR').LineNumber -join ','
Select-String -Path $log -Pattern 'disk' -Quiet
(New-TimeSpan -Hours 2 -Minutes 15).ToString()
(Measure-Command { 1..100 | ForEach-Object { $_ } }).GetType().Name
$xml = "$log.xml"
@{ Name = 'svc'; Ports = 80, 443 } | Export-Clixml $xml
$back = Import-Clixml $xml
"$($back.Name) $($back.Ports -join '/') $($back.GetType().Name)"
Remove-Item $log, $xml
# CHECK: 1: VariableIsUndefined
# CHECK: 2: The property 'NoSuchProperty' cannot be found on this object. Verify that the property exists.
# CHECK: 3: StrictModeFunctionCallWithParens
# CHECK: 4: Index was outside the bounds of the array.
# CHECK: lenient: []
# CHECK: off: []
# CHECK-EMPTY:
# CHECK: alpha
# CHECK: beta
# CHECK: gamma
# CHECK: 2,4
# CHECK: True
# CHECK: 02:15:00
# CHECK: TimeSpan
# CHECK: svc 80/443 Hashtable

# Output and error redirection to files, $null and the success stream.
'line one' > out.txt
'line two' >> out.txt
Get-Content out.txt
"bytes: $((Get-Item out.txt).Length)"
Write-Error 'sent to null' 2>$null
'after 2>$null'
$merged = Write-Error 'merged error' 2>&1
$merged.GetType().Name
"text: $merged"
$all = & { 'out'; Write-Error 'err' } 2>&1
"merged count: $($all.Count)"
& { 'kept'; Write-Error 'to file' } 2> err.txt
"err.txt exists: $(Test-Path err.txt)"
1..3 | Out-File nums.txt
(Get-Content nums.txt) -join ','
'discarded' | Out-Null
$null = 'discarded too'
[void]'discarded as well'
sh -c 'echo native-err >&2' 2>$null
$native = sh -c 'echo native-out' 2>&1
"native: $native"
'overwrite' > out.txt
Get-Content out.txt
# CHECK: line one
# CHECK: line two
# CHECK: bytes: 18
# CHECK: after 2>$null
# CHECK: ErrorRecord
# CHECK: text: merged error
# CHECK: merged count: 2
# CHECK: kept
# CHECK: err.txt exists: True
# CHECK: 1,2,3
# CHECK: native: native-out
# CHECK: overwrite

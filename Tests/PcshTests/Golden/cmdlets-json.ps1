# ConvertTo-Json and ConvertFrom-Json: objects, arrays, scalars, escaping, depth and hashtables.
$obj = [pscustomobject]@{ Name = 'Ada'; Age = 36; Tags = @('a', 'b'); Active = $true; Nothing = $null }
$obj | ConvertTo-Json -Compress
$obj | ConvertTo-Json
ConvertTo-Json -InputObject @(1, 2, 3) -Compress
@(1, 2, 3) | ConvertTo-Json -Compress
'text' | ConvertTo-Json
'a"b\c' | ConvertTo-Json
@{ a = 1 } | ConvertTo-Json -Compress
[ordered]@{ z = 1.5; a = 'x' } | ConvertTo-Json -Compress
@{ list = @() } | ConvertTo-Json -Compress
$json = '{"name":"pcsh","list":[1,2,3],"nested":{"ok":true},"none":null}'
$o = $json | ConvertFrom-Json
$o.name
$o.list.Count
$o.list[1].GetType().Name
$o.nested.ok
$null -eq $o.none
$o.GetType().Name
$o | ConvertTo-Json -Compress -Depth 5
$h = $json | ConvertFrom-Json -AsHashtable
$h['nested']['ok']
$h.list -join ','
$arr = '[{"a":1},{"a":2}]' | ConvertFrom-Json
$arr.Count
$arr.a -join ','
('[1,2]' | ConvertFrom-Json | Measure-Object).Count
(@'
{
  "multi": "line input",
  "n": 2.5
}
'@ | ConvertFrom-Json).n
# CHECK: {"Name":"Ada","Age":36,"Tags":["a","b"],"Active":true,"Nothing":null}
# CHECK: {
# CHECK:   "Name": "Ada",
# CHECK:   "Age": 36,
# CHECK:   "Tags": [
# CHECK:     "a",
# CHECK:     "b"
# CHECK:   ],
# CHECK:   "Active": true,
# CHECK:   "Nothing": null
# CHECK: }
# CHECK: [1,2,3]
# CHECK: [1,2,3]
# CHECK: "text"
# CHECK: "a\"b\\c"
# CHECK: {"a":1}
# CHECK: {"z":1.5,"a":"x"}
# CHECK: {"list":[]}
# CHECK: pcsh
# CHECK: 3
# CHECK: Int64
# CHECK: True
# CHECK: True
# CHECK: PSCustomObject
# CHECK: {"name":"pcsh","list":[1,2,3],"nested":{"ok":true},"none":null}
# CHECK: True
# CHECK: 1,2,3
# CHECK: 2
# CHECK: 1,2
# CHECK: 2
# CHECK: 2.5

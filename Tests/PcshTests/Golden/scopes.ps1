# Dynamic scoping: reading parent scopes, local writes, $script:, $global:, $private:, & and dot-sourcing.
$x = 'script'
function Show-X { "inside: $x" }
Show-X
function Set-Local { $x = 'local'; "set-local: $x" }
Set-Local
"after local: $x"
function Set-ScriptVar { $script:x = 'changed by function' }
Set-ScriptVar
"after script: $x"
function Set-GlobalVar { $global:g = 'G' }
Set-GlobalVar
"global: $g"
& { $x = 'in child block'; $x }
"after &: $x"
. { $dotted = 'dot-sourced' }
"after .: $dotted"
$private:hidden = 'private'
function Show-Hidden { "hidden seen as [$hidden]" }
Show-Hidden
"hidden here: $hidden"
function Outer {
    $v = 'outer value'
    function Inner { "inner sees $v" }
    Inner
}
Outer
function Set-Parent { Set-Variable -Name x -Value 'via scope 1' -Scope 1 }
Set-Parent
"after Set-Variable -Scope 1: $x"
function Counter { $count++; "count in function: $count" }
$count = 10
Counter
"count outside: $count"
$local:x
# CHECK: inside: script
# CHECK: set-local: local
# CHECK: after local: script
# CHECK: after script: changed by function
# CHECK: global: G
# CHECK: in child block
# CHECK: after &: changed by function
# CHECK: after .: dot-sourced
# CHECK: hidden seen as []
# CHECK: hidden here: private
# CHECK: inner sees outer value
# CHECK: after Set-Variable -Scope 1: via scope 1
# CHECK: count in function: 11
# CHECK: count outside: 10
# CHECK: via scope 1

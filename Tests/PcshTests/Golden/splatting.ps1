# Splatting hashtables and arrays into functions and cmdlets; forwarding $PSBoundParameters and $args.
function Show-Params { param($First, $Second, [switch]$Flag) "First=$First Second=$Second Flag=$Flag" }
$named = @{ First = 'a'; Second = 'b' }
Show-Params @named
$named.Flag = $true
Show-Params @named
$positional = 'x', 'y'
Show-Params @positional
Show-Params @positional -Flag
$partial = @{ Second = 'only second' }
Show-Params -First explicit @partial
function Invoke-Wrapper { param($First, $Second) Show-Params @PSBoundParameters }
Invoke-Wrapper -Second 2 -First 1
function Invoke-Forward { Show-Params @args }
Invoke-Forward -First q -Flag
$content = @{ Path = 'splat.txt'; Value = 'hello from splat' }
Set-Content @content
Get-Content -Path splat.txt
$select = @{ ExpandProperty = 'Name'; First = 1 }
[pscustomobject]@{ Name = 'n1' }, [pscustomobject]@{ Name = 'n2' } | Select-Object @select
# CHECK: First=a Second=b Flag=False
# CHECK: First=a Second=b Flag=True
# CHECK: First=x Second=y Flag=False
# CHECK: First=x Second=y Flag=True
# CHECK: First=explicit Second=only second Flag=False
# CHECK: First=1 Second=2 Flag=False
# CHECK: First=q Second= Flag=True
# CHECK: hello from splat
# CHECK: n1

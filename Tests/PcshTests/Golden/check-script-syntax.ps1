# Checking a script without running it: the parser returns the tree and the syntax errors,
# and nothing in the checked script runs (it would create ran.txt).
Set-Content -Path good.ps1 -Value @'
param([string]$Name = 'world', [int]$Count = 1)
function Send-Greeting {
    param($To)
    Write-Output "Hello $To"
}
Set-Content -Path ran.txt -Value 'ran'
Send-Greeting -To $Name
'@
Set-Content -Path bad.ps1 -Value @'
function Broken {
    if ($x -eq 1) {
        'one'
'@
$tokens = $errors = $null
$ast = [System.Management.Automation.Language.Parser]::ParseFile((Join-Path $PWD 'good.ps1'), [ref]$tokens, [ref]$errors)
"errors: $($errors.Count)"
"ran: $(Test-Path ran.txt)"
"params: $($ast.ParamBlock.Parameters.Name.VariablePath.UserPath -join ', ')"
"statements: $($ast.EndBlock.Statements.Count)"
$functions = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)
foreach ($f in $functions) { "function $($f.Name) at line $($f.Extent.StartLineNumber), file $(Split-Path -Leaf $f.Extent.File)" }
$commands = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
"commands: $(($commands | ForEach-Object { $_.GetCommandName() }) -join ', ')"
$ast.Find({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $false).Extent.Text
"tokens: $($tokens.Count -gt 10)"

$null = [System.Management.Automation.Language.Parser]::ParseFile((Join-Path $PWD 'bad.ps1'), [ref]$null, [ref]$errors)
"bad errors: $($errors.Count -gt 0)"
$errors | Select-Object -First 1 | ForEach-Object { "$($_.ErrorId) at line $($_.Extent.StartLineNumber)" }

$ast = [System.Management.Automation.Language.Parser]::ParseInput('Get-Process; $x = 1', [ref]$null, [ref]$errors)
"input: $($ast.EndBlock.Statements.Count) statements, $($errors.Count) errors, file '$($ast.Extent.File)'"
# CHECK: errors: 0
# CHECK: ran: False
# CHECK: params: Name, Count
# CHECK: statements: 3
# CHECK: function Send-Greeting at line 2, file good.ps1
# CHECK: commands: Write-Output, Set-Content, Send-Greeting
# CHECK: Set-Content -Path ran.txt -Value 'ran'
# CHECK: tokens: True
# CHECK: bad errors: True
# CHECK: MissingEndCurlyBrace at line {{\d+}}
# CHECK: input: 2 statements, 0 errors, file ''

# Running native programs: output as strings, $LASTEXITCODE, $?, arguments, environment and stdin.
/bin/echo hi
$out = /bin/echo captured
"got: $out"
$out.GetType().Name
sh -c 'exit 4'
$ok = $?
"exit: $LASTEXITCODE ok: $ok"
sh -c 'exit 0'
"after success: $LASTEXITCODE $?"
$lines = sh -c 'printf "a\nb\n"'
"lines: $($lines.Count) second: $($lines[1])"
sh -c 'echo $#' argv0 'a b' c
$env:PCSH_GOLDEN = 'from env'
sh -c 'echo $PCSH_GOLDEN'
'piped in' | sh -c 'tr a-z A-Z'
sh -c 'echo to-stderr >&2'
$tool = 'sh'
& $tool -c 'echo via call operator'
# On Linux, pwsh leaves cp, mv, rm and friends to the native programs; pcsh keeps the
# ls, cat and sort aliases the project requires (and gci/gc work everywhere).
"ls is $(@(Get-Command -Name ls)[0].CommandType)"
"cp is $(@(Get-Command -Name cp)[0].CommandType)"
try { no-such-command-xyz } catch { $_.FullyQualifiedErrorId }
# CHECK: hi
# CHECK: got: captured
# CHECK: String
# CHECK: exit: 4 ok: False
# CHECK: after success: 0 True
# CHECK: lines: 2 second: b
# CHECK: 2
# CHECK: from env
# CHECK: PIPED IN
# CHECK: via call operator
# CHECK: ls is Alias
# CHECK: cp is Application
# CHECK: CommandNotFoundException
# CHECKERR: to-stderr

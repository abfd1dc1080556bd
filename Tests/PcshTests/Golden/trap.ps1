# trap statements: continue resumes after the failing statement, break stops the scope, typed traps.
trap { "script trap: $_"; continue }
'before'
throw 'oops'
'after'
function Test-Break {
    trap { "trap in function: $_"; break }
    'function start'
    throw 'fatal'
    'not reached'
}
try { Test-Break } catch { "caller caught: $_" }
function Test-Typed {
    trap [System.ArgumentException] { "argument trap: $($_.Exception.Message)"; continue }
    trap { "general trap: $($_.Exception.Message)"; continue }
    throw [System.ArgumentException]::new('typed')
    throw 'untyped'
    'typed done'
}
Test-Typed
function Test-Default {
    trap { 'trap without keyword' }
    throw 'reported and continued'
    'continues after the error'
}
Test-Default
$zero = 0
$r = 1 / $zero
"result is null: $($null -eq $r)"
'end'
# CHECK: before
# CHECK: script trap: oops
# CHECK: after
# CHECK: function start
# CHECK: trap in function: fatal
# CHECK: caller caught: fatal
# CHECK: argument trap: typed
# CHECK: general trap: untyped
# CHECK: typed done
# CHECK: trap without keyword
# CHECK: continues after the error
# CHECK: script trap: Attempted to divide by zero.
# CHECK: result is null: True
# CHECK: end
# CHECKERR: reported and continued

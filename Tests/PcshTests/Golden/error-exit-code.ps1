# An uncaught terminating error ends the script: exit code 1 and the error text on stderr.
'before'
function Invoke-Failure { throw 'fatal problem' }
Invoke-Failure
'never printed'
# CHECK: before
# CHECKERR: Exception:
# CHECKERR: fatal problem
# EXIT: 1

# exit <n> ends the script with that exit code, even from inside a function; finally blocks still run.
'about to exit'
function Stop-Script { try { exit 3 } finally { 'finally before exit' } }
Stop-Script
'never printed'
# CHECK: about to exit
# CHECK: finally before exit
# EXIT: 3

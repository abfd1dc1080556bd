# A script with two syntax errors does not run at all: the parser error goes to stderr with the
# script path and line, and the exit code is 1. pwsh's concise view shows the first error in full; the
# message wording is not checked beyond naming the operator.
'this line never runs'
$a = (1 + )
'neither does this'
$b = "unterminated
# CHECKERR: ParserError
# CHECKERR: parse-errors.ps1:5
# CHECKERR: $a = (1 + )
# CHECKERR: '+'
# EXIT: 1

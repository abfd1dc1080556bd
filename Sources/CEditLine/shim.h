// libedit's readline-compatible API, for the interactive shell only.
#include <stdio.h>
#include <editline/readline.h>

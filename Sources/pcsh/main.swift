import Foundation
import PSHost

// The pcsh executable: parse pwsh-style flags, run, exit with pwsh's exit code.
// The engine runs on a thread with a large stack: deep (but legal) script recursion needs more
// than the main thread's 8 MB, and only the pages actually used are ever allocated.
// A reader that goes away (`pcsh … | head -1`, a native program that stops reading its input)
// must not kill the shell: SIGPIPE is caught by a handler that does nothing, so the write fails
// with EPIPE and only that stream ends. A caught signal (unlike an ignored one) goes back to its
// default in programs the shell starts, so `yes | head` still ends `yes` as usual.
var pipeAction = sigaction()
pipeAction.__sigaction_handler.sa_handler = { _ in }
sigemptyset(&pipeAction.sa_mask)
pipeAction.sa_flags = SA_RESTART
sigaction(SIGPIPE, &pipeAction, nil)
let engine = Thread {
    do {
        let options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
        exit(Shell.main(options: options))
    } catch {
        try? FileHandle.standardError.write(contentsOf: Data("pcsh: \(error)\n".utf8))
        exit(64)
    }
}
engine.stackSize = 512 << 20
engine.start()
while true { sleep(60) }

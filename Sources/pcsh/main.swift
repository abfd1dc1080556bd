import Foundation
import PSHost

// The pcsh executable: parse pwsh-style flags, run, exit with pwsh's exit code.
// The engine runs on a thread with a large stack: deep (but legal) script recursion needs more
// than the main thread's 8 MB, and only the pages actually used are ever allocated.
let engine = Thread {
    do {
        let options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
        exit(Shell(options: options).run())
    } catch {
        FileHandle.standardError.write(Data("pcsh: \(error)\n".utf8))
        exit(64)
    }
}
engine.stackSize = 512 << 20
engine.start()
while true { sleep(60) }

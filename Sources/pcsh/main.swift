import Foundation
import PSHost

// The pcsh executable: parse pwsh-style flags, run, exit with pwsh's exit code.
do {
    let options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
    exit(Shell(options: options).run())
} catch {
    FileHandle.standardError.write(Data("pcsh: \(error)\n".utf8))
    exit(64)
}

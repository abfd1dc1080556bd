import Foundation
import PSLanguage
import PSRuntime

/// The interactive loop: prompt, read until the input is complete (the parser says so), run,
/// repeat. Line editing and completion come with the libedit reader; this one reads plain lines.
final class InteractiveLoop {
    let shell: Shell

    init(shell: Shell) { self.shell = shell }

    func run() -> Int32 {
        if !shell.options.noLogo {
            shell.host.writeOutput("pcsh \(PcshVersion.version)\n")
        }
        var buffer = ""
        while true {
            let prompt = buffer.isEmpty ? "PS \(shell.context.location)> " : ">> "
            guard let line = shell.host.readLine(prompt: prompt) else {
                shell.host.writeOutput("\n")
                return 0
            }
            buffer += buffer.isEmpty ? line : "\n" + line
            if buffer.trimmingCharacters(in: .whitespaces).isEmpty { buffer = ""; continue }
            let parsed = Parser.parse(buffer)
            if parsed.isIncomplete && !line.isEmpty { continue }
            buffer = ""
            if !parsed.errors.isEmpty {
                shell.reportParseErrors(parsed.errors)
                continue
            }
            // Errors are shown and the prompt comes back; only `exit` leaves.
            if case .exited(let code) = shell.execute({ try shell.context.runParsed(parsed.ast, output: shell.output) }) {
                return code
            }
        }
    }
}

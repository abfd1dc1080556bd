import Foundation
import PSRuntime

/// Clears the terminal screen.
final class ClearHostCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ClearHostCommand.self, name: "Clear-Host", aliases: ["cls"],
        synopsis: "Clears the terminal screen (does nothing when output is not a terminal).",
        module: "Microsoft.PowerShell.Core",
        examples: [HelpExample("Clear-Host", "Clears the screen.")],
        parameters: [])

    func process(_ context: CommandContext) throws {
        let host = context.session.host
        guard host.isInteractive, isatty(STDOUT_FILENO) != 0 else { return }
        // Erase the screen and the scroll-back, then move the cursor home.
        host.writeHost("\u{1B}[2J\u{1B}[3J\u{1B}[H", newline: false, foreground: nil, background: nil)
    }
}

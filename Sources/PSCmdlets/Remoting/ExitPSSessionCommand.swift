import PSRuntime

/// Exit-PSSession: leaves an entered session (the interactive loop does the leaving).
final class ExitPSSessionCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ExitPSSessionCommand.self, name: "Exit-PSSession", aliases: ["exsn"],
        synopsis: "Leaves the entered session.",
        module: "Microsoft.PowerShell.Core", parameters: [])

    func end(_ context: CommandContext) throws {}
}

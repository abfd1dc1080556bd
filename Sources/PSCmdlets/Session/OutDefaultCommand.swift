import PSRuntime

/// Sends objects to the default formatter and the host (the host adds it to every pipeline).
final class OutDefaultCommand: HostWritingCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        OutDefaultCommand.self, name: "Out-Default", synopsis: "Formats objects and shows them on the host.",
        description: "Decides how each object is shown (table, list or plain text) the way PowerShell's default formatting does, and writes the text to the host.",
        module: "Microsoft.PowerShell.Core",
        examples: [HelpExample("Get-Variable | Out-Default", "Shows the variables as a table.")],
        parameters: [
            .switchParameter("Transcript", \.transcript, help: "Accepted for compatibility: the output goes to the host, and so to a running transcript too."),
            inputParameter(),
        ])

    var transcript = false
}

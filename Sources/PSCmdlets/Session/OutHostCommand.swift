import PSRuntime

/// Shows objects on the host, formatted.
final class OutHostCommand: HostWritingCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        OutHostCommand.self, name: "Out-Host", aliases: ["oh"],
        synopsis: "Formats objects and writes them to the host instead of the pipeline.",
        module: "Microsoft.PowerShell.Core",
        examples: [HelpExample("Get-Variable | Out-Host", "Shows the variables on the host; nothing goes down the pipeline.")],
        parameters: [
            .switchParameter("Paging", \.paging, help: "Shows one page at a time (accepted; output is not paged)."),
            inputParameter(),
        ])

    var paging = false
}

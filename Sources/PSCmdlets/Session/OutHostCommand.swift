import PSRuntime

/// Shows objects on the host, formatted.
final class OutHostCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        OutHostCommand.self, name: "Out-Host", aliases: ["oh"],
        synopsis: "Formats objects and writes them to the host instead of the pipeline.",
        module: "Microsoft.PowerShell.Core",
        examples: [HelpExample("Get-Variable | Out-Host", "Shows the variables on the host; nothing goes down the pipeline.")],
        parameters: [
            .switchParameter("Paging", \.paging, help: "Shows one page at a time (accepted; output is not paged)."),
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to show."),
        ])

    var paging = false
    var inputObject: PSValue = .null
    private var writer: HostOutputWriter?

    func begin(_ context: CommandContext) throws {
        writer = HostOutputWriter(context.session)
    }

    func process(_ context: CommandContext) throws {
        if !context.expectingInput && !context.isBound("InputObject") { return }
        writer?.add(inputObject)
    }

    func end(_ context: CommandContext) throws {
        writer?.finish()
    }
}

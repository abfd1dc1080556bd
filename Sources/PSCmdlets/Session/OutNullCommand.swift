import PSRuntime

/// Discards its input.
final class OutNullCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        OutNullCommand.self, name: "Out-Null", synopsis: "Discards the objects it receives.",
        module: "Microsoft.PowerShell.Core",
        examples: [HelpExample("New-Item x -ItemType Directory | Out-Null", "Creates a directory without showing it.")],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to discard."),
        ])

    var inputObject: PSValue = .null
}

import PSRuntime

/// Runs text as PowerShell code.
final class InvokeExpressionCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        InvokeExpressionCommand.self, name: "Invoke-Expression", aliases: ["iex"],
        synopsis: "Runs a string as PowerShell code in the current scope.",
        description: "The text is parsed and run as if it were part of the script at this point; variables it sets stay set. Never run text you do not trust.",
        examples: [HelpExample("Invoke-Expression '$x = 2; $x * 3'", "Sets $x and outputs 6.")],
        parameters: [
            Parameter("Command", \.command, position: 0, mandatory: true, pipeline: .byValue, help: "The code to run."),
        ])

    var command = ""

    func process(_ context: CommandContext) throws {
        try context.session.runScript(command) { try context.write($0) }
    }
}

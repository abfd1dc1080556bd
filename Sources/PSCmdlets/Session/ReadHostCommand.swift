import PSRuntime

/// Reads a line of input from the host.
final class ReadHostCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ReadHostCommand.self, name: "Read-Host",
        synopsis: "Reads a line of input from the console.",
        description: "Shows the prompt followed by ': ' and returns what the user typed. At the end of input nothing is returned.",
        outputTypes: ["System.String"],
        examples: [HelpExample("$name = Read-Host 'Your name'", "Asks for a name and stores the answer.")],
        parameters: [
            Parameter("Prompt", \.prompt, position: 0, remaining: true, help: "The text shown before the input."),
            .switchParameter("AsSecureString", \.asSecureString, help: "Hides the input (it is returned as plain text here)."),
            .switchParameter("MaskInput", \.maskInput, help: "Hides the input while typing."),
        ])

    var prompt: [PSValue] = []
    var asSecureString = false
    var maskInput = false

    func process(_ context: CommandContext) throws {
        let text = prompt.map { LanguagePrimitives.toString($0, context: context.session) }.joined(separator: " ")
        guard let line = context.session.host.readLine(prompt: text.isEmpty ? "" : text + ": ") else {
            try PipelineInterrupt.throwIfRequested()
            return
        }
        try context.write(.string(line))
    }
}

import PSRuntime

/// Reads a line of input from the host.
final class ReadHostCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ReadHostCommand.self, name: "Read-Host",
        synopsis: "Reads a line of input from the console.",
        description: "Shows the prompt followed by ': ' and returns what the user typed. At the end of input nothing is returned.",
        outputTypes: ["System.String", "System.Security.SecureString"],
        examples: [HelpExample("$name = Read-Host 'Your name'", "Asks for a name and stores the answer.")],
        parameters: [
            Parameter("Prompt", \.prompt, position: 0, remaining: true, help: "The text shown before the input."),
            .switchParameter("AsSecureString", \.asSecureString, help: "Hides the input (each character shows as *) and returns it as a SecureString."),
            .switchParameter("MaskInput", \.maskInput, help: "Hides the input (each character shows as *) and returns it as a string."),
        ])

    var prompt: [PSValue] = []
    var asSecureString = false
    var maskInput = false

    func process(_ context: CommandContext) throws {
        let text = prompt.map { LanguagePrimitives.toString($0, context: context.session) }.joined(separator: " ")
        let prompt = text.isEmpty ? "" : text + ": "
        let host = context.session.host
        guard let line = asSecureString || maskInput ? host.readMaskedLine(prompt: prompt) : host.readLine(prompt: prompt) else {
            try PipelineInterrupt.throwIfRequested()
            return
        }
        try context.write(asSecureString ? .object(SecureStringValue(line)) : .string(line))
    }
}

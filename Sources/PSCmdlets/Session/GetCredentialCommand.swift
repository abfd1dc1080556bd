import PSRuntime

/// Asks the user for a user name and a password and returns a PSCredential.
final class GetCredentialCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCredentialCommand.self, name: "Get-Credential",
        synopsis: "Gets a credential object based on a user name and password.",
        description: "Prompts through the host for a user name (unless -UserName gives it) and a password, which is read without echo (each character shows as *), and returns a PSCredential whose Password is a SecureString. In a session that cannot prompt (-NonInteractive, no terminal) it fails with CouldNotPromptForCredential.",
        outputTypes: ["System.Management.Automation.PSCredential"],
        examples: [HelpExample("$cred = Get-Credential -UserName admin -Message 'Database login'",
                               "Asks for admin's password and keeps the credential in $cred.")],
        parameters: [
            Parameter("Credential", \.credential, position: 0, help: "A user name to ask the password for, or a credential to return as it is."),
            Parameter("Message", \.message, help: "The text shown above the prompts."),
            Parameter("UserName", \.userName, help: "The user name; only the password is asked for."),
            Parameter("Title", \.title, help: "The heading shown above the prompts."),
        ])

    var credential: PSValue = .null
    var message = ""
    var userName = ""
    var title = ""

    func process(_ context: CommandContext) throws {
        if case .object(let o) = credential.baseValue, o is PSCredentialValue {
            try context.write(credential.baseValue)
            return
        }
        let host = context.session.host
        guard host.isInteractive else {
            throw RuntimeError("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                               id: "CouldNotPromptForCredential", category: .InvalidOperation,
                               exceptionType: "System.Management.Automation.PSInvalidOperationException")
        }
        host.writeHost(title.isEmpty ? "PowerShell credential request" : title, newline: true, foreground: nil, background: nil)
        host.writeHost(message.isEmpty ? "Enter your credentials." : message, newline: true, foreground: nil, background: nil)
        var user = userName.isEmpty && !credential.isNull ? LanguagePrimitives.toString(credential, context: context.session) : userName
        if user.isEmpty {
            guard let line = host.readLine(prompt: "User: ") else {
                try PipelineInterrupt.throwIfRequested()
                return
            }
            user = line
        }
        guard let password = host.readMaskedLine(prompt: "Password for user \(user): ") else {
            try PipelineInterrupt.throwIfRequested()
            return
        }
        try context.write(.object(PSCredentialValue(userName: user, password: SecureStringValue(password))))
    }
}

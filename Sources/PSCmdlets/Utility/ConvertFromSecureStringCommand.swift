import PSRuntime

/// ConvertFrom-SecureString: a SecureString as plain text (-AsPlainText) or in the standard
/// text form ConvertTo-SecureString reads back.
final class ConvertFromSecureStringCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ConvertFromSecureStringCommand.self, name: "ConvertFrom-SecureString",
        synopsis: "Writes a SecureString as text: plain (-AsPlainText) or in the form ConvertTo-SecureString reads.",
        description: """
            Without -AsPlainText the result is the standard form without a key (hexadecimal UTF-16 text), \
            which ConvertTo-SecureString turns back into the secure string. On Linux there is no per-user \
            protection store: treat that text as a secret. Keys (-Key, -SecureKey) are not supported.
            """,
        outputTypes: ["System.String"],
        examples: [
            HelpExample("ConvertFrom-SecureString $password -AsPlainText", "Shows the secret."),
            HelpExample("$password | ConvertFrom-SecureString | Set-Content ./secret.txt", "Saves it for ConvertTo-SecureString."),
        ],
        parameters: [
            Parameter("SecureString", \.secureString, position: 0, mandatory: true, pipeline: .byValue, help: "The secure string to convert."),
            .switchParameter("AsPlainText", \.asPlainText, help: "Writes the secret itself."),
            Parameter("Key", \.key, help: "Not supported: an AES key for the encrypted form."),
            Parameter("SecureKey", \.secureKey, help: "Not supported: a secure string used as the key for the encrypted form."),
        ])

    var secureString: PSValue = .null
    var asPlainText = false
    var key: PSValue = .null
    var secureKey: PSValue = .null

    func process(_ context: CommandContext) throws {
        guard case .object(let object) = secureString.baseValue, let secret = object as? SecureStringValue else {
            try context.writeError(ErrorRecord(
                "Cannot bind parameter 'SecureString': the value is not a System.Security.SecureString. Make one with ConvertTo-SecureString or Read-Host -AsSecureString.",
                id: "CannotConvertArgumentNoMessage", category: .InvalidArgument,
                exceptionType: "System.Management.Automation.ParameterBindingException", target: secureString))
            return
        }
        if !key.isNull || !secureKey.isNull {
            try context.writeError(SecureStringText.keysNotSupported(target: secureString))
            return
        }
        try context.write(.string(asPlainText ? secret.plainText : SecureStringText.encode(secret.plainText)))
    }
}

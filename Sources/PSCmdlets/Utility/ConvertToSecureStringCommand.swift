import Foundation
import PSRuntime

/// ConvertTo-SecureString: plain text (-AsPlainText) or the standard encrypted form that
/// ConvertFrom-SecureString writes, as a SecureString.
final class ConvertToSecureStringCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ConvertToSecureStringCommand.self, name: "ConvertTo-SecureString",
        synopsis: "Makes a SecureString from plain text or from the text ConvertFrom-SecureString wrote.",
        description: """
            With -AsPlainText the string itself becomes the secure string. Without it, the string must be \
            the standard form ConvertFrom-SecureString writes without a key (hexadecimal UTF-16 text; on \
            Linux there is no per-user protection store, so that form only hides the text from casual \
            eyes). Keys (-Key, -SecureKey) are not supported.
            """,
        outputTypes: [SecureStringValue.typeName],
        examples: [
            HelpExample("$password = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force", "A secure string from literal text."),
            HelpExample("$saved = Get-Content ./secret.txt | ConvertTo-SecureString", "Reads back what ConvertFrom-SecureString saved."),
        ],
        parameters: [
            Parameter("String", \.string, position: 0, mandatory: true, pipeline: .byValue, help: "The text to convert."),
            .switchParameter("AsPlainText", \.asPlainText, help: "Takes the string as the secret itself."),
            .switchParameter("Force", \.force, help: "Accepted for compatibility: -AsPlainText needs no confirmation here."),
            Parameter("Key", \.key, help: "Not supported: an AES key for the encrypted form."),
            Parameter("SecureKey", \.secureKey, help: "Not supported: a secure string used as the key for the encrypted form."),
        ])

    var string = ""
    var asPlainText = false
    var force = false
    var key: PSValue = .null
    var secureKey: PSValue = .null

    func process(_ context: CommandContext) throws {
        if !key.isNull || !secureKey.isNull {
            try context.writeError(SecureStringText.keysNotSupported(target: .string(string)))
            return
        }
        if asPlainText {
            try context.write(.object(SecureStringValue(string)))
            return
        }
        guard let text = SecureStringText.decode(string) else {
            try context.writeError(ErrorRecord(
                "The input is not the text ConvertFrom-SecureString writes; give -AsPlainText to take it as the secret itself.",
                id: "ImportSecureString", category: .InvalidArgument, exceptionType: "System.FormatException", target: .string(string)))
            return
        }
        try context.write(.object(SecureStringValue(text)))
    }
}

/// The standard text form of a secure string without a key: its UTF-16LE bytes in hexadecimal.
enum SecureStringText {
    static func encode(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf16.count * 4)
        for unit in text.utf16 {
            for byte in [UInt8(unit & 0xFF), UInt8(unit >> 8)] {
                result += String(byte, radix: 16).leftPadded(to: 2)
            }
        }
        return result
    }

    static func decode(_ hex: String) -> String? {
        let digits = Array(hex.utf8)
        guard digits.count % 4 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(digits.count / 4)
        var index = 0
        func byte() -> UInt16? {
            defer { index += 2 }
            return UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16).map(UInt16.init)
        }
        while index < digits.count {
            guard let low = byte(), let high = byte() else { return nil }
            units.append(low | high << 8)
        }
        return String(utf16CodeUnits: units, count: units.count)
    }

    static func keysNotSupported(target: PSValue) -> ErrorRecord {
        ErrorRecord("Encrypting with -Key or -SecureKey is not supported by pcsh; use the form without a key, or -AsPlainText.",
                    id: "KeyNotSupported", category: .NotImplemented, exceptionType: "System.NotSupportedException", target: target)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

import PSRuntime

/// The short text of an error record shown in the output (PowerShell's concise error view):
/// the command that failed, when known, then the message.
enum ErrorRecordText {
    static func concise(_ record: ErrorRecord) -> String {
        if let command = record.invocationInfo.commandName, !command.isEmpty {
            return "\(command): \(record.message)"
        }
        return record.message
    }
}

import PSRuntime

/// Invoke-Command in sessions: the block's text runs in each session with the arguments as
/// `$args`; what comes back is written here as this command's output, errors and streams, each
/// output object marked with the computer it came from (PSComputerName), as pwsh does.
enum RemoteInvocation {
    static func run(_ block: ScriptBlock, arguments: [PSValue], in sessions: [RemoteSession], context: CommandContext) throws {
        for session in sessions {
            let computer = session.computerName
            let sink = RemoteSession.Sink(
                output: { value in
                    if let object = value.asPSObject {
                        object["PSComputerName"] = .string(computer)
                        object["RunspaceId"] = .string(session.welcome.login + "@" + computer)
                    }
                    try context.write(value)
                },
                error: { error in
                    let record = ErrorRecord(error.message, id: error.errorId,
                                             category: ErrorCategory(rawValue: error.category) ?? .NotSpecified,
                                             exceptionType: error.exceptionType, target: error.targetText.map(PSValue.string))
                    record.invocationInfo.commandName = error.commandName
                    try context.writeError(record)
                },
                stream: { text in
                    let message = text.text.hasSuffix("\n") ? String(text.text.dropLast()) : text.text
                    switch text.stream {
                    case "warning": try? context.writeWarning(Self.strip("WARNING: ", message))
                    case "verbose": try? context.writeVerbose(Self.strip("VERBOSE: ", message))
                    case "debug": try? context.writeDebug(Self.strip("DEBUG: ", message))
                    default: try? context.writeInformation(.string(message))
                    }
                },
                host: { text in
                    try? context.writeHost(text.text, newline: text.newline, foreground: text.foreground, background: text.background)
                },
                progress: { context.writeProgress($0) })
            _ = try session.invoke(block.text, arguments: arguments, context: context.session, sink: sink)
        }
    }

    /// The endpoint's host already put the stream's label on the text.
    private static func strip(_ label: String, _ text: String) -> String {
        text.hasPrefix(label) ? String(text.dropFirst(label.count)) : text
    }
}

import PSRuntime

/// Ends the transcript Start-Transcript began.
final class StopTranscriptCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        StopTranscriptCommand.self, name: "Stop-Transcript",
        synopsis: "Stops recording the session into the transcript file.",
        module: "Microsoft.PowerShell.Host",
        outputTypes: ["System.String"],
        examples: [HelpExample("Stop-Transcript", "Closes the transcript file.")],
        parameters: [])

    func process(_ context: CommandContext) throws {
        let session = context.session
        guard let transcript = session.hostWrapper(TranscriptingHostUI.self) else {
            throw context.transcriptError("The transcript cannot be stopped: no transcript is running.",
                                           id: "InvalidOperation", category: .InvalidOperation,
                                           exceptionType: "System.Management.Automation.PSInvalidOperationException")
        }
        transcript.record(TranscriptText.footer())
        transcript.close()
        session.removeHostWrapper(transcript)
        try context.write(.string("Transcript stopped, output file is \(transcript.path)"))
    }
}

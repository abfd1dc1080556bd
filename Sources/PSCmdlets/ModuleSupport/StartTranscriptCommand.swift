import Foundation
import PSRuntime

/// Starts recording the session's host output in a file.
final class StartTranscriptCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        StartTranscriptCommand.self, name: "Start-Transcript",
        synopsis: "Starts copying everything the shell shows (output, errors, warnings) into a text file.",
        description: "Without -Path the file goes to the Transcripts folder of the pcsh data folder ($PCSH_HOME, or ~/.local/share/pcsh). Stop-Transcript ends the recording.",
        module: "Microsoft.PowerShell.Host", supportsShouldProcess: true,
        outputTypes: ["System.String"],
        examples: [
            HelpExample("Start-Transcript -Path ./session.log -Append", "Adds this session's text to session.log."),
        ],
        parameters: [
            Parameter("Path", \.path, position: 0, files: .writes, help: "The transcript file."),
            Parameter("LiteralPath", \.literalPath, aliases: ["PSPath", "LP"], files: .writes, help: "The transcript file, without wildcards."),
            .switchParameter("Append", \.append, help: "Adds to the end of an existing file instead of replacing it."),
            .switchParameter("NoClobber", \.noClobber, aliases: ["NoOverwrite"], help: "Refuses to replace an existing file."),
            .switchParameter("Force", \.force, help: "Accepted for compatibility."),
            .switchParameter("IncludeInvocationHeader", \.includeInvocationHeader, help: "Accepted for compatibility."),
        ])

    var path: String?
    var literalPath: String?
    var append = false
    var noClobber = false
    var force = false
    var includeInvocationHeader = false

    func process(_ context: CommandContext) throws {
        let session = context.session
        let target = (literalPath ?? path).map { session.resolvePath($0) } ?? defaultPath()
        do {
            try context.authorizeFile(target, .writes)
        } catch let error as RuntimeError where literalPath == nil && path == nil && error.record.category == .PermissionDenied {
            // The default file is in the user's home folder; say how to choose another.
            let record = ErrorRecord(error.record.message + " Without -Path the transcript goes to the home folder ('\(target)'); pass -Path with a file inside a folder this session may write.",
                                     id: error.record.errorId, category: .PermissionDenied,
                                     exceptionType: "System.UnauthorizedAccessException", target: .string(target))
            throw RuntimeError(record)
        }
        if noClobber, !append, FileManager.default.fileExists(atPath: target) {
            throw context.transcriptError("The transcript file '\(target)' already exists and -NoClobber was given.",
                                           id: "NoClobber", category: .ResourceExists, target: .string(target),
                                           exceptionType: "System.IO.IOException")
        }
        guard try context.shouldProcess(target: target, action: "Start-Transcript") else { return }
        if let running = session.hostWrapper(TranscriptingHostUI.self) {
            // A second transcript ends the first, as pwsh does.
            running.record(TranscriptText.footer())
            running.close()
            session.removeHostWrapper(running)
        }
        let folder = (target as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let transcript: TranscriptingHostUI
        do {
            transcript = try TranscriptingHostUI(inner: session.host, path: target, append: append)
        } catch {
            throw context.transcriptError("The transcript file '\(target)' cannot be opened for writing.",
                                           id: "CannotStartTranscription", category: .InvalidOperation,
                                           target: .string(target), exceptionType: "System.InvalidOperationException")
        }
        transcript.record(TranscriptText.header())
        session.host = transcript
        try context.write(.string("Transcript started, output file is \(target)"))
    }

    /// `$HOME/PowerShell_transcript.<machine>.<random>.<timestamp>.txt`, as pwsh on Linux names it.
    private func defaultPath() -> String {
        let machine = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost"
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let random = String((0..<8).map { _ in letters.randomElement() ?? "x" })
        return NSHomeDirectory() + "/PowerShell_transcript.\(machine).\(random).\(TranscriptText.timestamp()).txt"
    }
}

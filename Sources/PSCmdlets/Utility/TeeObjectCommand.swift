import Foundation
import PSRuntime

/// Passes objects on while also saving them to a file or a variable.
final class TeeObjectCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        TeeObjectCommand.self, name: "Tee-Object",
        synopsis: "Saves pipeline objects to a file or variable and also passes them on.",
        description: "With -FilePath the objects are written to the file as the console would show them; with -Variable they are stored in a variable. Either way every object continues down the pipeline.",
        defaultParameterSet: "File",
        outputTypes: ["System.Management.Automation.PSObject"],
        examples: [HelpExample("Get-Process | Tee-Object -FilePath procs.txt | Sort-Object CPU", "Saves the list and sorts it."),
                   HelpExample("1..3 | Tee-Object -Variable numbers", "Writes 1, 2, 3 and keeps them in $numbers.")],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The object to save and pass on."),
            Parameter("FilePath", \.filePath, position: 0, mandatory: true, sets: ["File"], aliases: ["Path"],
                      files: .writes, help: "The file to write."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralFile"], aliases: ["PSPath", "LP"],
                      files: .writes, help: "The file to write, taken literally."),
            .switchParameter("Append", \.append, sets: ["File", "LiteralFile"], help: "Adds to the end of the file."),
            Parameter("Encoding", \.encoding, sets: ["File", "LiteralFile"], help: "The text encoding of the file.",
                      defaultValue: "utf8NoBOM"),
            Parameter("Variable", \.variable, mandatory: true, sets: ["Variable"], help: "The variable to store the objects in."),
        ])

    var inputObject: PSValue = .null
    var filePath = ""
    var literalPath = ""
    var append = false
    var encoding: String?
    var variable = ""

    private var collected: [PSValue] = []
    private var path = ""

    /// Opens (creates or truncates) the file first, so a bad path fails before anything is passed on.
    func begin(_ context: CommandContext) throws {
        guard context.parameterSetName != "Variable" else { return }
        path = context.session.resolvePath(context.parameterSetName == "LiteralFile" ? literalPath : filePath)
        try context.authorizeFile(path, .writes)
        if append && FileManager.default.fileExists(atPath: path) { return }
        do {
            try Data().write(to: URL(fileURLWithPath: path))
        } catch {
            throw fileError(error, context)
        }
    }

    func process(_ context: CommandContext) throws {
        guard context.hasInputObject else { return }
        collected.append(inputObject)
        try context.write(inputObject)
    }

    func end(_ context: CommandContext) throws {
        if context.parameterSetName == "Variable" {
            try context.session.setVariable(variable, collected.count == 1 ? collected[0] : .array(collected))
            return
        }
        let session = context.session
        var text = session.formatter?.format(collected, context: session, width: session.host.terminalWidth)
            ?? collected.map { LanguagePrimitives.toString($0, context: session) + "\n" }.joined()
        if collected.isEmpty { text = "" }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw fileError(error, context)
        }
    }

    private func fileError(_ error: any Error, _ context: CommandContext) -> RuntimeError {
        let parent = (path as NSString).deletingLastPathComponent
        let missingFolder = !FileManager.default.fileExists(atPath: parent)
        return context.terminatingError(missingFolder ? "Could not find a part of the path '\(path)'." : "Cannot write to '\(path)': \(error.localizedDescription)",
                                        id: "FileOpenFailure", category: .OpenError, target: .string(path),
                                        exceptionType: missingFolder ? "System.IO.DirectoryNotFoundException" : "System.IO.IOException")
    }
}

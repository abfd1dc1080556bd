import Foundation
import PSRuntime

/// Empties files without deleting them.
final class ClearContentCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ClearContentCommand.self, name: "Clear-Content", aliases: ["clc"],
        synopsis: "Empties files, keeping the files themselves.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path", supportsShouldProcess: true,
        examples: [HelpExample("Clear-Content ./log.txt", "Leaves log.txt empty.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: .byPropertyName,
                      files: .writes, help: "The files to empty; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .writes, help: "The files to empty, taken exactly as written."),
            .switchParameter("Force", \.force, help: "Lets wildcards match hidden files."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var force = false

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        for file in try FileSystemPaths.resolveExisting(literal ? literalPath : path, literal: literal, context: context, use: .writes,
                                                        includeHidden: force) {
            if FileSystemPaths.isDirectory(file) {
                try context.writeError("Cannot clear '\(file)' because it is a directory.", id: "ClearContentUnauthorizedAccessError",
                                       category: .PermissionDenied, target: .string(file),
                                       exceptionType: "System.UnauthorizedAccessException")
                continue
            }
            guard try context.shouldProcess(target: "Item: \(file)", action: "Clear Content") else { continue }
            if truncate(file, 0) != 0 {
                try context.writeError("Cannot clear '\(file)': \(String(cString: strerror(errno))).",
                                       id: "ClearContentIOError", category: .WriteError, target: .string(file),
                                       exceptionType: "System.IO.IOException")
            }
        }
    }
}

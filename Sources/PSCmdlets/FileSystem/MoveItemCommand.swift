import Foundation
import PSRuntime

/// Moves files and directories.
final class MoveItemCommand: ItemTransferCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        MoveItemCommand.self, name: "Move-Item", aliases: ["move", "mi"],
        synopsis: "Moves files and directories to another place (or renames them).",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path", supportsShouldProcess: true,
        examples: [HelpExample("Move-Item ./a.txt ./archive/", "Moves a file into a directory."),
                   HelpExample("Move-Item ./draft.txt ./final.txt -Force", "Renames a file, replacing final.txt.")],
        parameters: transferParameters(verb: "move", forceHelp: "Replaces an existing file at the destination.",
                                       passThruHelp: "Writes the moved items to the pipeline."))


    func process(_ context: CommandContext) throws {
        for (source, target) in try transferPairs(context) {
            try move(source, to: target, context: context)
        }
    }

    private func move(_ source: String, to target: String, context: CommandContext) throws {
        let isDirectory = FileSystemPaths.isDirectory(source)
        let errorId = isDirectory ? "MoveDirectoryItemIOError" : "MoveFileInfoItemIOError"
        if target == source { return }
        if target.hasPrefix(source + "/") {
            try context.writeError("Cannot move '\(source)' into itself.", id: errorId, category: .WriteError,
                                   target: .string(source), exceptionType: "System.IO.IOException")
            return
        }
        if FileSystemPaths.exists(target) && (isDirectory || !force) {
            try context.writeError("Cannot move '\(source)' to '\(target)' because an item with that name already exists.",
                                   id: errorId, category: .WriteError, target: .string(source),
                                   exceptionType: "System.IO.IOException")
            return
        }
        guard try context.shouldProcess(target: "Item: \(source) Destination: \(target)",
                                        action: isDirectory ? "Move Directory" : "Move File") else { return }
        do {
            if FileSystemPaths.exists(target) { try FileManager.default.removeItem(atPath: target) }
            try FileManager.default.moveItem(atPath: source, toPath: target)
        } catch {
            try context.writeError("Cannot move '\(source)' to '\(target)': \(TextFiles.reason(error)).", id: errorId,
                                   category: .WriteError, target: .string(source), exceptionType: "System.IO.IOException")
            return
        }
        if passThru, let item = FileSystemItem.make(target, session: context.session) { try context.write(.object(item)) }
    }
}

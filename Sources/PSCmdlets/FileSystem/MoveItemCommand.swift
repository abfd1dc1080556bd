import Foundation
import PSRuntime

/// Moves files and directories.
final class MoveItemCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        MoveItemCommand.self, name: "Move-Item", aliases: ["move", "mi"],
        synopsis: "Moves files and directories to another place (or renames them).",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path", supportsShouldProcess: true,
        examples: [HelpExample("Move-Item ./a.txt ./archive/", "Moves a file into a directory."),
                   HelpExample("Move-Item ./draft.txt ./final.txt -Force", "Renames a file, replacing final.txt.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: [.byValue, .byPropertyName],
                      help: "The items to move; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], help: "The items to move, taken exactly as written."),
            Parameter("Destination", \.destination, position: 1, pipeline: .byPropertyName,
                      help: "Where to move to: a new name, or an existing directory to move into (the current directory by default)."),
            .switchParameter("Force", \.force, help: "Replaces an existing file at the destination."),
            .switchParameter("PassThru", \.passThru, help: "Writes the moved items to the pipeline."),
            Parameter("Filter", \.filter, help: "A wildcard the item names must match."),
            Parameter("Include", \.include, help: "Wildcards; only items whose names match one are moved."),
            Parameter("Exclude", \.exclude, help: "Wildcards; items whose names match one are not moved."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var destination: String?
    var force = false
    var passThru = false
    var filter: String?
    var include: [String] = []
    var exclude: [String] = []

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        for (source, target) in try ItemTransferPlan.pairs(
            paths: literal ? literalPath : path, literal: literal, destination: destination, includeHidden: force,
            filter: ItemNameFilter(filter: filter, include: include, exclude: exclude), context: context) {
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

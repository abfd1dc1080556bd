import Foundation
import PSRuntime

/// Deletes files and directories.
final class RemoveItemCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveItemCommand.self, name: "Remove-Item", aliases: ["del", "erase", "rd", "ri"],
        synopsis: "Deletes files and directories.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path", supportsShouldProcess: true,
        examples: [HelpExample("Remove-Item ./old.txt", "Deletes one file."),
                   HelpExample("Remove-Item ./build -Recurse", "Deletes a directory and everything in it."),
                   HelpExample("Remove-Item ./*.tmp -WhatIf", "Shows which files would be deleted.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: .byPropertyName,
                      files: .deletes, help: "The items to delete; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .deletes, help: "The items to delete, taken exactly as written."),
            Parameter("Filter", \.filter, help: "A wildcard the item names must match."),
            Parameter("Include", \.include, help: "Wildcards; only items whose names match one are deleted."),
            Parameter("Exclude", \.exclude, help: "Wildcards; items whose names match one are kept."),
            .switchParameter("Recurse", \.recurse, aliases: ["r"], help: "Deletes directories with their contents."),
            .switchParameter("Force", \.force, help: "Also deletes hidden and read-only items."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var filter: String?
    var include: [String] = []
    var exclude: [String] = []
    /// Built once: it turns the wildcards into patterns.
    private lazy var nameFilter = ItemNameFilter(filter: filter, include: include, exclude: exclude)
    var recurse = false
    var force = false

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        let items = try FileSystemPaths.resolveExisting(literal ? literalPath : path, literal: literal, context: context, use: .deletes,
                                                        includeHidden: force)
        for item in items where selected(item) {
            try remove(item, context: context)
        }
    }

    private func selected(_ item: String) -> Bool {
        nameFilter.accepts(FileSystemPaths.leaf(of: item))
    }

    private func remove(_ item: String, context: CommandContext) throws {
        let status = FileSystemItem.Status(item)
        // A link is removed itself, never what it points to.
        let isDirectory = (status?.isDirectory ?? false) && !(status?.isSymbolicLink ?? false)
        if isDirectory {
            let hasChildren = !((try? FileManager.default.contentsOfDirectory(atPath: item))?.isEmpty ?? true)
            if hasChildren && !recurse {
                try context.writeError("Cannot remove '\(item)' because the directory is not empty; add -Recurse to remove it with its contents.",
                                       id: "DirectoryNotEmpty", category: .WriteError, target: .string(item),
                                       exceptionType: "System.IO.IOException")
                return
            }
        }
        if item == "/" || item == context.session.location || context.session.location.hasPrefix(item + "/") {
            try context.writeError("Cannot remove '\(item)' because it is the current directory or one of its parents.",
                                   id: "InvalidOperation", category: .InvalidOperation, target: .string(item),
                                   exceptionType: "System.Management.Automation.PSInvalidOperationException")
            return
        }
        guard try context.shouldProcess(target: item, action: isDirectory ? "Remove Directory" : "Remove File") else { return }
        if !force && access(item, W_OK) != 0 && !(status?.isSymbolicLink ?? false) && !isDirectory {
            try context.writeError("Cannot remove '\(item)' because it is read-only; add -Force to remove it anyway.",
                                   id: "RemoveFileSystemItemUnAuthorizedAccess", category: .PermissionDenied,
                                   target: .string(item), exceptionType: "System.UnauthorizedAccessException")
            return
        }
        do {
            try FileManager.default.removeItem(atPath: item)
        } catch {
            try context.writeError("Cannot remove '\(item)': \(TextFiles.reason(error)).",
                                   id: isDirectory ? "RemoveFileSystemItemIOError" : "RemoveFileSystemItemIOError",
                                   category: .WriteError, target: .string(item), exceptionType: "System.IO.IOException")
        }
    }
}

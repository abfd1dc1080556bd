import Foundation
import PSRuntime

/// Copies files and directories.
final class CopyItemCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        CopyItemCommand.self, name: "Copy-Item", aliases: ["copy", "cpi"],
        synopsis: "Copies files and directories to another place.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path", supportsShouldProcess: true,
        examples: [HelpExample("Copy-Item ./a.txt ./b.txt", "Copies a file."),
                   HelpExample("Copy-Item ./src ./backup -Recurse", "Copies a directory with its contents.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: [.byValue, .byPropertyName],
                      help: "The items to copy; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], help: "The items to copy, taken exactly as written."),
            Parameter("Destination", \.destination, position: 1, pipeline: .byPropertyName,
                      help: "Where to copy to: a new name, or an existing directory to copy into (the current directory by default)."),
            .switchParameter("Recurse", \.recurse, help: "Copies directories with their contents."),
            .switchParameter("Force", \.force, help: "Overwrites read-only files and lets wildcards match hidden items."),
            .switchParameter("PassThru", \.passThru, help: "Writes the copies to the pipeline."),
            Parameter("Filter", \.filter, help: "A wildcard the item names must match."),
            Parameter("Include", \.include, help: "Wildcards; only items whose names match one are copied."),
            Parameter("Exclude", \.exclude, help: "Wildcards; items whose names match one are not copied."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var destination: String?
    var recurse = false
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
            if target == source || target.hasPrefix(source + "/") {
                try context.writeError("Cannot copy '\(source)' onto itself or into itself.", id: "CopyError",
                                       category: .WriteError, target: .string(source), exceptionType: "System.IO.IOException")
                continue
            }
            try copy(source, to: target, context: context)
        }
    }

    private func copy(_ source: String, to target: String, context: CommandContext) throws {
        let isDirectory = FileSystemPaths.isDirectory(source)
        guard try context.shouldProcess(target: "Item: \(source) Destination: \(target)",
                                        action: isDirectory ? "Copy Directory" : "Copy File") else { return }
        let fm = FileManager.default
        do {
            if isDirectory {
                if !FileSystemPaths.isDirectory(target) { try fm.createDirectory(atPath: target, withIntermediateDirectories: false) }
                if recurse {
                    for name in FileSystemPaths.children(of: source, includeHidden: true) {
                        try copyTree(FileSystemPaths.join(source, name), to: FileSystemPaths.join(target, name))
                    }
                }
            } else {
                if FileSystemPaths.exists(target) {
                    if access(target, W_OK) != 0 && !force {
                        try context.writeError("Cannot overwrite '\(target)' because it is read-only; add -Force to overwrite it.",
                                               id: "CopyFileInfoItemUnauthorizedAccessError", category: .PermissionDenied,
                                               target: .string(target), exceptionType: "System.UnauthorizedAccessException")
                        return
                    }
                    try fm.removeItem(atPath: target)
                }
                try fm.copyItem(atPath: source, toPath: target)
            }
        } catch {
            try context.writeError("Cannot copy '\(source)' to '\(target)': \(TextFiles.reason(error)).",
                                   id: isDirectory ? "CopyDirectoryInfoItemIOError" : "CopyFileInfoItemIOError",
                                   category: .WriteError, target: .string(source), exceptionType: "System.IO.IOException")
            return
        }
        if passThru, let item = FileSystemItem.make(target, session: context.session) { try context.write(.object(item)) }
    }

    /// Copies one entry below a copied directory, merging into directories that already exist.
    private func copyTree(_ source: String, to target: String) throws {
        let fm = FileManager.default
        if FileSystemPaths.isDirectory(source) && !(FileSystemItem.Status(source)?.isSymbolicLink ?? false) {
            if !FileSystemPaths.isDirectory(target) { try fm.createDirectory(atPath: target, withIntermediateDirectories: false) }
            for name in FileSystemPaths.children(of: source, includeHidden: true) {
                try copyTree(FileSystemPaths.join(source, name), to: FileSystemPaths.join(target, name))
            }
        } else {
            if FileSystemPaths.exists(target) { try fm.removeItem(atPath: target) }
            try fm.copyItem(atPath: source, toPath: target)
        }
    }
}

import Foundation
import PSRuntime

/// Copies files and directories.
final class CopyItemCommand: ItemTransferCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        CopyItemCommand.self, name: "Copy-Item", aliases: ["copy", "cpi"],
        synopsis: "Copies files and directories to another place.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path", supportsShouldProcess: true,
        examples: [HelpExample("Copy-Item ./a.txt ./b.txt", "Copies a file."),
                   HelpExample("Copy-Item ./src ./backup -Recurse", "Copies a directory with its contents.")],
        parameters: transferParameters(verb: "copy", forceHelp: "Overwrites read-only files and lets wildcards match hidden items.",
                                       passThruHelp: "Writes the copies to the pipeline.") + [
            .switchParameter("Recurse", \.recurse, help: "Copies directories with their contents."),
        ])

    var recurse = false

    override class var sourceUse: FileUse { .reads }

    func process(_ context: CommandContext) throws {
        for (source, target) in try transferPairs(context) {
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
                        try copyTree(FileSystemPaths.join(source, name), to: FileSystemPaths.join(target, name), context: context)
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
    private func copyTree(_ source: String, to target: String, context: CommandContext) throws {
        // Each entry is checked: a link below the copied folder may lead anywhere.
        try context.authorizeFile(source, .reads)
        try context.authorizeFile(target, .writes)
        let fm = FileManager.default
        if FileSystemPaths.isDirectory(source) && !(FileSystemItem.Status(source)?.isSymbolicLink ?? false) {
            if !FileSystemPaths.isDirectory(target) { try fm.createDirectory(atPath: target, withIntermediateDirectories: false) }
            for name in FileSystemPaths.children(of: source, includeHidden: true) {
                try copyTree(FileSystemPaths.join(source, name), to: FileSystemPaths.join(target, name), context: context)
            }
        } else {
            if FileSystemPaths.exists(target) { try fm.removeItem(atPath: target) }
            try fm.copyItem(atPath: source, toPath: target)
        }
    }
}

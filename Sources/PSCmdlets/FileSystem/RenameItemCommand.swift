import Foundation
import PSRuntime

/// Renames a file or directory in place.
final class RenameItemCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RenameItemCommand.self, name: "Rename-Item", aliases: ["ren", "rni"],
        synopsis: "Gives a file or directory a new name in the same directory.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "ByPath", supportsShouldProcess: true,
        examples: [HelpExample("Rename-Item ./draft.txt final.txt", "Renames draft.txt to final.txt.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["ByPath"], pipeline: [.byValue, .byPropertyName],
                      files: .deletes, help: "The item to rename."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["ByLiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .deletes, help: "The item to rename, taken exactly as written."),
            Parameter("NewName", \.newName, position: 1, mandatory: true, pipeline: .byPropertyName,
                      help: "The new name (a name only, not a path)."),
            .switchParameter("Force", \.force, help: "Renames hidden and read-only items too."),
            .switchParameter("PassThru", \.passThru, help: "Writes the renamed item to the pipeline."),
        ])

    var path = ""
    var literalPath = ""
    var newName = ""
    var force = false
    var passThru = false

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        let found = try FileSystemPaths.resolveExisting([literal ? literalPath : path], literal: literal, context: context, use: .deletes,
                                                        includeHidden: true)
        guard let source = found.first else { return }
        var name = newName
        if name.hasPrefix("./") { name.removeFirst(2) }
        let parent = FileSystemPaths.parent(of: source) ?? "/"
        if name.contains("/") {
            let full = FileSystemPaths.absolute(name, context.session)
            guard FileSystemPaths.parent(of: full) == parent else {
                try context.writeError("Cannot rename '\(source)' to '\(newName)': the new name must not move the item to another directory.",
                                       id: "Argument", category: .InvalidArgument, target: .string(source),
                                       exceptionType: "System.Management.Automation.PSArgumentException")
                return
            }
            name = FileSystemPaths.leaf(of: full)
        }
        let target = FileSystemPaths.join(parent, name)
        try context.authorizeFile(target, .writes)
        let isDirectory = FileSystemPaths.isDirectory(source)
        if FileSystemPaths.exists(target) && target != source {
            try context.writeError("Cannot rename '\(source)' because an item named '\(target)' already exists.",
                                   id: "RenameItemIOError", category: .WriteError, target: .string(source),
                                   exceptionType: "System.IO.IOException")
            return
        }
        guard try context.shouldProcess(target: "Item: \(source) Destination: \(target)",
                                        action: isDirectory ? "Rename Directory" : "Rename File") else { return }
        if rename(source, target) != 0 {
            try context.writeError("Cannot rename '\(source)': \(String(cString: strerror(errno))).", id: "RenameItemIOError",
                                   category: .WriteError, target: .string(source), exceptionType: "System.IO.IOException")
            return
        }
        if passThru, let item = FileSystemItem.make(target, session: context.session) { try context.write(.object(item)) }
    }
}

import Foundation
import PSRuntime

/// Creates files, directories and links.
final class NewItemCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewItemCommand.self, name: "New-Item", aliases: ["ni"],
        synopsis: "Creates a file, a directory or a symbolic link.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "pathSet", supportsShouldProcess: true,
        outputTypes: ["System.IO.FileInfo", "System.IO.DirectoryInfo"],
        examples: [HelpExample("New-Item ./notes.txt", "Creates an empty file."),
                   HelpExample("New-Item -ItemType Directory ./build/out", "Creates a directory and any missing parents."),
                   HelpExample("New-Item ./greeting.txt -Value 'hello' -Force", "Creates or overwrites a file with text.")],
        parameters: [
            // Mandatory in pwsh's pathSet only; checked in process so that one declaration serves both sets.
            Parameter("Path", \.path, position: 0, pipeline: .byPropertyName,
                      files: .writes, help: "Where to create the items; with -Name, the directory to create it in."),
            Parameter("Name", \.name, mandatory: true, sets: ["nameSet"], pipeline: .byPropertyName,
                      help: "The name of the new item, created in -Path."),
            Parameter("ItemType", \.itemType, pipeline: .byPropertyName, aliases: ["Type"],
                      validate: [.set(["File", "Directory", "SymbolicLink", "Junction", "HardLink"], ignoreCase: true)],
                      help: "File (the default), Directory, SymbolicLink or HardLink."),
            Parameter("Value", \.value, pipeline: [.byValue, .byPropertyName], aliases: ["Target"], files: .linkTarget,
                      help: "The text of a new file, or the target of a link."),
            .switchParameter("Force", \.force, help: "Creates missing parent directories and overwrites an existing file."),
        ])

    var path: [String] = []
    var name: String?
    var itemType: String?
    var value: PSValue?
    var force = false

    func process(_ context: CommandContext) throws {
        let session = context.session
        if path.isEmpty && name == nil {
            throw context.terminatingError("Cannot process command because of one or more missing mandatory parameters: Path.",
                                           id: "MissingMandatoryParameter", category: .InvalidArgument,
                                           exceptionType: "System.Management.Automation.ParameterBindingException")
        }
        let bases = path.isEmpty ? [session.location] : path
        for base in bases {
            var full = FileSystemPaths.absolute(WildcardPattern.unescape(base), session)
            if let name, !name.isEmpty { full = FileSystemPaths.absolute(JoinPathCommand.join(full, name), session) }
            // The item as it will be made: -Name joined, escapes removed, links resolved by the check.
            try context.authorizeFile(full, .writes)
            switch (itemType ?? "File").lowercased() {
            case "directory", "container": try createDirectory(full, context: context)
            case "symboliclink", "junction", "hardlink": try createLink(full, hard: itemType?.lowercased() == "hardlink", context: context)
            default: try createFile(full, context: context)
            }
        }
    }

    private func createFile(_ full: String, context: CommandContext) throws {
        if FileSystemPaths.isDirectory(full) {
            try context.writeError("An item with the specified name \(full) already exists.", id: "DirectoryExist",
                                   category: .ResourceExists, target: .string(full), exceptionType: "System.IO.IOException")
            return
        }
        if FileSystemPaths.exists(full) && !force {
            try context.writeError("The file '\(full)' already exists.", id: "NewItemIOError", category: .WriteError,
                                   target: .string(full), exceptionType: "System.IO.IOException")
            return
        }
        guard try context.shouldProcess(target: "Destination: \(full)", action: "Create File") else { return }
        if force, let parent = FileSystemPaths.parent(of: full) {
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        guard let parent = FileSystemPaths.parent(of: full), FileSystemPaths.isDirectory(parent) else {
            try context.writeError("Cannot find a part of the path '\(full)'.", id: "NewItemIOError", category: .WriteError,
                                   target: .string(full), exceptionType: "System.IO.DirectoryNotFoundException")
            return
        }
        let text = value.map { LanguagePrimitives.toString($0, context: context.session) } ?? ""
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        } catch {
            try context.writeError("Cannot create '\(full)': \(TextFiles.reason(error)).", id: "NewItemIOError",
                                   category: .WriteError, target: .string(full), exceptionType: "System.IO.IOException")
            return
        }
        try emit(full, context)
    }

    private func createDirectory(_ full: String, context: CommandContext) throws {
        if FileSystemPaths.exists(full) {
            if force && FileSystemPaths.isDirectory(full) {
                try emit(full, context)
            } else {
                try context.writeError("An item with the specified name \(full) already exists.", id: "DirectoryExist",
                                       category: .ResourceExists, target: .string(full), exceptionType: "System.IO.IOException")
            }
            return
        }
        guard try context.shouldProcess(target: "Destination: \(full)", action: "Create Directory") else { return }
        do {
            try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        } catch {
            try context.writeError("Cannot create '\(full)': \(TextFiles.reason(error)).", id: "CreateDirectoryIOError",
                                   category: .WriteError, target: .string(full), exceptionType: "System.IO.IOException")
            return
        }
        try emit(full, context)
    }

    private func createLink(_ full: String, hard: Bool, context: CommandContext) throws {
        guard let value, !value.isNull else {
            throw context.terminatingError("A link needs a target: give it with -Value.", id: "ArgumentNull",
                                           category: .InvalidArgument, exceptionType: "System.ArgumentNullException")
        }
        let target = LanguagePrimitives.toString(value, context: context.session)
        // A symbolic link's relative target is read from the link's folder, a hard link's from
        // the current location: check what each will point at.
        let pointsAt = hard || target.hasPrefix("/") ? FileSystemPaths.absolute(target, context.session)
            : FileSystemPaths.join(FileSystemPaths.parent(of: full) ?? "/", target)
        try context.authorizeFile(pointsAt, .linkTarget)
        if FileSystemPaths.exists(full) {
            if force {
                try? FileManager.default.removeItem(atPath: full)
            } else {
                try context.writeError("An item with the specified name \(full) already exists.", id: "SymLinkExists",
                                       category: .ResourceExists, target: .string(full), exceptionType: "System.IO.IOException")
                return
            }
        }
        guard try context.shouldProcess(target: "Destination: \(full)", action: hard ? "Create Hard Link" : "Create Symbolic Link") else { return }
        let result = hard ? link(FileSystemPaths.absolute(target, context.session), full) : symlink(target, full)
        if result != 0 {
            try context.writeError("Cannot create the link '\(full)': \(String(cString: strerror(errno))).",
                                   id: "NewItemIOError", category: .WriteError, target: .string(full),
                                   exceptionType: "System.IO.IOException")
            return
        }
        try emit(full, context)
    }

    private func emit(_ full: String, _ context: CommandContext) throws {
        if let item = FileSystemItem.make(full, session: context.session) { try context.write(.object(item)) }
    }
}

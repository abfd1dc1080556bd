import Foundation
import PSRuntime
import ZIPFoundation

/// Unpacks a zip archive into a folder.
final class ExpandArchiveCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ExpandArchiveCommand.self, name: "Expand-Archive",
        synopsis: "Unpacks the files and folders of a zip archive into a folder.",
        module: ArchiveSupport.moduleName, defaultParameterSet: "Path", supportsShouldProcess: true,
        outputTypes: ["System.IO.FileSystemInfo"],
        examples: [HelpExample("Expand-Archive ./logs.zip", "Unpacks into a new folder ./logs."),
                   HelpExample("Expand-Archive ./logs.zip -DestinationPath /tmp/out -Force", "Unpacks into /tmp/out, overwriting files there.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: [.byValue, .byPropertyName],
                      files: .reads, help: "The archive to unpack; wildcards are allowed when they match one file."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath"], files: .reads, help: "The archive to unpack, taken exactly as written."),
            Parameter("DestinationPath", \.destinationPath, position: 1,
                      files: .writes, help: "The folder to unpack into (by default a folder named after the archive in the current location)."),
            .switchParameter("Force", \.force, help: "Overwrites files that already exist."),
            .switchParameter("PassThru", \.passThru, help: "Writes the unpacked files and folders to the pipeline."),
        ])

    var path = ""
    var literalPath = ""
    var destinationPath: String?
    var force = false
    var passThru = false

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        let archives = try FileSystemPaths.resolveExisting([literal ? literalPath : path], literal: literal, context: context,
                                                           use: .reads, wildcardMissIsError: true)
        for archivePath in archives { try expand(archivePath, context: context) }
    }

    private func expand(_ archivePath: String, context: CommandContext) throws {
        let leaf = FileSystemPaths.leaf(of: archivePath)
        let fileExtension = FileSystemItem.extensionOf(leaf)
        guard fileExtension.equalsIgnoringCase(".zip") else {
            throw context.terminatingError("'\(fileExtension.isEmpty ? leaf : fileExtension)' is not a supported archive type; only .zip files can be expanded.",
                                           id: "NotSupportedArchiveFileExtension", category: .InvalidArgument,
                                           target: .string(archivePath))
        }
        let destination: String
        if let destinationPath {
            destination = try FileSystemPaths.target(destinationPath, literal: true, context: context, use: .writes)
        } else {
            destination = FileSystemPaths.join(context.session.location, String(leaf.dropLast(fileExtension.count)))
            try context.authorizeFile(destination, .writes)
        }
        if FileSystemPaths.exists(destination) && !FileSystemPaths.isDirectory(destination) {
            throw context.terminatingError("Cannot expand into '\(destination)' because it is a file, not a folder.",
                                           id: "DestinationExists", category: .InvalidArgument, target: .string(destination),
                                           exceptionType: "System.IO.IOException")
        }
        guard try context.shouldProcess(target: destination, action: "Expand") else { return }

        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .read)
            if !FileSystemPaths.isDirectory(destination) {
                try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
            }
        } catch {
            throw context.terminatingError("Cannot open the archive '\(archivePath)': \(ArchiveSupport.reason(error)).",
                                           id: "ArchiveFileCorrupt", category: .InvalidData, target: .string(archivePath),
                                           exceptionType: "System.IO.InvalidDataException")
        }
        var written: [String] = []
        for entry in archive {
            try extract(entry, from: archive, archivePath: archivePath, into: destination, written: &written, context: context)
        }
        if passThru {
            for item in written {
                if let object = FileSystemItem.make(item, session: context.session) { try context.write(.object(object)) }
            }
        }
    }

    private func extract(_ entry: Entry, from archive: Archive, archivePath: String, into destination: String,
                         written: inout [String], context: CommandContext) throws {
        guard let target = ArchiveSupport.extractionPath(for: entry.path, in: destination) else {
            try context.writeError("The archive entry '\(entry.path)' in '\(archivePath)' points outside the destination folder '\(destination)'; it was not extracted.",
                                   id: "ExpandArchiveEntryOutsideDestination", category: .SecurityError,
                                   target: .string(entry.path), exceptionType: "System.IO.IOException")
            return
        }
        // A link already in the destination could lead an entry elsewhere: check each one.
        try context.authorizeFile(target, .writes)
        do {
            if entry.type == .directory {
                try makeDirectories(target, written: &written)
                return
            }
            if let parent = FileSystemPaths.parent(of: target) { try makeDirectories(parent, written: &written) }
            if FileSystemPaths.exists(target) {
                guard force, !FileSystemPaths.isDirectory(target) else {
                    try context.writeError("The file '\(target)' already exists; use -Force to overwrite it with the copy from '\(archivePath)'.",
                                           id: "ExpandArchiveFileExists", category: .InvalidOperation,
                                           target: .string(target), exceptionType: "System.IO.IOException")
                    return
                }
                try FileManager.default.removeItem(atPath: target)
            }
            _ = try archive.extract(entry, to: URL(fileURLWithPath: target))
            written.append(target)
        } catch {
            try context.writeError("Cannot extract '\(entry.path)' to '\(target)': \(ArchiveSupport.reason(error)).",
                                   id: "ExpandArchiveEntryFailed", category: .WriteError, target: .string(target),
                                   exceptionType: "System.IO.IOException")
        }
    }

    /// Creates a folder and any missing parents, noting each new one for -PassThru (parents first).
    private func makeDirectories(_ folder: String, written: inout [String]) throws {
        var missing: [String] = []
        var current: String? = folder
        while let path = current, !FileSystemPaths.isDirectory(path) {
            missing.insert(path, at: 0)
            current = FileSystemPaths.parent(of: path)
        }
        for path in missing {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            written.append(path)
        }
    }
}

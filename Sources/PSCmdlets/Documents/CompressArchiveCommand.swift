import Foundation
import PSRuntime
import ZIPFoundation

/// How hard Compress-Archive compresses; zip's deflate has no levels here, so Optimal and Fastest both deflate.
enum ArchiveCompressionLevel: String, ParameterEnum {
    case Optimal, NoCompression, Fastest
    static var parameterTypeName: String { "CompressionLevel" }
}

/// Packs files and folders into a zip archive.
final class CompressArchiveCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        CompressArchiveCommand.self, name: "Compress-Archive",
        synopsis: "Packs files and folders into a zip archive.",
        module: ArchiveSupport.moduleName, defaultParameterSet: "Path", supportsShouldProcess: true,
        outputTypes: ["System.IO.FileInfo"],
        examples: [HelpExample("Compress-Archive -Path ./logs -DestinationPath ./logs.zip", "Packs a folder, keeping its name as the top entry."),
                   HelpExample("Compress-Archive ./*.csv ./data.zip -Update", "Adds or replaces the CSV files in an existing archive.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path", "PathWithForce", "PathWithUpdate"],
                      pipeline: [.byValue, .byPropertyName], files: .reads, help: "The files and folders to pack; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath", "LiteralPathWithForce", "LiteralPathWithUpdate"],
                      pipeline: .byPropertyName, aliases: ["PSPath"], files: .reads, help: "The files and folders to pack, taken exactly as written."),
            Parameter("DestinationPath", \.destinationPath, position: 1, mandatory: true,
                      files: .writes, help: "The archive to write; `.zip` is added when the name has no extension."),
            Parameter("CompressionLevel", \.compressionLevel, help: "Optimal (the default), Fastest or NoCompression."),
            .switchParameter("Update", \.update, sets: ["PathWithUpdate", "LiteralPathWithUpdate"],
                             help: "Adds to an existing archive, replacing entries with the same names."),
            .switchParameter("Force", \.force, sets: ["PathWithForce", "LiteralPathWithForce"],
                             help: "Replaces an existing archive."),
            .switchParameter("PassThru", \.passThru, help: "Writes the archive file to the pipeline."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var destinationPath = ""
    var compressionLevel: ArchiveCompressionLevel = .Optimal
    var update = false
    var force = false
    var passThru = false

    private var sources: [String] = []

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        sources += try FileSystemPaths.resolveExisting(literal ? literalPath : path, literal: literal, context: context,
                                                       use: .reads, wildcardMissIsError: true)
    }

    func end(_ context: CommandContext) throws {
        var destination = try FileSystemPaths.target(destinationPath, literal: true, context: context, use: .writes)
        let fileExtension = FileSystemItem.extensionOf(FileSystemPaths.leaf(of: destination))
        if fileExtension.isEmpty {
            destination += ".zip"
        } else if !fileExtension.equalsIgnoringCase(".zip") {
            throw context.terminatingError("'\(fileExtension)' is not a supported archive type; the archive must be a .zip file.",
                                           id: "NotSupportedArchiveFileExtension", category: .InvalidArgument,
                                           target: .string(fileExtension))
        }
        try context.authorizeFile(destination, .writes)
        if FileSystemPaths.isDirectory(destination) {
            throw context.terminatingError("The destination '\(destination)' is a folder; give the path of an archive file.",
                                           id: "InvalidArchiveFilePath", category: .InvalidArgument, target: .string(destination))
        }
        let exists = FileSystemPaths.exists(destination)
        if exists && !update && !force {
            throw context.terminatingError("The archive '\(destination)' already exists; use -Update to add to it or -Force to replace it.",
                                           id: "ArchiveFileExists", category: .InvalidArgument, target: .string(destination),
                                           exceptionType: "System.IO.IOException")
        }
        guard let parent = FileSystemPaths.parent(of: destination), FileSystemPaths.isDirectory(parent) else {
            throw context.terminatingError("Cannot create '\(destination)' because its folder does not exist.",
                                           id: "ArchiveCmdletPathNotFound", category: .InvalidArgument, target: .string(destination),
                                           exceptionType: "System.IO.DirectoryNotFoundException")
        }
        guard !sources.isEmpty else { return }
        let entries = sources.flatMap { plannedEntries(for: $0, excluding: destination) }
        guard !entries.isEmpty else { return }
        // Like pwsh, the confirmation names the sources (one per line when there are several).
        let target = sources.count == 1 ? sources[0] : "\n" + sources.joined(separator: "\n")
        guard try context.shouldProcess(target: target, action: "Compress-Archive") else { return }

        do {
            if exists && force && !update { try FileManager.default.removeItem(atPath: destination) }
            let archive = try Archive(url: URL(fileURLWithPath: destination), accessMode: update && exists ? .update : .create)
            let method: CompressionMethod = compressionLevel == .NoCompression ? .none : .deflate
            for (name, file) in entries {
                if update, let old = archive[name] { try archive.remove(old) }
                try archive.addEntry(with: name, fileURL: URL(fileURLWithPath: file), compressionMethod: method)
            }
        } catch {
            throw context.terminatingError("Cannot write the archive '\(destination)': \(ArchiveSupport.reason(error)).",
                                           id: "CompressArchiveFailed", category: .WriteError, target: .string(destination),
                                           exceptionType: "System.IO.IOException")
        }
        if passThru, let item = FileSystemItem.make(destination, session: context.session) { try context.write(.object(item)) }
    }

    /// Entry names and source files for one resolved path: a file by its name; a folder under its
    /// own name, with every file below it and an entry for each empty folder.
    private func plannedEntries(for source: String, excluding archivePath: String) -> [(name: String, file: String)] {
        let rootName = FileSystemPaths.leaf(of: source)
        guard FileSystemPaths.isDirectory(source) else {
            return source == archivePath ? [] : [(rootName, source)]
        }
        var result: [(String, String)] = []
        func walk(_ folder: String, _ prefix: String) {
            let names = FileSystemPaths.children(of: folder, includeHidden: true)
            if names.isEmpty { result.append((prefix + "/", folder)); return }
            for name in names {
                let full = FileSystemPaths.join(folder, name)
                if full == archivePath { continue }
                if FileSystemPaths.isDirectory(full) && !(FileSystemItem.Status(full)?.isSymbolicLink ?? false) {
                    walk(full, prefix + "/" + name)
                } else {
                    result.append((prefix + "/" + name, full))
                }
            }
        }
        walk(source, rootName)
        return result
    }
}

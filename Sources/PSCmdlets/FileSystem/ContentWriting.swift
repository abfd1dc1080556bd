import Foundation
import PSRuntime

/// What Set-Content and Add-Content share: turning values into text and writing it to the files
/// named by -Path / -LiteralPath, creating missing files.
struct ContentWriting {
    var append: Bool
    var action: String
    var noNewline: Bool
    var encoding: TextEncoding
    var force: Bool

    /// Text for the values, each followed by a newline unless -NoNewline.
    func text(for values: [PSValue], context: CommandContext) -> String {
        var text = ""
        for value in values {
            let items = value.enumerated ?? [value]
            for item in items {
                text += LanguagePrimitives.toString(item, context: context.session)
                if !noNewline { text += "\n" }
            }
        }
        return text
    }

    /// The files to write: wildcards expand to existing files; a plain path may name a new file.
    func targets(paths: [String], literal: Bool, context: CommandContext) throws -> [String] {
        var result: [String] = []
        for path in paths {
            if !literal && WildcardPattern.containsWildcard(FileSystemPaths.stripProvider(path)) {
                let matches = FileSystemPaths.expandWildcards(path, context.session, includeHidden: force)
                if matches.isEmpty {
                    try context.writeError(FileSystemPaths.pathNotFoundRecord(context.session.resolvePath(path)))
                }
                result.append(contentsOf: matches)
            } else {
                result.append(try FileSystemPaths.target(path, literal: literal, context: context, use: .writes))
            }
        }
        return result
    }

    /// Writes the text to one file after ShouldProcess; returns false when it did not.
    @discardableResult
    func write(_ text: String, to file: String, context: CommandContext) throws -> Bool {
        try context.authorizeFile(file, .writes)
        guard try context.shouldProcess(target: "Path: \(file)", action: action) else { return false }
        if FileSystemPaths.isDirectory(file) {
            try context.writeError("Cannot write to '\(file)' because it is a directory.",
                                   id: append ? "AddContentWriterUnauthorizedAccessError" : "SetContentWriterUnauthorizedAccessError",
                                   category: .PermissionDenied, target: .string(file),
                                   exceptionType: "System.UnauthorizedAccessException")
            return false
        }
        guard let parent = FileSystemPaths.parent(of: file), FileSystemPaths.isDirectory(parent) else {
            try context.writeError("Cannot find a part of the path '\(file)'.", id: "GetContentWriterDirectoryNotFoundError",
                                   category: .ObjectNotFound, target: .string(file),
                                   exceptionType: "System.IO.DirectoryNotFoundException")
            return false
        }
        do {
            if force, FileSystemPaths.exists(file), access(file, W_OK) != 0 {
                // -Force writes to read-only files by lifting the flag first.
                _ = chmod(file, 0o644)
            }
            try TextFiles.write(text, to: file, encoding: encoding, append: append)
            return true
        } catch {
            try context.writeError("Cannot write to '\(file)': \(TextFiles.reason(error)).",
                                   id: "GetContentWriterIOError", category: .WriteError, target: .string(file),
                                   exceptionType: "System.IO.IOException")
            return false
        }
    }
}

import Foundation
import PSRuntime
import ZIPFoundation

/// Helpers the archive cmdlets share: entry names, destination checks and error records.
enum ArchiveSupport {
    static let moduleName = "Microsoft.PowerShell.Archive"

    /// An entry name as stored in a zip, with `/` separators (archives made on Windows may use `\`).
    static func normalizedEntryName(_ name: String) -> String {
        name.replacingOccurrences(of: "\\", with: "/")
    }

    /// Where an entry lands below `destination`, or nil when its name would leave the folder
    /// (absolute names, `..` segments): the "zip slip" attack.
    static func extractionPath(for entryName: String, in destination: String) -> String? {
        let name = normalizedEntryName(entryName)
        if name.hasPrefix("/") { return nil }
        var depth = 0
        for part in name.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                depth -= 1
                if depth < 0 { return nil }
            } else {
                depth += 1
            }
        }
        let full = PathUtilities.normalize(FileSystemPaths.join(destination, name))
        guard full == destination || full.hasPrefix(destination.hasSuffix("/") ? destination : destination + "/") else { return nil }
        return full
    }

    /// A short reason for a failed file or archive operation.
    static func reason(_ error: Error) -> String {
        if let archiveError = error as? Archive.ArchiveError { return "the archive is damaged or unreadable (\(archiveError))" }
        return TextFiles.reason(error)
    }
}

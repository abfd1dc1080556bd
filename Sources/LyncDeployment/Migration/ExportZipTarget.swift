import Foundation
import ZIPFoundation

/// The zip an export writes: beside its target under a hidden partial name and renamed into
/// place only when complete (so a reader sees the old file or the new one, never half of one),
/// or in memory for -AsBytes. Abandoned before `close`, the partial file is removed.
final class ExportZipTarget: @unchecked Sendable {
    // @unchecked: one thread at a time adds to the archive (the export hands it from its parts
    // thread to its own only after joining that thread).
    private let archive: Archive
    private let file: URL?
    private let partial: URL?
    private var closed = false

    init(file: URL?) throws {
        self.file = file
        do {
            if let file {
                let folder = file.deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let partial = folder.appendingPathComponent(".\(file.lastPathComponent).partial-\(UUID().uuidString)")
                self.partial = partial
                archive = try Archive(url: partial, accessMode: .create)
            } else {
                partial = nil
                archive = try Archive(accessMode: .create)
            }
        } catch {
            throw Self.notWritten(file, error)
        }
    }

    deinit {
        if !closed, let partial { try? FileManager.default.removeItem(at: partial) }
    }

    static func notWritten(_ file: URL?, _ error: any Error) -> DeploymentError {
        if let error = error as? DeploymentError { return error }
        return DeploymentError(.writeError, id: "ExportFileNotWritten",
                               "Cannot write the export file\(file.map { " '\($0.path)'" } ?? ""): \(error). Check the folder exists, is writable and has room.",
                               target: file?.path)
    }

    /// Adds each part, writing its text through a scratch file a megabyte at a time (so no part
    /// is ever whole in memory) and deflating it from there; returns the names and counts.
    func addParts(_ parts: [ChatExporter.Part], scratch: URL) throws -> [(String, Int)] {
        for part in parts {
            let file = scratch.appendingPathComponent(part.name)
            guard FileManager.default.createFile(atPath: file.path, contents: nil), let handle = FileHandle(forWritingAtPath: file.path) else {
                throw DeploymentError(.writeError, id: "ScratchFileNotWritten", "Cannot create the scratch file '\(file.path)'.", target: file.path)
            }
            do {
                defer { try? handle.close() }
                func write(_ text: inout String) throws {
                    try text.withUTF8 { try handle.write(contentsOf: UnsafeRawBufferPointer($0)) }
                    text.removeAll(keepingCapacity: true)
                }
                var rest = try part.text { text in if text.utf8.count >= 1 << 20 { try write(&text) } }
                try write(&rest)
            } catch {
                throw Self.notWritten(self.file, error)
            }
            try addFile(file, named: part.name, compression: .deflate)
            try? FileManager.default.removeItem(at: file)
        }
        return parts.map { ($0.name, $0.count) }
    }

    /// A small text part (the manifest), deflated straight from the string.
    func add(_ text: String, named name: String) throws {
        var text = text
        do {
            try text.withUTF8 { bytes in
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                                     bufferSize: 1 << 16) { position, size in
                    Data(UnsafeBufferPointer(rebasing: bytes[Int(position)..<Int(position) + size]))
                }
            }
        } catch {
            throw Self.notWritten(file, error)
        }
    }

    /// A file, streamed: deflated, or stored as it is when it is compressed already.
    func addFile(_ source: URL, named name: String, compression: CompressionMethod) throws {
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: source.path)[.size] as? NSNumber)?.int64Value ?? 0
            let handle = try FileHandle(forReadingFrom: source)
            defer { try? handle.close() }
            try archive.addEntry(with: name, type: .file, uncompressedSize: size, compressionMethod: compression, bufferSize: 1 << 18) { _, chunk in
                try handle.read(upToCount: chunk) ?? Data()
            }
        } catch {
            throw Self.notWritten(file, error)
        }
    }

    /// Puts the finished zip in place; returns its bytes when it was made in memory.
    func close() throws -> Data? {
        closed = true
        guard let file, let partial else { return archive.data }
        // rename(2) replaces an existing file in one step.
        guard rename(partial.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: partial)
            throw DeploymentError(.writeError, id: "ExportFileNotWritten", "Cannot write the export file '\(file.path)': \(reason).", target: file.path)
        }
        return nil
    }
}

import Foundation
import ZIPFoundation

/// An export file opened for import: the zip checked entry by entry before anything is read
/// (known part names only, each once, no folders, links or paths, sizes within bounds, the
/// manifest's parts all there), the XML parts read into memory with a cap, and Messages.txt
/// streamed line by line. Expansion is counted as it happens, so a decompression bomb stops
/// early with an error, whatever its headers claim.
public final class ChatExportArchive {
    let archive: Archive
    let entries: [String: Entry]
    /// Where the file came from, for messages.
    public let origin: String
    public let manifest: ChatExportManifest

    public convenience init(file: URL) throws {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw DeploymentError(.objectNotFound, id: "ExportFileNotFound",
                                  "There is no export file at '\(file.path)'. Give the path of a .zip written by Export-CsPersistentChatData.",
                                  target: file.path)
        }
        let archive: Archive
        do { archive = try Archive(url: file, accessMode: .read) } catch {
            throw Self.notAZip(file.path)
        }
        try self.init(archive: archive, origin: file.path)
    }

    public convenience init(bytes: Data) throws {
        let archive: Archive
        do { archive = try Archive(data: bytes, accessMode: .read) } catch {
            throw Self.notAZip("the -ByteInput bytes")
        }
        try self.init(archive: archive, origin: "the -ByteInput bytes")
    }

    static func notAZip(_ origin: String) -> DeploymentError {
        DeploymentError(.invalidData, id: "ExportFileNotAZip",
                        "\(origin.hasPrefix("the ") ? origin.prefix(1).uppercased() + origin.dropFirst() : "'\(origin)'") is not a readable zip file: it is truncated, damaged or of another kind. Export the data again with Export-CsPersistentChatData.",
                        target: origin)
    }

    private init(archive: Archive, origin: String) throws {
        self.archive = archive
        self.origin = origin
        var entries: [String: Entry] = [:]
        for entry in archive {
            let path = entry.path
            guard !path.contains("/"), !path.contains("\\"), !path.contains("\0"), path != "..", !path.isEmpty else {
                throw DeploymentError(.invalidData, id: "ExportFileUnsafePath",
                                      "The export file holds the entry '\(path)', whose path leads out of the export's folder or into a sub-folder; export files have only plain part names. The file was not written by Export-CsPersistentChatData and is refused.",
                                      target: path)
            }
            guard entry.type == .file else {
                throw DeploymentError(.invalidData, id: "ExportFileUnsafeEntry",
                                      "The export file's entry '\(path)' is a \(entry.type == .symlink ? "symbolic link" : "folder"); export files hold plain files only.",
                                      target: path)
            }
            guard ChatExportFormat.allParts.contains(path) else {
                throw DeploymentError(.invalidData, id: "ExportFileUnknownPart",
                                      "The export file holds '\(path)', which is not a part of the export format (\(ChatExportFormat.allParts.joined(separator: ", "))).",
                                      target: path)
            }
            guard entries[path] == nil else {
                throw DeploymentError(.invalidData, id: "ExportFileDuplicatePart",
                                      "The export file holds the part '\(path)' twice; which one to read would be a guess, so the file is refused.",
                                      target: path)
            }
            try Self.checkSize(entry)
            entries[path] = entry
        }
        self.entries = entries
        guard let manifestEntry = entries[ChatExportFormat.manifest] else {
            throw Self.missing(ChatExportFormat.manifest)
        }
        manifest = try ChatExportPartParser.manifest(try Self.readWhole(manifestEntry, from: archive))
        for part in manifest.partCounts.keys where entries[part] == nil { throw Self.missing(part) }
        for part in entries.keys where part != ChatExportFormat.manifest && manifest.partCounts[part] == nil {
            throw DeploymentError(.invalidData, id: "ExportFilePartNotListed",
                                  "The export file holds the part '\(part)' that its manifest does not list; it may have been tampered with.",
                                  target: part)
        }
    }

    static func missing(_ part: String) -> DeploymentError {
        DeploymentError(.invalidData, id: "ExportFilePartMissing",
                        "The export file lacks the part '\(part)'\(part == ChatExportFormat.manifest ? "" : ", which its manifest lists"). It is incomplete; export the data again.",
                        target: part)
    }

    static func bomb(_ entry: Entry, expanded: Int64?) -> DeploymentError {
        DeploymentError(.invalidData, id: "ExportFileTooLarge",
                        "The export file's part '\(entry.path)' expands \(expanded.map { "to more than \($0) bytes" } ?? "beyond the allowed size") from \(entry.compressedSize) compressed bytes (a decompression bomb, or a damaged file). Reading stopped; nothing was written.",
                        target: entry.path)
    }

    /// Refuses declared sizes over the limits before anything is expanded.
    static func checkSize(_ entry: Entry) throws {
        let size = Int64(clamping: entry.uncompressedSize)
        if size > limit(for: entry) { throw bomb(entry, expanded: size) }
    }

    /// The most this entry may expand to: the per-part cap, and a ratio to its compressed size.
    static func limit(for entry: Entry) -> Int64 {
        let cap = entry.path.hasSuffix(".xml") ? ChatExportFormat.maxXmlPartBytes : ChatExportFormat.maxPartBytes
        let byRatio = max(ChatExportFormat.ratioFloorBytes, Int64(clamping: entry.compressedSize) * ChatExportFormat.maxCompressionRatio)
        return min(cap, byRatio)
    }

    /// Expands an entry chunk by chunk, stopping as soon as it passes its declared size or limit.
    static func expand(_ entry: Entry, from archive: Archive, _ consume: (Data) throws -> Void) throws {
        let limit = min(self.limit(for: entry), Int64(clamping: entry.uncompressedSize))
        var expanded: Int64 = 0
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16) { chunk in
                expanded += Int64(chunk.count)
                if expanded > limit { throw bomb(entry, expanded: limit) }
                try consume(chunk)
            }
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw DeploymentError(.invalidData, id: "ExportFileDamaged",
                                  "The export file's part '\(entry.path)' cannot be read: \(error) (the zip is truncated or damaged). Export the data again.",
                                  target: entry.path)
        }
        guard expanded == Int64(clamping: entry.uncompressedSize) else {
            throw DeploymentError(.invalidData, id: "ExportFileDamaged",
                                  "The export file's part '\(entry.path)' is \(expanded) bytes long, not the \(entry.uncompressedSize) its header says; the zip is truncated or damaged.",
                                  target: entry.path)
        }
    }

    static func readWhole(_ entry: Entry, from archive: Archive) throws -> Data {
        var data = Data()
        data.reserveCapacity(Int(min(Int64(clamping: entry.uncompressedSize), ChatExportFormat.maxXmlPartBytes)))
        try expand(entry, from: archive) { data.append($0) }
        return data
    }

    public func has(_ part: String) -> Bool { entries[part] != nil }

    func read(_ part: String) throws -> Data? {
        guard let entry = entries[part] else { return nil }
        return try Self.readWhole(entry, from: archive)
    }

    /// Every XML part, parsed and checked against the manifest's counts.
    public func data() throws -> ChatExportData {
        var data = ChatExportData(manifest: manifest)
        func counted(_ part: String, _ count: Int) throws {
            if let expected = manifest.partCounts[part], expected != count {
                throw DeploymentError(.invalidData, id: "ExportFileCountMismatch",
                                      "The export file's part '\(part)' holds \(count) items but its manifest says \(expected); the file is incomplete or was edited.",
                                      target: part)
            }
        }
        for (part, list, item) in [(ChatExportFormat.adUsers, "AdUsers", "User"), (ChatExportFormat.adGroups, "AdGroups", "Group"),
                                   (ChatExportFormat.references, "References", "Principal")] {
            guard let bytes = try read(part) else { continue }
            let principals = try ChatExportPartParser.principals(bytes, part: part, list: list, item: item)
            try counted(part, principals.count)
            data.principals += principals
        }
        if let bytes = try read(ChatExportFormat.adAffiliations) {
            data.affiliations = try ChatExportPartParser.affiliations(bytes)
            try counted(ChatExportFormat.adAffiliations, data.affiliations.count)
        }
        for (part, rooms) in [(ChatExportFormat.categories, false), (ChatExportFormat.chatRooms, true)] {
            guard let bytes = try read(part) else { continue }
            let before = data.nodes.count
            try ChatExportPartParser.nodes(bytes, rooms: rooms, into: &data)
            try counted(part, data.nodes.count - before)
        }
        if let bytes = try read(ChatExportFormat.addins) {
            data.addins = try ChatExportPartParser.addins(bytes)
            try counted(ChatExportFormat.addins, data.addins.count)
        }
        return data
    }

    /// Streams Messages.txt; `body` gets each message (its buffers are reused between calls)
    /// and its line number. Checks the header, every line, and the count in the manifest.
    public func forEachMessage(_ body: (inout ExportedMessage, Int) throws -> Void) throws {
        guard let entry = entries[ChatExportFormat.messages] else { return }
        let part = ChatExportFormat.messages
        var pending: [UInt8] = []
        pending.reserveCapacity(1 << 17)
        var lineNumber = 0
        var count = 0
        var message = ExportedMessage(channelID: 0, chatID: 0, date: 0, userID: 0, isAlert: false, content: [], rtf: nil)
        let header = Array(ChatExportFormat.messagesHeader.utf8)
        func line(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            lineNumber += 1
            if lineNumber == 1 {
                guard bytes.elementsEqual(header) else {
                    throw ChatExportXmlReader.invalid(part, line: 1, "it does not start with '\(ChatExportFormat.messagesHeader)'")
                }
                return
            }
            do {
                try MessageLineCodec.decode(bytes, into: &message)
            } catch let error as MessageLineCodec.DecodeError {
                throw ChatExportXmlReader.invalid(part, line: lineNumber, "the message line is malformed: \(error.reason)")
            }
            count += 1
            try body(&message, lineNumber)
        }
        try Self.expand(entry, from: archive) { chunk in
            try chunk.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                var index = 0
                while index < bytes.count {
                    if bytes[index] == 0x0A {
                        if pending.isEmpty {
                            try line(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                        } else {
                            pending.append(contentsOf: bytes[start..<index])
                            try pending.withUnsafeBufferPointer { try line($0) }
                            pending.removeAll(keepingCapacity: true)
                        }
                        start = index + 1
                    }
                    index += 1
                }
                if start < bytes.count {
                    pending.append(contentsOf: bytes[start..<bytes.count])
                    if pending.count > ChatExportFormat.maxMessageLineBytes {
                        throw ChatExportXmlReader.invalid(part, line: lineNumber + 1, "a line is longer than \(ChatExportFormat.maxMessageLineBytes) bytes")
                    }
                }
            }
        }
        guard pending.isEmpty else {
            throw ChatExportXmlReader.invalid(part, line: lineNumber + 1, "the last line has no line end (the part is truncated)")
        }
        guard lineNumber >= 1 else { throw ChatExportXmlReader.invalid(part, "it is empty") }
        if let expected = manifest.partCounts[part], expected != count {
            throw DeploymentError(.invalidData, id: "ExportFileCountMismatch",
                                  "The export file's part '\(part)' holds \(count) messages but its manifest says \(expected); the file is incomplete or was edited.",
                                  target: part)
        }
    }
}

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

    /// Expands the gzip stream an entry holds (Messages.txt.gz), chunk by chunk, with the same
    /// limits as any part: the stream may not expand past the entry's limit.
    static func expandGzip(_ entry: Entry, from archive: Archive, _ consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        let limit = self.limit(for: entry)
        var expanded: Int64 = 0
        try withoutActuallyEscaping(consume) { consume in
            let decompressor: GzipStream.Decompressor
            do {
                decompressor = try GzipStream.Decompressor { bytes in
                    expanded += Int64(bytes.count)
                    if expanded > limit { throw bomb(entry, expanded: limit) }
                    try consume(bytes)
                }
                try expand(entry, from: archive) { chunk in
                    try chunk.withUnsafeBytes { try decompressor.write($0) }
                }
                try decompressor.finish()
            } catch let failure as GzipStream.Failure {
                throw DeploymentError(.invalidData, id: "ExportFileDamaged",
                                      "The export file's part '\(entry.path)' cannot be read: \(failure.description). The file is truncated or damaged; export the data again.",
                                      target: entry.path)
            }
        }
    }

    /// Expands an entry into `file`, with the limits of `expand`.
    static func extract(_ entry: Entry, from archive: Archive, to file: URL) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil), let handle = FileHandle(forWritingAtPath: file.path) else {
            throw DeploymentError(.writeError, id: "ScratchFileNotWritten", "Cannot create the scratch file '\(file.path)'.", target: file.path)
        }
        defer { try? handle.close() }
        try expand(entry, from: archive) { chunk in try handle.write(contentsOf: chunk) }
    }

    static func readWhole(_ entry: Entry, from archive: Archive) throws -> Data {
        var data = Data()
        data.reserveCapacity(Int(min(Int64(clamping: entry.uncompressedSize), ChatExportFormat.maxXmlPartBytes)))
        try expand(entry, from: archive) { data.append($0) }
        return data
    }

    public func has(_ part: String) -> Bool { entries[part] != nil }

    /// Every XML part, parsed and checked against the manifest's counts. The parts are expanded
    /// one after the other into a scratch folder (the zip is read by one thread), then parsed
    /// side by side, each streamed from its file: memory holds the parsed data, not the texts.
    public func data() throws -> ChatExportData {
        typealias Job = (part: String, parse: (InputStream) throws -> ChatExportData)
        let empty = ChatExportData(manifest: manifest)
        var jobs: [Job] = []
        let principalParts = [(ChatExportFormat.adUsers, "AdUsers", "User"), (ChatExportFormat.adGroups, "AdGroups", "Group"),
                              (ChatExportFormat.references, "References", "Principal")].filter { entries[$0.0] != nil }
        // The manifest's counts, trusted only as far as the parts' sizes allow (an element takes
        // at least 40 bytes). The first part's list gets room for all: the others are appended
        // to it in place (`merge`), so the largest list is never copied.
        let counts = principalParts.map { min(manifest.partCounts[$0.0] ?? 0, Int(clamping: (entries[$0.0]?.uncompressedSize ?? 0) / 40)) }
        for (index, (part, list, item)) in principalParts.enumerated() {
            let expected = index == 0 ? counts.reduce(0, +) : counts[index]
            jobs.append((part, { input in
                var data = empty
                data.principals = try ChatExportPartParser.principals(input, part: part, list: list, item: item, expected: expected)
                return data
            }))
        }
        // A <Group> element takes at least 20 bytes.
        let affiliations = min(manifest.partCounts[ChatExportFormat.adAffiliations] ?? 0,
                               Int(clamping: (entries[ChatExportFormat.adAffiliations]?.uncompressedSize ?? 0) / 20))
        jobs.append((ChatExportFormat.adAffiliations, { input in
            var data = empty
            data.affiliations = try ChatExportPartParser.affiliations(input, expected: affiliations)
            return data
        }))
        for (part, rooms) in [(ChatExportFormat.categories, false), (ChatExportFormat.chatRooms, true)] {
            jobs.append((part, { input in
                var data = empty
                try ChatExportPartParser.nodes(input, rooms: rooms, into: &data)
                return data
            }))
        }
        jobs.append((ChatExportFormat.addins, { input in
            var data = empty
            data.addins = try ChatExportPartParser.addins(input)
            return data
        }))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var inputs: [(job: Job, file: URL, size: Int64)] = []
        for job in jobs {
            guard let entry = entries[job.part] else { continue }
            let file = scratch.appendingPathComponent(job.part)
            try Self.extract(entry, from: archive, to: file)
            inputs.append((job, file, Int64(clamping: entry.uncompressedSize)))
        }
        let names = inputs.map(\.job.part)
        // The biggest parts first, so the two cores finish together.
        let order = inputs.indices.sorted { inputs[$0].size > inputs[$1].size }
        let results = ParallelResults<ChatExportData>(count: inputs.count)
        let work = UncheckedSendableBox(inputs)
        DispatchQueue.concurrentPerform(iterations: order.count) { slot in
            let index = order[slot]
            let (job, file, _) = work.value[index]
            results.set(index, Result {
                guard let input = InputStream(url: file) else { throw DeploymentError(.resourceUnavailable, id: "ScratchFileNotReadable", "Cannot read back the part '\(job.part)'.", target: job.part) }
                return try job.parse(input)
            })
        }
        var data = empty
        for (index, name) in names.enumerated() {
            let part = try results.take(index)
            let count = part.principals.count + part.affiliations.count + part.nodes.count + part.addins.count
            if let expected = manifest.partCounts[name], expected != count {
                throw DeploymentError(.invalidData, id: "ExportFileCountMismatch",
                                      "The export file's part '\(name)' holds \(count) items but its manifest says \(expected); the file is incomplete or was edited.",
                                      target: name)
            }
            Self.merge(&data.principals, part.principals)
            Self.merge(&data.affiliations, part.affiliations)
            Self.merge(&data.nodes, part.nodes)
            Self.merge(&data.roles, part.roles)
            Self.merge(&data.scopes, part.scopes)
            Self.merge(&data.addins, part.addins)
        }
        return data
    }

    /// Appends, sharing the part's storage when there is nothing yet (no copy of a large list).
    private static func merge<T>(_ list: inout [T], _ more: [T]) {
        if list.isEmpty { list = more } else { list += more }
    }

    /// Streams Messages.txt in batches: a second thread expands and decodes the part while the
    /// caller's thread consumes the batches (checks and writes them), a few batches apart, so
    /// memory stays bounded. Errors of either side stop both; the reading thread has ended when
    /// this returns.
    public func forEachMessageBatch(_ body: (MessageBatch) throws -> Void) throws {
        let handoff = BoundedHandoff<MessageBatch>(capacity: 2)
        // The archive is used by the reading thread alone until the task has ended.
        let reader = UncheckedSendableBox(self)
        let reading = BackgroundTask {
            var batch = MessageBatch()
            do {
                try reader.value.forEachMessageLine { text, line in
                    try batch.append(decoding: text, line: line)
                    if batch.isFull {
                        guard handoff.put(batch) else { throw CancellationError() }
                        batch = MessageBatch()
                    }
                }
                if !batch.items.isEmpty { _ = handoff.put(batch) }
                handoff.finish()
            } catch {
                handoff.finish(error)
            }
        }
        defer {
            handoff.cancel()
            _ = try? reading.value()
        }
        while let batch = try handoff.take() { try body(batch) }
    }

    /// Streams Messages.txt; `body` gets each message (its buffers are reused between calls)
    /// and its line number. Checks the header, every line, and the count in the manifest.
    public func forEachMessage(_ body: (inout ExportedMessage, Int) throws -> Void) throws {
        var message = ExportedMessage(channelID: 0, chatID: 0, date: 0, userID: 0, isAlert: false, content: [], rtf: nil)
        try forEachMessageLine { text, line in
            try MessageLineCodec.decode(text, into: &message)
            try body(&message, line)
        }
    }

    /// Streams the message lines of Messages.txt (without their LF) with their line numbers to
    /// `body`, which decodes them (a `MessageLineCodec.DecodeError` it throws names the line).
    /// Checks the header, that every line ends, and the count in the manifest.
    func forEachMessageLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        guard let entry = entries[ChatExportFormat.messages] else { return }
        let part = ChatExportFormat.messages
        var pending: [UInt8] = []
        pending.reserveCapacity(1 << 17)
        var lineNumber = 0
        var count = 0
        let header = Array(ChatExportFormat.messagesHeader.utf8)
        func line(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            lineNumber += 1
            if lineNumber == 1 {
                guard bytes.elementsEqual(header) else {
                    throw ChatExportXmlReader.invalid(part, line: 1, "it does not start with '\(ChatExportFormat.messagesHeader)'")
                }
                return
            }
            count += 1
            do {
                try body(bytes, lineNumber)
            } catch let error as MessageLineCodec.DecodeError {
                throw ChatExportXmlReader.invalid(part, line: lineNumber, "the message line is malformed: \(error.reason)")
            }
        }
        try Self.expandGzip(entry, from: archive) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return }
            var start = 0
            // memchr finds line ends many bytes at a time.
            while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                let index = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                if pending.isEmpty {
                    try line(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                } else {
                    pending.append(contentsOf: bytes[start..<index])
                    try pending.withUnsafeBufferPointer { try line($0) }
                    pending.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            do {
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

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

    /// Every XML part, parsed and checked against the manifest's counts. The parts are expanded
    /// one after the other (the zip is read by one thread), then parsed side by side.
    public func data() throws -> ChatExportData {
        typealias Job = (part: String, parse: (Data) throws -> ChatExportData)
        let empty = ChatExportData(manifest: manifest)
        var jobs: [Job] = []
        for (part, list, item) in [(ChatExportFormat.adUsers, "AdUsers", "User"), (ChatExportFormat.adGroups, "AdGroups", "Group"),
                                   (ChatExportFormat.references, "References", "Principal")] {
            jobs.append((part, { bytes in
                var data = empty
                data.principals = try ChatExportPartParser.principals(bytes, part: part, list: list, item: item)
                return data
            }))
        }
        jobs.append((ChatExportFormat.adAffiliations, { bytes in
            var data = empty
            data.affiliations = try ChatExportPartParser.affiliations(bytes)
            return data
        }))
        for (part, rooms) in [(ChatExportFormat.categories, false), (ChatExportFormat.chatRooms, true)] {
            jobs.append((part, { bytes in
                var data = empty
                try ChatExportPartParser.nodes(bytes, rooms: rooms, into: &data)
                return data
            }))
        }
        jobs.append((ChatExportFormat.addins, { bytes in
            var data = empty
            data.addins = try ChatExportPartParser.addins(bytes)
            return data
        }))
        var inputs: [(Job, Data)] = []
        for job in jobs {
            if let bytes = try read(job.part) { inputs.append((job, bytes)) }
        }
        // The biggest parts first, so the two cores finish together.
        let order = inputs.indices.sorted { inputs[$0].1.count > inputs[$1].1.count }
        let results = ParallelResults<ChatExportData>(count: inputs.count)
        let work = UncheckedSendableBox(inputs)
        DispatchQueue.concurrentPerform(iterations: order.count) { slot in
            let index = order[slot]
            results.set(index, Result { try work.value[index].0.parse(work.value[index].1) })
        }
        var data = empty
        for (index, (job, _)) in inputs.enumerated() {
            let part = try results.get(index)
            let count = part.principals.count + part.affiliations.count + part.nodes.count + part.addins.count
            if let expected = manifest.partCounts[job.part], expected != count {
                throw DeploymentError(.invalidData, id: "ExportFileCountMismatch",
                                      "The export file's part '\(job.part)' holds \(count) items but its manifest says \(expected); the file is incomplete or was edited.",
                                      target: job.part)
            }
            data.principals += part.principals
            data.affiliations += part.affiliations
            data.nodes += part.nodes
            data.roles += part.roles
            data.scopes += part.scopes
            data.addins += part.addins
        }
        return data
    }

    /// Streams Messages.txt in batches: a second thread expands and decodes the part while the
    /// caller's thread consumes the batches (checks and writes them), a few batches apart, so
    /// memory stays bounded. Errors of either side stop both; the reading thread has ended when
    /// this returns.
    public func forEachMessageBatch(_ body: (MessageBatch) throws -> Void) throws {
        let handoff = BoundedHandoff<MessageBatch>(capacity: 4)
        let done = DispatchSemaphore(value: 0)
        // The archive is used by the reading thread alone until `done` is signalled.
        let reader = UncheckedSendableBox(self)
        let thread = Thread {
            defer { done.signal() }
            var batch = MessageBatch()
            do {
                try reader.value.forEachMessage { message, line in
                    batch.append(message, line: line)
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
        thread.stackSize = 1 << 20
        thread.start()
        defer {
            handoff.cancel()
            done.wait()
        }
        while let batch = try handoff.take() { try body(batch) }
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

/// Hands a value to another thread where the code guarantees only one thread uses it at a time.
struct UncheckedSendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// One slot per parallel task for its result; each task writes only its own slot.
final class ParallelResults<Value>: @unchecked Sendable {
    // @unchecked: slots are written under `lock`, and read only after every task has ended.
    private var slots: [Result<Value, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Value, any Error>) {
        lock.withLock { slots[index] = result }
    }

    func get(_ index: Int) throws -> Value {
        guard let result = lock.withLock({ slots[index] }) else { preconditionFailure("task \(index) did not run") }
        return try result.get()
    }
}

import Foundation
import GRDB
import ZIPFoundation

/// Export-CsPersistentChatData's domain: reads one consistent snapshot of the source, writes the
/// parts -Level asks for into a zip (a file, written beside its target and renamed into place
/// when complete, or bytes), and then, if asked, disables the exported rooms in the source.
public struct ChatExporter {
    public struct Options: Sendable {
        public var level: ChatExportFormat.Level = .all
        /// Category names (case-insensitive); empty: every category.
        public var scope: [String] = []
        public var startDate: Date?
        public var disableExportedNodes = false
        public var dbInstance = ""
        public var dbName = ""
        /// Used when the source has no ForestFqdn of its own (a Persistent Chat database).
        public var deploymentForest: String?

        public init() {}
    }

    public struct Result: Sendable {
        public var manifest: ChatExportManifest
        public var categories = 0
        public var rooms = 0
        public var addins = 0
        public var principals = 0
        public var messages = 0
        public var disabledRooms = 0
        /// The zip when exporting to bytes.
        public var bytes: Data?
    }

    public let source: ChatExportSource
    public let options: Options
    let observer: MigrationObserver

    public init(source: ChatExportSource, options: Options, observer: MigrationObserver = SilentMigrationObserver()) {
        self.source = source
        self.options = options
        self.observer = observer
    }

    /// Writes the export to `file` (nil: returns the bytes). When the XML parts do not depend on
    /// the messages (every level but a Content export without users), they are built and zipped
    /// on a second thread while the messages are read and compressed.
    public func export(to file: URL?) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let messagesFile = scratch.appendingPathComponent(ChatExportFormat.messages)
        let zip = try ExportZipTarget(file: file)

        let reading = MigrationPhase("Reading the source", observer)
        var xmlParts: BackgroundTask<[(String, Int)]>?
        var (data, exportedRooms, result) = try source.read { db -> (ChatExportData, [Int], Result) in
            var data = try source.data(in: db, level: options.level)
            let rooms = try select(&data)
            var result = Result(manifest: data.manifest)
            if options.level.includesContent {
                if options.level.includesUsers {
                    let snapshot = data
                    xmlParts = BackgroundTask { try zip.addParts(partsToWrite(snapshot), scratch: scratch) }
                }
                let phase = MigrationPhase("Exporting messages", observer)
                let authors = try writeMessages(db, rooms: rooms.messageRooms, to: messagesFile, count: &result.messages, phase: phase)
                phase.end(count: result.messages)
                addReferences(authors, to: &data)
            }
            return (data, rooms.exported, result)
        }
        reading.end(count: data.nodes.count + data.principals.count)

        data.manifest.dbInstance = options.dbInstance
        data.manifest.dbName = options.dbName
        data.manifest.forestFqdn = data.manifest.forestFqdn ?? options.deploymentForest
        data.manifest.startDateTicks = options.startDate.map(NetTicks.from)
        data.manifest.scope = options.scope
        data.manifest.exportedAt = ISO8601DateFormatter().string(from: Date())
        result.categories = data.nodes.filter { $0.isCategory && !$0.isContext && !$0.isRoot }.count
        result.rooms = data.nodes.filter { !$0.isCategory && !$0.isContext }.count
        result.addins = options.level.includesRooms ? data.addins.count : 0
        result.principals = options.level.includesUsers ? data.principals.count : 0

        let zipping = MigrationPhase("Writing the zip", observer)
        let counts = try xmlParts.map { try $0.value() } ?? zip.addParts(partsToWrite(data), scratch: scratch)
        for (name, count) in counts { data.manifest.partCounts[name] = count }
        if options.level.includesContent {
            data.manifest.partCounts[ChatExportFormat.messages] = result.messages
            try zip.addFile(messagesFile, named: ChatExportFormat.messages, compression: .none)
        }
        try zip.add(ChatExportXmlWriter.manifest(data.manifest), named: ChatExportFormat.manifest)
        result.manifest = data.manifest
        result.bytes = try zip.close()
        zipping.end(count: counts.count + 1)

        if options.disableExportedNodes {
            let phase = MigrationPhase("Disabling the exported rooms", observer)
            result.disabledRooms = try source.disableRooms(exportedRooms)
            phase.end(count: result.disabledRooms)
        }
        return result
    }

    // MARK: Choosing what to export

    struct Selection {
        /// Rooms whose messages go out (nil: all).
        var messageRooms: Set<Int>?
        /// Rooms -DisableExportedNodes disables.
        var exported: [Int]
    }

    /// Applies -Scope and -Level to the full data: drops what is not exported and marks as
    /// context what is only there to interpret the rest.
    func select(_ data: inout ChatExportData) throws -> Selection {
        let level = options.level
        let byID = Dictionary(data.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [Int: [Int]] = [:]
        for node in data.nodes where !node.isRoot { children[node.parentID, default: []].append(node.id) }

        // The nodes in scope: the named categories with everything below them, or all.
        var inScope: Set<Int>
        if options.scope.isEmpty {
            inScope = Set(data.nodes.map(\.id))
        } else {
            inScope = []
            var missing: [String] = []
            for name in options.scope {
                let matches = data.nodes.filter { $0.isCategory && $0.name.caseInsensitiveCompare(name) == .orderedSame }
                if matches.isEmpty { missing.append(name) }
                var stack = matches.map(\.id)
                while let id = stack.popLast() {
                    if inScope.insert(id).inserted { stack += children[id] ?? [] }
                }
            }
            if !missing.isEmpty {
                let known = data.nodes.filter { $0.isCategory && !$0.isRoot }.map(\.name).sorted()
                throw DeploymentError(.objectNotFound, id: "ScopeCategoryNotFound",
                                      "-Scope names \(missing.map { "'\($0)'" }.joined(separator: ", ")), which the source does not have. Its categories: \(known.prefix(20).joined(separator: ", "))\(known.count > 20 ? ", …" : "").",
                                      target: missing.joined(separator: ", "))
            }
        }
        let scopedRooms = data.nodes.filter { !$0.isCategory && inScope.contains($0.id) }.map(\.id)

        // What each level writes, and what it needs to be understood.
        var keep: Set<Int> = [], context: Set<Int> = []
        for node in data.nodes where inScope.contains(node.id) {
            if node.isCategory ? level.includesCategories : level.includesRooms { keep.insert(node.id) }
            if !node.isCategory && !level.includesRooms && level.includesContent { context.insert(node.id) }
        }
        // Every kept or context node needs its ancestors (inheritance, flattened names).
        for id in keep.union(context) {
            var seen: Set<Int> = [id]
            var parent = byID[id].map(\.parentID)
            while let current = parent, current != id, seen.insert(current).inserted, let node = byID[current] {
                if !keep.contains(current) { context.insert(current) }
                parent = node.isRoot ? nil : node.parentID
            }
        }
        // The legacy root is part of every legacy export that has nodes (it ends inheritance).
        data.nodes = data.nodes.filter { keep.contains($0.id) || context.contains($0.id) }.map { node in
            var node = node
            node.isContext = !keep.contains(node.id)
            return node
        }
        let nodeIDs = Set(data.nodes.map(\.id))
        data.roles = data.roles.filter { nodeIDs.contains($0.nodeID) }
        data.scopes = data.scopes.filter { nodeIDs.contains($0.nodeID) }
        if !level.includesRooms { data.addins = [] }
        return Selection(messageRooms: options.scope.isEmpty ? nil : Set(scopedRooms), exported: scopedRooms)
    }

    /// Without the User level, the principals the parts name go to References.xml.
    func addReferences(_ authors: Set<Int>, to data: inout ChatExportData) {
        guard !options.level.includesUsers else { return }
        var referenced = authors
        for role in data.roles { referenced.insert(role.principalID) }
        for scope in data.scopes { referenced.insert(scope.principalID) }
        data.principals = data.principals.filter { referenced.contains($0.id) }
        data.affiliations = []
    }

    /// One XML part: its name, its item count, and how to write its text (built when it is
    /// written, handing its text over piece by piece to `flush`; see ChatExportXmlWriter.Flush).
    struct Part {
        var name: String
        var count: Int
        var text: (_ flush: ChatExportXmlWriter.Flush) throws -> String
    }

    /// The XML parts in the order they go into the zip.
    func partsToWrite(_ data: ChatExportData) -> [Part] {
        var parts: [Part] = []
        let level = options.level
        // Lazy filters: the lists are walked while each text is built, never copied.
        if level.includesUsers {
            let users = data.principals.lazy.filter(\.isUserType), groups = data.principals.lazy.filter { !$0.isUserType }
            parts.append(Part(name: ChatExportFormat.adUsers, count: users.count) {
                try ChatExportXmlWriter.principals(users, list: "AdUsers", element: "User", flush: $0)
            })
            parts.append(Part(name: ChatExportFormat.adGroups, count: groups.count) {
                try ChatExportXmlWriter.principals(groups, list: "AdGroups", element: "Group", flush: $0)
            })
            parts.append(Part(name: ChatExportFormat.adAffiliations, count: data.affiliations.count) {
                try ChatExportXmlWriter.affiliations(data.affiliations, flush: $0)
            })
        } else if !data.principals.isEmpty || level != .user {
            parts.append(Part(name: ChatExportFormat.references, count: data.principals.count) {
                try ChatExportXmlWriter.principals(data.principals, list: "References", element: "Principal", flush: $0)
            })
        }
        let categories = data.nodes.lazy.filter(\.isCategory), rooms = data.nodes.lazy.filter { !$0.isCategory }
        if !categories.isEmpty || level.includesCategories {
            parts.append(Part(name: ChatExportFormat.categories, count: categories.count) {
                try ChatExportXmlWriter.nodes(categories, data: data, rooms: false, flush: $0)
            })
        }
        if !rooms.isEmpty || level.includesRooms {
            parts.append(Part(name: ChatExportFormat.chatRooms, count: rooms.count) {
                try ChatExportXmlWriter.nodes(rooms, data: data, rooms: true, flush: $0)
            })
        }
        if level.includesRooms {
            parts.append(Part(name: ChatExportFormat.addins, count: data.addins.count) { _ in ChatExportXmlWriter.addins(data.addins) })
        }
        return parts
    }

    // MARK: Writing

    /// Streams the messages into `file` as gzip (compressed on a second thread while the next
    /// rows are read) and returns the ids of their authors (when the export lists them: without users).
    func writeMessages(_ db: Database, rooms: Set<Int>?, to file: URL, count: inout Int, phase: MigrationPhase) throws -> Set<Int> {
        let writer = try GzipFileWriter(file: file)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.messageBufferBytes + (1 << 16))
        buffer += Array((ChatExportFormat.messagesHeader + "\n").utf8)
        var authors: Set<Int> = []
        let collectAuthors = !options.level.includesUsers
        var lastAuthor: Int64 = .min
        var written = 0
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM tblChat") ?? 0
        try source.forEachMessage(in: db, rooms: rooms, since: options.startDate.map(NetTicks.from)) { row in
            MessageLineCodec.appendRow(channelID: row.channelID, chatID: row.chatID, date: row.date, userID: row.userID,
                                       isAlert: row.isAlert, content: row.content, rtf: row.rtf, to: &buffer)
            // Only an export without users lists the authors (in References.xml).
            if collectAuthors && row.userID != lastAuthor {
                authors.insert(Int(row.userID))
                lastAuthor = row.userID
            }
            written += 1
            if buffer.count >= Self.messageBufferBytes {
                try writer.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
            if written % MigrationPhase.progressStride == 0 { phase.progress(written, of: total) }
        }
        try writer.write(buffer)
        try writer.finish()
        count = written
        return authors
    }

    static let messageBufferBytes = 1 << 20
}

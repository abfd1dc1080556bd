import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#endif

/// Writes a large, plausible legacy Group Chat database from a seed: principals (mostly users,
/// some groups with members, a few federated and disabled), a category tree a few levels deep,
/// rooms with varied settings, roles and scopes, add-ins and messages. The same seed gives the
/// same file content everywhere (SplitMix64, fixed clock). Built for speed: a brand-new file,
/// no journal, one transaction, prepared statements reused, rooms filled one after another so
/// the (channelId, chatId) key only ever appends.
public struct LegacyTestDataGenerator: Sendable {
    public struct Summary: Sendable, Equatable {
        public var principals = 0
        public var groups = 0
        public var federated = 0
        public var disabled = 0
        public var categories = 0
        public var rooms = 0
        public var addins = 0
        public var messages = 0
        public var seconds = 0.0
    }

    public var rooms: Int
    public var principals: Int
    public var messages: Int
    public var seed: UInt64
    public var options: LegacyGroupChatSchema.Options

    public init(rooms: Int, principals: Int, messages: Int, seed: UInt64,
                options: LegacyGroupChatSchema.Options = .init()) {
        self.rooms = rooms
        self.principals = principals
        self.messages = messages
        self.seed = seed
        self.options = options
    }

    /// 2010-01-01T00:00:00Z: every generated time stamp is after it.
    static let baseTicks: Int64 = 633_979_008_000_000_000

    /// Writes the database to `path` (a new file; an existing one only with `overwrite`).
    public func generate(path: String, overwrite: Bool = false) throws -> Summary {
        guard rooms >= 0, principals >= 0, messages >= 0 else {
            throw DeploymentError(.invalidArgument, id: "LegacyTestDataInvalid", "Counts of rooms, principals and messages cannot be negative.")
        }
        if messages > 0 && (rooms == 0 || principals == 0) {
            throw DeploymentError(.invalidArgument, id: "LegacyTestDataInvalid",
                                  "Messages need at least one room and one principal to post them.")
        }
        try LegacyGroupChatSchema.validate(options)
        // The file is made under a hidden name beside `path` and renamed into place when
        // complete: a killed run leaves the old file (or none), never half a database.
        let staged = try StagedDatabaseFile(destination: path, overwrite: overwrite)
        let partial = staged.partial
        defer { staged.discard() }
        let started = Date()
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: partial, configuration: configuration) } catch {
            throw DeploymentError(.writeError, id: "LegacyDatabaseNotWritable", "Cannot create '\(path)': \(error).", target: path)
        }
        var summary = Summary()
        do {
            try queue.writeWithoutTransaction { db in
                // A brand-new file that nobody else reads yet: a crash only loses the file itself.
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536")
                try db.inTransaction {
                    var run = GenerationRun(generator: self, db: db)
                    try run.write()
                    summary = run.summary
                    return .commit
                }
                try db.execute(sql: "PRAGMA locking_mode = NORMAL")
            }
            try queue.close()
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw DeploymentError(.writeError, id: "LegacyDatabaseWriteFailed", "Generating '\(path)' failed: \(error).", target: path)
        }
        try staged.commit("generated")
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}

/// One generation: the random state and what has been written so far.
private struct GenerationRun {
    let generator: LegacyTestDataGenerator
    let db: Database
    var random: SplitMix64
    var summary = LegacyTestDataGenerator.Summary()
    var userIDs: [Int] = []
    var groupIDs: [Int] = []
    var allIDs: [Int] = []
    var categoryIDs: [Int] = []
    var roomIDs: [Int] = []
    var roomGuids: [String] = []

    init(generator: LegacyTestDataGenerator, db: Database) {
        self.generator = generator
        self.db = db
        random = SplitMix64(seed: generator.seed)
    }

    var forest: String { generator.options.forestFqdn }

    mutating func write() throws {
        var options = generator.options
        options.rootGuid = random.guid()
        try LegacyGroupChatSchema.create(in: db, options: options, now: LegacyTestDataGenerator.baseTicks)
        try writePrincipals()
        let addins = try writeAddins()
        try writeCategories()
        try writeRooms(addins: addins)
        try writeMessages()
    }

    mutating func writePrincipals() throws {
        let total = generator.principals
        let groups = total >= 10 ? max(1, total / 50) : 0
        let federatedGroups = total >= 20 ? 1 : 0
        let federatedUsers = total >= 20 ? max(1, total / 200) : 0
        let insert = try db.makeStatement(sql: """
            INSERT INTO tblPrincipal (prinID, prinGuid, prinUri, prinName, prinCompanyName, prinEmail, prinADPath,
                prinADUserPrincipalName, prinDisabled, prinTypeID, prinAddedOn, prinUpdatedOn)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let affiliate = try db.makeStatement(sql: #"INSERT OR IGNORE INTO tblPrincipalAffiliations (principalID, affiliationID, "index") VALUES (?, ?, ?)"#)
        let components = CentralManagementStore.domainComponents(of: forest)
        var federatedGroupID: Int?
        for index in 0..<total {
            let id = index + 1
            let guid = random.guid()
            let added = LegacyTestDataGenerator.baseTicks + Int64(random.below(86_400 * 30)) * 10_000_000
            let type: LegacyPrincipalType
            let uri: String, name: String
            var adPath: String?, upn: String?, email: String?
            var disabled = false
            if index < groups {
                type = .group
                name = "Group \(String(format: "%04d", index + 1))"
                uri = "ma-grp:\(guid)@u.g"
                adPath = "CN=\(name),OU=Groups,\(components)"
                groupIDs.append(id)
            } else if index < groups + federatedGroups {
                type = .federatedGroup
                name = "Fabrikam partners"
                uri = "ma-grp:\(guid)@u.g"
                federatedGroupID = id
            } else if index < groups + federatedGroups + federatedUsers {
                type = .federatedUser
                name = "Partner \(index + 1)"
                uri = "sip:partner\(index + 1)@fabrikam.com"
            } else {
                type = .user
                let account = "user\(String(format: "%05d", index + 1))"
                name = "User \(String(format: "%05d", index + 1))"
                uri = "sip:\(account)@\(forest)"
                adPath = "CN=\(name),CN=Users,\(components)"
                upn = "\(account)@\(forest)"
                email = upn
                disabled = random.oneIn(100)
                userIDs.append(id)
            }
            try insert.execute(arguments: [id, guid, uri, name, type == .user ? "Litware" : nil, email, adPath, upn,
                                           disabled ? 1 : 0, type.rawValue, added, added])
            try affiliate.execute(arguments: [id, id, -1])
            if type == .user && !groupIDs.isEmpty {
                for slot in 0..<random.below(3) {
                    try affiliate.execute(arguments: [id, groupIDs[random.below(groupIDs.count)], slot])
                }
            }
            if type == .federatedUser, let federatedGroupID { try affiliate.execute(arguments: [id, federatedGroupID, 0]) }
            allIDs.append(id)
            summary.principals += 1
            if type == .group || type == .federatedGroup { summary.groups += 1 }
            if type.isFederated { summary.federated += 1 }
            if disabled { summary.disabled += 1 }
        }
    }

    mutating func writeAddins() throws -> [String] {
        let count = generator.rooms == 0 ? 0 : max(1, min(20, generator.rooms / 500))
        var ids: [String] = []
        for index in 0..<count {
            let id = random.guid()
            try db.execute(sql: "INSERT INTO tblSiopWhiteList (siopID, siopName, siopUrl) VALUES (?, ?, ?)",
                           arguments: [id, "Addin\(String(format: "%02d", index + 1))", "https://addins.\(forest)/addin\(index + 1)/index.html"])
            ids.append(id)
        }
        summary.addins = count
        return ids
    }

    /// A nullable 0/1 setting: usually inherited.
    mutating func setting(inheritOneIn odds: Int = 3) -> Int? {
        random.below(odds) == 0 ? random.below(2) : nil
    }

    mutating func someone(_ pool: [Int]) -> Int? { pool.isEmpty ? nil : pool[random.below(pool.count)] }

    mutating func writeCategories() throws {
        let count = generator.rooms == 0 ? 1 : max(2, min(500, generator.rooms / 40 + 2))
        let topLevel = max(1, count / 4)
        var depth: [Int: Int] = [LegacyNode.rootID: 0]
        let insert = try db.makeStatement(sql: """
            INSERT INTO tblNode (nodeID, nodeGuid, parentID, nodeType, nodeName, nodeDesc, invite, logged, filePost, disabled,
                behavior, visibility, overrideMember, nodeAddedOn, nodeUpdatedOn) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, 0, 4, ?, ?, ?, ?)
            """)
        let role = try db.makeStatement(sql: "INSERT OR IGNORE INTO tblPrincipalRole (prinRoleNodeID, prinRolePrinID, prinRoleTypeID) VALUES (?, ?, ?)")
        let scope = try db.makeStatement(sql: "INSERT OR IGNORE INTO tblScopePrincipal (scopeNodeID, scopePrinID) VALUES (?, ?)")
        if let owner = someone(userIDs) { try role.execute(arguments: [LegacyNode.rootID, owner, LegacyRole.manager.rawValue]) }
        for index in 0..<count {
            let id = index + 2
            var parent = LegacyNode.rootID
            if index >= topLevel {
                let candidates = categoryIDs.filter { (depth[$0] ?? 0) < 3 }
                parent = someone(candidates) ?? LegacyNode.rootID
            }
            depth[id] = (depth[parent] ?? 0) + 1
            let visibility: Int? = random.oneIn(4) ? (random.oneIn(2) ? 2 : 3) : nil
            try insert.execute(arguments: [id, random.guid(), parent, "Cat\(String(format: "%03d", index + 1))",
                                           "Generated category \(index + 1)", setting(), setting(inheritOneIn: 5), setting(inheritOneIn: 5),
                                           visibility, random.oneIn(10) ? 1 : 0, LegacyTestDataGenerator.baseTicks, LegacyTestDataGenerator.baseTicks])
            if random.oneIn(3), let manager = someone(userIDs) { try role.execute(arguments: [id, manager, LegacyRole.manager.rawValue]) }
            if index == 0 || random.oneIn(4), let creator = someone(userIDs) { try role.execute(arguments: [id, creator, LegacyRole.creator.rawValue]) }
            if random.oneIn(3), let member = someone(groupIDs) { try role.execute(arguments: [id, member, LegacyRole.member.rawValue]) }
            if random.oneIn(5) {
                for _ in 0...random.below(3) { if let allowed = someone(groupIDs) ?? someone(userIDs) { try scope.execute(arguments: [id, allowed]) } }
            }
            categoryIDs.append(id)
        }
        summary.categories = count
    }

    mutating func writeRooms(addins: [String]) throws {
        let firstID = (categoryIDs.last ?? 1) + 1
        let insert = try db.makeStatement(sql: """
            INSERT INTO tblNode (nodeID, nodeGuid, parentID, nodeType, nodeName, nodeDesc, topic, invite, logged, filePost,
                disabled, behavior, visibility, overrideMember, siopID, nodeAddedOn, nodeUpdatedOn)
            VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let role = try db.makeStatement(sql: "INSERT OR IGNORE INTO tblPrincipalRole (prinRoleNodeID, prinRolePrinID, prinRoleTypeID) VALUES (?, ?, ?)")
        for index in 0..<generator.rooms {
            let id = firstID + index
            let guid = random.guid()
            let parent = random.oneIn(50) ? LegacyNode.rootID : (someone(categoryIDs) ?? LegacyNode.rootID)
            let auditorium = random.oneIn(20)
            let added = LegacyTestDataGenerator.baseTicks + Int64(random.below(86_400 * 60)) * 10_000_000
            let visibility: Int? = random.oneIn(5) ? (random.oneIn(2) ? 2 : 3) : nil
            try insert.execute(arguments: [
                id, guid, parent, "room\(String(format: "%05d", index + 1))", "Generated room \(index + 1)",
                random.oneIn(2) ? "Topic of room \(index + 1)" : nil, setting(inheritOneIn: 4), setting(inheritOneIn: 10),
                setting(inheritOneIn: 10), random.oneIn(30) ? 1 : 0, auditorium ? LegacyNode.auditoriumBehavior : LegacyNode.normalBehavior,
                visibility, random.oneIn(8) ? 1 : 0, random.oneIn(10) && !addins.isEmpty ? addins[random.below(addins.count)] : nil,
                added, added,
            ])
            for _ in 0..<random.below(4) {
                if let member = someone(allIDs) { try role.execute(arguments: [id, member, LegacyRole.member.rawValue]) }
            }
            if random.oneIn(4), let manager = someone(userIDs) { try role.execute(arguments: [id, manager, LegacyRole.manager.rawValue]) }
            if auditorium, let voiced = someone(userIDs) { try role.execute(arguments: [id, voiced, LegacyRole.voiced.rawValue]) }
            roomIDs.append(id)
            roomGuids.append(guid)
        }
        summary.rooms = generator.rooms
    }

    static let phrases = [
        "Build is green again", "Can someone review my change?", "Standup moved to 10:30", "Deploying to staging now",
        "Lunch at noon?", "The release notes are in the wiki", "Who owns the load balancer config?", "Rolling back, sorry",
        "Thanks, that fixed it", "Meeting notes attached",
    ]

    mutating func writeMessages() throws {
        let total = generator.messages
        guard total > 0, !roomIDs.isEmpty, !allIDs.isEmpty else { return }
        // Each room gets a random share of the messages; shares add up to exactly `total`.
        let weights = roomIDs.map { _ in 1 + random.below(10) }
        let weightSum = weights.reduce(0, +)
        var counts = weights.map { total * $0 / weightSum }
        var left = total - counts.reduce(0, +)
        var slot = 0
        while left > 0 { counts[slot % counts.count] += 1; left -= 1; slot += 1 }
        let insert = try db.makeStatement(sql: "INSERT INTO tblChat (channelId, chatId, chatDate, userId, isAlert, content, rtf) VALUES (?, ?, ?, ?, ?, ?, ?)")
        // Texts are assembled as bytes in one reused buffer: no String per message.
        let phrases = Self.phrases.map { Array($0.utf8) }
        let rtfHeader = Array(#"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Segoe UI;}}\f0\fs20 "#.utf8)
        // Legacy 8-bit RTF, with a Windows-1252 byte (0xE9 = é) that is not UTF-8.
        let rtfs = phrases.map { rtfHeader + $0 + [0x20, 0xE9, 0x7D] }
        let linkPrefix = Array("ma-filelink:///".utf8), linkMiddle = Array("/file".utf8), linkSuffix = Array(".docx".utf8)
        let numberPrefix = Array(" (#".utf8)
        var content: [UInt8] = []
        content.reserveCapacity(256)
        for (roomIndex, room) in roomIDs.enumerated() {
            var date = LegacyTestDataGenerator.baseTicks + Int64(random.below(86_400 * 90)) * 10_000_000
            guard counts[roomIndex] > 0 else { continue }
            let guid = Array(roomGuids[roomIndex].utf8)
            for chatID in 1...counts[roomIndex] {
                date += Int64(1 + random.below(3_600)) * 10_000_000
                let author = allIDs[random.below(allIDs.count)]
                let draw = random.below(1000)
                let phrase = draw % phrases.count
                content.removeAll(keepingCapacity: true)
                if draw < 20 {
                    content += linkPrefix
                    content += guid
                    content += linkMiddle
                    Self.appendDecimal(chatID, to: &content)
                    content += linkSuffix
                } else {
                    content += phrases[phrase]
                    content += numberPrefix
                    Self.appendDecimal(chatID, to: &content)
                    content.append(0x29)
                }
                try Self.bindAndStep(insert, room: room, chatID: Int64(chatID), date: date, author: author, alert: draw == 999,
                                     content: content, rtf: draw >= 950 ? rtfs[phrase] : nil)
            }
        }
        summary.messages = total
    }

    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(48 + value % 10))
    }

    /// One message row through the reused statement. With the C API at hand the values are bound
    /// directly (no per-row argument arrays); otherwise through GRDB's arguments.
    static func bindAndStep(_ statement: Statement, room: Int, chatID: Int64, date: Int64, author: Int, alert: Bool,
                            content: [UInt8], rtf: [UInt8]?) throws {
        #if canImport(GRDBSQLite)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, Int64(room))
        sqlite3_bind_int64(handle, 2, chatID)
        sqlite3_bind_int64(handle, 3, date)
        sqlite3_bind_int64(handle, 4, Int64(author))
        sqlite3_bind_int64(handle, 5, alert ? 1 : 0)
        let code: Int32 = content.withUnsafeBytes { utf8 in
            // SQLITE_STATIC (nil): the buffers outlive the step, which runs inside these closures.
            sqlite3_bind_text(handle, 6, utf8.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(utf8.count), nil)
            if let rtf {
                return rtf.withUnsafeBytes { bytes in
                    sqlite3_bind_blob(handle, 7, bytes.baseAddress, Int32(bytes.count), nil)
                    return sqlite3_step(handle)
                }
            }
            sqlite3_bind_null(handle, 7)
            return sqlite3_step(handle)
        }
        guard code == SQLITE_DONE else {
            throw DeploymentError(.writeError, id: "LegacyDatabaseWriteFailed",
                                  "Writing message \(chatID) of room \(room) failed: \(String(cString: sqlite3_errstr(code))).")
        }
        #else
        try statement.execute(arguments: [room, chatID, date, author, alert ? 1 : 0, String(decoding: content, as: UTF8.self), rtf.map { Data($0) }])
        #endif
    }
}

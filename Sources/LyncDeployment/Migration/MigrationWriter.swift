import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Applies a plan to a Persistent Chat database in one transaction, streaming the messages from
/// the export file straight into tblChat. With `dryRun` it reads and checks every message but
/// writes nothing. Errors met in the messages (an unknown room or author) are all collected;
/// any of them rolls everything back.
public struct MigrationWriter {
    public struct Outcome: Sendable {
        public var messagesRead = 0
        public var messagesWritten = 0
        public var messagesSkipped = 0
        public var messagesWithFileLinks = 0
        public var findings: [MigrationFinding] = []
        public var backup: URL?

        public init() {}
    }

    let plan: MigrationPlan
    let archive: ChatExportArchive
    let observer: MigrationObserver
    /// Messages errors listed one by one before they are only counted.
    static let listedMessageErrors = 50

    public init(plan: MigrationPlan, archive: ChatExportArchive, observer: MigrationObserver = SilentMigrationObserver()) {
        self.plan = plan
        self.archive = archive
        self.observer = observer
    }

    /// Reads every message and checks it against the plan; writes nothing.
    public func dryRun() throws -> Outcome {
        var outcome = Outcome()
        try streamMessages(into: nil, outcome: &outcome)
        return outcome
    }

    /// Backs the database up to `backup` (unless nil), then writes the plan and the messages in
    /// one transaction. When the messages hold errors, the transaction is rolled back and the
    /// outcome lists them.
    public func apply(to database: PersistentChatDatabase, backup: URL?) throws -> Outcome {
        var outcome = Outcome()
        if let backup {
            let phase = MigrationPhase("Backing up the target database", observer)
            try database.backUp(to: backup)
            outcome.backup = backup
            phase.end(count: 1)
        }
        do {
            try database.queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = -4096")
                // A bulk load under a rollback journal writes each new page once; write-ahead
                // logging would write it twice (log, then checkpoint). Atomicity is the same.
                // Another connection holding the file keeps it in WAL mode; the load then goes through the log.
                let rollbackJournal = (try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")) == "delete"
                defer { if rollbackJournal { _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") } }
                // The plan has resolved every reference already; checking each row again would
                // cost as much as writing it. foreign_key_check below still proves the result.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                // The statement journal of the many-row INSERTs (a few pages each) stays in memory.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
                try db.inTransaction(.immediate) {
                    try writeItems(db)
                    try streamMessages(into: db, outcome: &outcome)
                    guard !outcome.findings.contains(where: { $0.severity == .error }) else { return .rollback }
                    let checking = MigrationPhase("Checking the references written", observer)
                    try Self.checkReferences(db)
                    checking.end(count: Self.referencingTables.count)
                    return .commit
                }
            }
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw DeploymentError(.writeError, id: "ImportWriteFailed",
                                  "Writing to the Persistent Chat database '\(database.file.path)' failed: \((error as? DatabaseError)?.message ?? "\(error)"). Nothing was written.",
                                  target: database.file.path)
        }
        return outcome
    }

    static let referencingTables = ["tblPrincipal", "tblPrincipalAffiliations", "tblNode", "tblPrincipalRole", "tblScopePrincipal"]

    /// The tables the import writes with foreign keys, checked once at the end instead of row by row.
    static func checkReferences(_ db: Database) throws {
        for table in referencingTables {
            if let row = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check(\(table))") {
                throw DeploymentError(.invalidData, id: "ImportReferenceBroken",
                                      "The import would leave a row of \(table) (rowid \(row[1] as Int64? ?? 0)) pointing at a missing row of \(row[2] as String? ?? "another table"). Nothing was written; please report this with the export file.",
                                      target: table)
            }
        }
    }

    // MARK: Items

    func principalID(_ id: Int) -> Int64 { plan.principalIDs[id] ?? 0 }

    func writeItems(_ db: Database) throws {
        let phase = MigrationPhase("Writing principals, categories, rooms and add-ins", observer)
        let now = NetTicks.from(Date())
        let insertPrincipal = try BulkStatement(db, insert: """
            INSERT INTO tblPrincipal (prinID, prinGuid, prinUri, prinName, prinDisplayName, prinCompanyName, prinEmail, prinADPath,
                prinADUserPrincipalName, prinDisabled, prinTypeID, prinAddedBy, prinAddedOn, prinUpdatedBy, prinUpdatedOn) VALUES
            """, row: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 1, ?)")
        let affiliate = try BulkStatement(db, insert: #"INSERT OR IGNORE INTO tblPrincipalAffiliations (principalID, affiliationID, "index", updatedBy) VALUES"#,
                                          row: "(?, ?, ?, 1)")
        for principal in plan.newPrincipals {
            let id = principalID(principal.id)
            try insertPrincipal.run(.integer(id), .text(principal.guid), .text(principal.uri), .string(principal.name),
                                    .string(principal.displayName ?? principal.name), .string(principal.companyName), .string(principal.email),
                                    .string(principal.adPath), .string(principal.userPrincipalName), .int(principal.disabled),
                                    .int(Self.persistentChatType(principal.typeID)), .integer(principal.addedOn ?? now), .integer(principal.updatedOn ?? now))
            try affiliate.run(.integer(id), .integer(id), -1)
        }
        for affiliation in plan.affiliations {
            let member = principalID(affiliation.principalID), group = principalID(affiliation.affiliationID)
            if member != 0 && group != 0 && member != group { try affiliate.run(.integer(member), .integer(group), .int(affiliation.index ?? 0)) }
        }
        try insertPrincipal.finish()
        try affiliate.finish()
        for addin in plan.addins {
            if addin.overwrites {
                try db.cachedStatement(sql: "UPDATE tblSiopWhiteList SET siopName = ?, siopUrl = ? WHERE siopID = ?").execute(arguments: [addin.name, addin.url, addin.id])
            } else {
                try db.cachedStatement(sql: "INSERT INTO tblSiopWhiteList (siopID, siopName, siopUrl) VALUES (?, ?, ?)").execute(arguments: [addin.id, addin.name, addin.url])
            }
        }
        let addinIDs = Dictionary(plan.addins.map { ($0.sourceID.lowercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
        let role = try BulkStatement(db, insert: "INSERT OR IGNORE INTO tblPrincipalRole (prinRoleNodeID, prinRolePrinID, prinRoleTypeID, prinRoleUpdatedBy) VALUES",
                                     row: "(?, ?, ?, 1)")
        let scope = try BulkStatement(db, insert: "INSERT OR REPLACE INTO tblScopePrincipal (scopeNodeID, scopePrinID, scopeIsDenied, scopeUpdatedBy) VALUES",
                                      row: "(?, ?, ?, 1)")
        for category in plan.categories {
            if category.overwrites {
                // Queued rows land before the deletes, as they would one statement per row.
                try role.finish()
                try scope.finish()
                try db.cachedStatement(sql: """
                    UPDATE tblNode SET nodeName = ?, nodeDesc = ?, invite = ?, logged = ?, filePost = ?, nodeUpdatedBy = 1, nodeUpdatedOn = ? WHERE nodeID = ?
                    """).execute(arguments: [category.name, category.description, category.invitations, category.chatHistory, category.fileUpload,
                                     now, category.nodeID])
                try db.cachedStatement(sql: "DELETE FROM tblScopePrincipal WHERE scopeNodeID = ?").execute(arguments: [category.nodeID])
                try db.cachedStatement(sql: "DELETE FROM tblPrincipalRole WHERE prinRoleNodeID = ?").execute(arguments: [category.nodeID])
            } else {
                try db.cachedStatement(sql: """
                    INSERT INTO tblNode (nodeID, nodeGuid, parentID, nodeType, nodeName, nodeDesc, invite, logged, filePost,
                        nodeAddedBy, nodeAddedOn, nodeUpdatedBy, nodeUpdatedOn) VALUES (?, ?, 1, 1, ?, ?, ?, ?, ?, 1, ?, 1, ?)
                    """).execute(arguments: [category.nodeID, category.guid, category.name, category.description, category.invitations,
                                     category.chatHistory, category.fileUpload, category.addedOn ?? now, category.updatedOn ?? now])
            }
            for row in category.scope { try scope.run(.integer(category.nodeID), .integer(principalID(row.principalID)), .integer(row.denied ? 1 : 0)) }
            for creator in category.creators { try role.run(.integer(category.nodeID), .integer(principalID(creator)), .int(ExportedRole.creator)) }
        }
        for (index, room) in plan.rooms.enumerated() {
            let addin = room.addinID.flatMap { addinIDs[$0.lowercased()] }
            let invite: Int? = room.invite == false ? 0 : nil
            if room.overwrites {
                try role.finish()
                try db.cachedStatement(sql: """
                    UPDATE tblNode SET parentID = ?, nodeName = ?, nodeDesc = ?, invite = ?, logged = NULL, filePost = NULL, disabled = ?,
                        behavior = ?, visibility = ?, siopID = ?, nodeUpdatedBy = 1, nodeUpdatedOn = ? WHERE nodeID = ?
                    """).execute(arguments: [room.categoryNodeID, room.name, room.description, invite, room.disabled, room.behavior, room.visibility,
                                     addin, now, room.nodeID])
                try db.cachedStatement(sql: "DELETE FROM tblPrincipalRole WHERE prinRoleNodeID = ?").execute(arguments: [room.nodeID])
                if archive.has(ChatExportFormat.messages) {
                    try db.cachedStatement(sql: "DELETE FROM tblChat WHERE channelId = ?").execute(arguments: [room.nodeID])
                    try db.cachedStatement(sql: "DELETE FROM tblLastChatId WHERE nodeID = ?").execute(arguments: [room.nodeID])
                }
            } else {
                try db.cachedStatement(sql: """
                    INSERT INTO tblNode (nodeID, nodeGuid, parentID, nodeType, nodeName, nodeDesc, invite, disabled, behavior, visibility,
                        siopID, nodeAddedBy, nodeAddedOn, nodeUpdatedBy, nodeUpdatedOn) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 1, ?, 1, ?)
                    """).execute(arguments: [room.nodeID, room.guid, room.categoryNodeID, room.name, room.description, invite, room.disabled,
                                     room.behavior, room.visibility, addin, room.addedOn ?? now, room.updatedOn ?? now])
            }
            for row in room.roles { try role.run(.integer(room.nodeID), .integer(principalID(row.principalID)), .int(row.roleTypeID)) }
            if index % 1024 == 0 { phase.progress(index, of: plan.rooms.count) }
        }
        try role.finish()
        try scope.finish()
        phase.end(count: plan.newPrincipals.count + plan.categories.count + plan.rooms.count + plan.addins.count)
    }

    /// Persistent Chat has no federated types (6, 7, 11): such principals are kept only as the
    /// authors of history, as a user (6, 7) or a group (11); no list ever holds them.
    static func persistentChatType(_ typeID: Int) -> Int {
        switch typeID {
        case 6, 7: 5
        case 11: 9
        default: typeID
        }
    }

    // MARK: Messages

    /// Reads Messages.txt (decoded on a second thread, see `forEachMessageBatch`); with `db`
    /// inserts the messages, bytes as they are (`MessageInserter`).
    func streamMessages(into db: Database?, outcome: inout Outcome) throws {
        guard archive.has(ChatExportFormat.messages) else { return }
        let phase = MigrationPhase(db == nil ? "Checking messages" : "Writing messages", observer)
        let total = archive.manifest.partCounts[ChatExportFormat.messages] ?? 0
        var inserter = try db.map(MessageInserter.init)
        let authors = IDLookup(plan.principalIDs)
        var errors = 0
        var lastChatIDs: [Int64: Int64] = [:]
        var lastRoom = Int.min, lastRoomNode: Int64 = 0, lastRoomSkipped = false, lastRoomChatID = Int64.min
        var lastAuthor = Int.min, lastAuthorID: Int64 = 0
        func fail(_ item: String, _ message: String, id: String) {
            errors += 1
            if errors <= Self.listedMessageErrors {
                outcome.findings.append(MigrationFinding(.error, .sourceData, item: item, message, errorID: id))
            }
        }
        func leaveRoom() {
            if lastRoomNode != 0, lastRoomChatID > lastChatIDs[lastRoomNode, default: .min] { lastChatIDs[lastRoomNode] = lastRoomChatID }
        }
        try archive.forEachMessageBatch { batch in
            try batch.bytes.withUnsafeBufferPointer { bytes in
                for message in batch.items {
                    outcome.messagesRead += 1
                    if outcome.messagesRead % MigrationPhase.progressStride == 0 { phase.progress(outcome.messagesRead, of: total) }
                    if message.channelID != lastRoom {
                        leaveRoom()
                        lastRoom = message.channelID
                        lastRoomSkipped = plan.skippedRooms[message.channelID] != nil
                        lastRoomNode = plan.roomNodeIDs[message.channelID] ?? 0
                        lastRoomChatID = .min
                    }
                    if lastRoomSkipped {
                        outcome.messagesSkipped += 1
                        continue
                    }
                    guard lastRoomNode != 0 else {
                        if let path = plan.unplacedRooms[message.channelID] {
                            fail(path, "Messages.txt line \(message.line): the message's room is neither migrated by this import nor in the pool.", id: "MessageRoomNotInTarget")
                        } else {
                            fail("Messages.txt line \(message.line)", "the message names the room id \(message.channelID), which the export file does not contain.", id: "MessageRoomUnknown")
                        }
                        continue
                    }
                    if message.userID != lastAuthor {
                        lastAuthor = message.userID
                        lastAuthorID = authors[message.userID]
                    }
                    guard lastAuthorID != 0 else {
                        fail("Messages.txt line \(message.line)", "the message's author (principal id \(message.userID)) is not in the export file.", id: "MessageAuthorUnknown")
                        continue
                    }
                    let content = UnsafeBufferPointer(rebasing: bytes[message.content])
                    if message.hasFileLink { outcome.messagesWithFileLinks += 1 }
                    if inserter != nil, errors == 0 {
                        try inserter?.add(MessageInserter.Row(room: lastRoomNode, author: lastAuthorID, chatID: message.chatID, date: message.date,
                                                             isAlert: message.isAlert, content: content,
                                                             rtf: message.rtf.map { UnsafeBufferPointer(rebasing: bytes[$0]) },
                                                             line: message.line, sourceRoom: message.channelID))
                        if message.chatID > lastRoomChatID { lastRoomChatID = message.chatID }
                    }
                }
                // The queued rows point into this batch.
                try inserter?.flush()
            }
        }
        outcome.messagesWritten = inserter?.written ?? 0
        leaveRoom()
        if errors > Self.listedMessageErrors {
            outcome.findings.append(MigrationFinding(.error, .sourceData, item: ChatExportFormat.messages,
                                                     "\(errors - Self.listedMessageErrors) more messages have errors like the ones above.", errorID: "MessageErrors"))
        }
        phase.end(count: outcome.messagesRead)
        if let db, errors == 0 {
            let recording = MigrationPhase("Recording each room's last chatId", observer)
            let update = try BulkStatement(db, insert: "INSERT OR REPLACE INTO tblLastChatId (nodeID, lastChatID) VALUES",
                                           row: "(?, max(?, COALESCE((SELECT lastChatID FROM tblLastChatId WHERE nodeID = ?), 0)))")
            for (room, last) in lastChatIDs { try update.run(.integer(room), .integer(last), .integer(room)) }
            try update.finish()
            recording.end(count: lastChatIDs.count)
        }
    }
}

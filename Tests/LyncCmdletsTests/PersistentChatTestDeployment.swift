import Foundation
import GRDB
import LyncDeployment
import PSRuntime

/// The doc-examples topology (eight Persistent Chat pools, atl-cs-001 a Front End pool with a
/// collocated Persistent Chat role) with the users and groups the examples name.
enum PersistentChatTestDeployment {
    static let topology = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/topology/doc-examples.json")

    /// Publishes and enables the topology and creates the directory: Ken Myer and Pilar
    /// Ackerman (litwareinc.com), user1 and user2 (contoso.com SIP addresses), Ann in the OU
    /// NorthAmericaUsers, the group Finance in the OU ExternalUsers with Ann in it.
    static func deploy(_ f: DeploymentFixture) throws {
        let setup = try f.outcome("""
            Publish-CsTopology -FileName '\(topology.path)'
            Enable-CsTopology
            New-ADUser -Name "Ken Myer" -SamAccountName kenmyer -DisplayName "Ken Myer" -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:kenmyer@litwareinc.com'}
            New-ADUser -Name "Pilar Ackerman" -SamAccountName pilar -DisplayName "Pilar Ackerman" -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:pilar@litwareinc.com'}
            New-ADUser -Name "User One" -SamAccountName user1 -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:user1@contoso.com'}
            New-ADUser -Name "User Two" -SamAccountName user2 -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:user2@contoso.com'}
            New-ADUser -Name "Ann Beebe" -SamAccountName ann -Path "OU=NorthAmericaUsers,DC=litwareinc,DC=com" -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:ann@litwareinc.com'}
            New-ADGroup -Name Finance -GroupScope Global -Path "OU=ExternalUsers,DC=litwareinc,DC=com"
            Add-ADGroupMember -Identity Finance -Members ann
            """, user: "labadmin")
        guard setup.errors.isEmpty else { throw SetupFailure(message: setup.errors) }
    }

    struct SetupFailure: Error { let message: String }

    /// Runs a script with prompting off (the removals are High impact); output and error text.
    static func step(_ f: DeploymentFixture, _ script: String, user: String = "labadmin") throws -> (output: [String], errors: String) {
        try f.outcome("$ConfirmPreference = 'None'\n" + script, user: user)
    }

    /// The Persistent Chat database of a pool of the topology.
    static func database(_ f: DeploymentFixture, sqlStore: String, name: String = "mgc") throws -> PersistentChatDatabase {
        try PersistentChatDatabase.open(file: try f.home.databaseFile(instance: sqlStore, database: name))
    }

    static let atlCs = "atl-sql-001.litwareinc.com\\rtc"
    static let atlPersistentChat = "atl-sql-001.litwareinc.com\\persistentchat"

    /// Posts a message in a room, as `author` (who must already be provisioned in that database
    /// — any list that named them did that).
    static func post(_ database: PersistentChatDatabase, room: String, author: String, text: String, at date: Date) throws {
        try database.write { db in
            guard let room = try Int64.fetchOne(db, sql: "SELECT nodeID FROM tblNode WHERE nodeName = ? AND nodeType = 0", arguments: [room]),
                  let user = try Int64.fetchOne(db, sql: "SELECT prinID FROM tblPrincipal WHERE prinUri = ?", arguments: [author]) else {
                throw SetupFailure(message: "room \(room) or author \(author) missing")
            }
            let next = (try Int64.fetchOne(db, sql: "SELECT max(chatId) FROM tblChat WHERE channelId = ?", arguments: [room]) ?? 0) + 1
            try db.execute(sql: "INSERT INTO tblChat (channelId, chatId, chatDate, userId, content) VALUES (?, ?, ?, ?, ?)",
                           arguments: [room, next, NetTicks.from(date), user, text])
        }
    }

    static func messages(_ database: PersistentChatDatabase) throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT content FROM tblChat ORDER BY channelId, chatId") }
    }

    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }
}

import Foundation
import GRDB

/// Persistent Chat settings kept in the Central Management Store: policies (whether users may
/// use Persistent Chat — the global one starts disabled), configurations, and each pool's
/// failover state.
public enum PersistentChatSettings {
    public struct Policy: Sendable, Equatable {
        public var identity: String
        public var description: String?
        public var enablePersistentChat: Bool
    }

    public struct Configuration: Sendable, Equatable {
        public var identity: String
        public var defaultChatHistory: Int
        public var maxFileSizeKB: Int
        public var participantUpdateLimit: Int
        public var roomManagementUrl: String?
    }

    /// `Global`, `site:<name>` or `tag:<name>` (a bare name is a per-user policy: `tag:` is added).
    public static func policyIdentity(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace
        if trimmed.caseInsensitiveCompare("global") == .orderedSame { return "Global" }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("site:") { return "site:" + trimmed.dropFirst(5) }
        if lower.hasPrefix("tag:") { return "tag:" + trimmed.dropFirst(4) }
        return "tag:" + trimmed
    }

    // MARK: Policies

    public static func policies(in db: Database) throws -> [Policy] {
        try Row.fetchAll(db, sql: "SELECT * FROM persistentChatPolicy ORDER BY identity = 'Global' DESC, identity").map(policy)
    }

    public static func requirePolicy(_ identity: String, in db: Database) throws -> Policy {
        let key = policyIdentity(identity)
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM persistentChatPolicy WHERE identity = ?", arguments: [key]) else {
            throw DeploymentError.notFound("the Persistent Chat policy", key, id: "PolicyNotFound",
                                           hint: "Run Get-CsPersistentChatPolicy to list the policies.")
        }
        return policy(row)
    }

    public static func createPolicy(_ identity: String, description: String?, enable: Bool, in db: Database) throws -> Policy {
        let key = policyIdentity(identity)
        if key.lowercased().hasPrefix("site:") {
            let site = String(key.dropFirst(5))
            guard try String.fetchOne(db, sql: "SELECT name FROM site WHERE name = ?", arguments: [site]) != nil else {
                throw DeploymentError.notFound("the site", site, id: "SiteNotFound", hint: "Publish a topology that defines it.")
            }
        }
        if try Row.fetchOne(db, sql: "SELECT 1 FROM persistentChatPolicy WHERE identity = ?", arguments: [key]) != nil {
            throw DeploymentError.exists("the Persistent Chat policy", key, id: "PolicyAlreadyExists")
        }
        try db.execute(sql: "INSERT INTO persistentChatPolicy (identity, description, enablePersistentChat) VALUES (?, ?, ?)",
                       arguments: [key, description, enable])
        return try requirePolicy(key, in: db)
    }

    public static func updatePolicy(_ identity: String, description: String??, enable: Bool?, in db: Database) throws -> Policy {
        let current = try requirePolicy(identity, in: db)
        try db.execute(sql: "UPDATE persistentChatPolicy SET description = ?, enablePersistentChat = ? WHERE identity = ?",
                       arguments: [description ?? current.description, enable ?? current.enablePersistentChat, current.identity])
        return try requirePolicy(current.identity, in: db)
    }

    /// Removes a policy; the global one is reset to its defaults instead (it always exists).
    /// Users granted a removed per-user policy fall back to the site or global one.
    public static func removePolicy(_ identity: String, in db: Database) throws {
        let current = try requirePolicy(identity, in: db)
        if current.identity == "Global" {
            try db.execute(sql: "UPDATE persistentChatPolicy SET description = NULL, enablePersistentChat = 0 WHERE identity = 'Global'")
            return
        }
        try db.execute(sql: "DELETE FROM persistentChatPolicyAssignment WHERE policy = ?", arguments: [current.identity])
        try db.execute(sql: "DELETE FROM persistentChatPolicy WHERE identity = ?", arguments: [current.identity])
    }

    /// Assigns a per-user policy to a user, or (nil) removes the assignment.
    public static func grant(_ policyName: String?, toUser samAccountName: String, in db: Database) throws {
        guard let policyName else {
            try db.execute(sql: "DELETE FROM persistentChatPolicyAssignment WHERE samAccountName = ?", arguments: [samAccountName])
            return
        }
        let policy = try requirePolicy(policyName, in: db)
        guard policy.identity.hasPrefix("tag:") else {
            throw DeploymentError(.invalidArgument, id: "NotAPerUserPolicy",
                                  "'\(policy.identity)' is not a per-user policy; only per-user (tag:) policies can be granted. Global and site policies apply by themselves.",
                                  target: policy.identity)
        }
        try db.execute(sql: """
            INSERT INTO persistentChatPolicyAssignment (samAccountName, policy) VALUES (?, ?)
            ON CONFLICT(samAccountName) DO UPDATE SET policy = excluded.policy
            """, arguments: [samAccountName, policy.identity])
    }

    /// The per-user policy granted to a user, if any.
    public static func grantedPolicy(ofUser samAccountName: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT policy FROM persistentChatPolicyAssignment WHERE samAccountName = ?", arguments: [samAccountName])
    }

    // MARK: Configurations

    public static func configurations(in db: Database) throws -> [Configuration] {
        try Row.fetchAll(db, sql: "SELECT * FROM persistentChatConfiguration ORDER BY identity = 'Global' DESC, identity").map(configuration)
    }

    public static func requireConfiguration(_ identity: String, in db: Database) throws -> Configuration {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM persistentChatConfiguration WHERE identity = ?", arguments: [identity]) else {
            throw DeploymentError.notFound("the Persistent Chat configuration", identity, id: "ConfigurationNotFound")
        }
        return configuration(row)
    }

    /// Changes (creating when missing, for site and service scopes) a configuration. Chat
    /// history must be 1–500 messages.
    public static func setConfiguration(_ identity: String, defaultChatHistory: Int?, maxFileSizeKB: Int?, participantUpdateLimit: Int?,
                                        roomManagementUrl: String??, in db: Database) throws -> Configuration {
        if let history = defaultChatHistory, !(1...500).contains(history) {
            throw DeploymentError(.invalidArgument, id: "DefaultChatHistoryOutOfRange",
                                  "DefaultChatHistory must be between 1 and 500; \(history) is not.", target: String(history))
        }
        if let size = maxFileSizeKB, size < 0 {
            throw DeploymentError(.invalidArgument, id: "MaxFileSizeOutOfRange", "MaxFileSizeKB cannot be negative.")
        }
        if let limit = participantUpdateLimit, limit < 0 {
            throw DeploymentError(.invalidArgument, id: "ParticipantUpdateLimitOutOfRange", "ParticipantUpdateLimit cannot be negative.")
        }
        try db.execute(sql: "INSERT OR IGNORE INTO persistentChatConfiguration (identity) VALUES (?)", arguments: [identity])
        let current = try requireConfiguration(identity, in: db)
        try db.execute(sql: """
            UPDATE persistentChatConfiguration SET defaultChatHistory = ?, maxFileSizeKB = ?, participantUpdateLimit = ?,
                roomManagementUrl = ? WHERE identity = ?
            """, arguments: [defaultChatHistory ?? current.defaultChatHistory, maxFileSizeKB ?? current.maxFileSizeKB,
                             participantUpdateLimit ?? current.participantUpdateLimit,
                             roomManagementUrl ?? current.roomManagementUrl, current.identity])
        return try requireConfiguration(current.identity, in: db)
    }

    // MARK: Pool state

    /// `Normal` or `FailedOver`; a pool never set is Normal.
    public static func poolState(_ pool: String, in db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT poolState FROM persistentChatState WHERE pool = ?", arguments: [pool]) ?? "Normal"
    }

    public static func setPoolState(_ pool: String, _ state: String, in db: Database) throws {
        guard ["Normal", "FailedOver"].contains(state) else {
            throw DeploymentError(.invalidArgument, id: "InvalidPoolState", "'\(state)' is not a pool state; use Normal or FailedOver.", target: state)
        }
        try db.execute(sql: """
            INSERT INTO persistentChatState (pool, poolState, changedAt) VALUES (?, ?, ?)
            ON CONFLICT(pool) DO UPDATE SET poolState = excluded.poolState, changedAt = excluded.changedAt
            """, arguments: [pool, state, Date().timeIntervalSince1970])
    }

    private static func policy(_ row: Row) -> Policy {
        Policy(identity: row["identity"], description: row["description"], enablePersistentChat: row["enablePersistentChat"])
    }

    private static func configuration(_ row: Row) -> Configuration {
        Configuration(identity: row["identity"], defaultChatHistory: row["defaultChatHistory"], maxFileSizeKB: row["maxFileSizeKB"],
                      participantUpdateLimit: row["participantUpdateLimit"], roomManagementUrl: row["roomManagementUrl"])
    }
}

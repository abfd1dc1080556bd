import Foundation
import GRDB

/// A Unix login that the management endpoint maps to a directory user other than the one of the
/// same name (Set-CsManagementLogin).
public struct ManagementLogin: Sendable, Equatable {
    public let loginName: String
    public let samAccountName: String
    public let whenChanged: Date
    public let changedBy: String
}

/// The endpoint's identities: the kernel names the peer's Unix login, and this turns it into the
/// directory user the role check knows.
public enum ManagementLoginRepository {
    /// The directory user a login acts as: its mapping, else the user whose SamAccountName is
    /// the login name. Refused when there is no such user, or it is disabled.
    public static func authenticate(login: String, in db: Database) throws -> String {
        let mapped = try String.fetchOne(db, sql: "SELECT samAccountName FROM managementLogin WHERE loginName = ?", arguments: [login])
        let sam = mapped ?? login
        guard let row = try Row.fetchOne(db, sql: "SELECT samAccountName, enabled FROM directoryUser WHERE samAccountName = ? COLLATE NOCASE",
                                         arguments: [sam]) else {
            let how = mapped == nil ? "no directory user has the SamAccountName '\(sam)'" : "it is mapped to '\(sam)', which is no longer in the directory"
            throw DeploymentError(.permissionDenied, id: "ManagementLoginUnknown",
                                  "The login '\(login)' may not manage this deployment: \(how). An administrator can create the user (New-ADUser) or map the login with Set-CsManagementLogin.",
                                  target: login)
        }
        let name: String = row["samAccountName"]
        guard (row["enabled"] as Bool?) ?? false else {
            throw DeploymentError(.permissionDenied, id: "ManagementLoginDisabled",
                                  "The directory user '\(name)' (login '\(login)') is disabled, so it may not manage this deployment. An administrator can enable it with Enable-ADAccount.",
                                  target: login)
        }
        return name
    }

    /// Maps `login` to the directory user `samAccountName` (which must exist), replacing an
    /// earlier mapping.
    public static func set(login: String, samAccountName: String, changedBy: String, in db: Database) throws -> ManagementLogin {
        guard Self.isValidLoginName(login) else {
            throw DeploymentError(.invalidArgument, id: "InvalidLoginName",
                                  "'\(login)' is not a Unix login name: use letters, digits, '.', '_' and '-', at most 32 characters, not starting with '-'.",
                                  target: login)
        }
        guard let sam = try String.fetchOne(db, sql: "SELECT samAccountName FROM directoryUser WHERE samAccountName = ? COLLATE NOCASE",
                                            arguments: [samAccountName]) else {
            throw DeploymentError.notFound("a directory user", samAccountName, id: "UserNotFound",
                                           hint: "Map the login to an existing user (Get-ADUser lists them).")
        }
        let now = Date()
        try db.execute(sql: """
            INSERT INTO managementLogin (loginName, samAccountName, whenChanged, changedBy) VALUES (?, ?, ?, ?)
            ON CONFLICT(loginName) DO UPDATE SET samAccountName = excluded.samAccountName,
                whenChanged = excluded.whenChanged, changedBy = excluded.changedBy
            """, arguments: [login, sam, now.timeIntervalSince1970, changedBy])
        return ManagementLogin(loginName: login, samAccountName: sam, whenChanged: now, changedBy: changedBy)
    }

    /// Removes a login's mapping; false when it had none.
    public static func remove(login: String, in db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM managementLogin WHERE loginName = ?", arguments: [login])
        return db.changesCount > 0
    }

    /// Every mapping, by login name.
    public static func all(in db: Database) throws -> [ManagementLogin] {
        try Row.fetchAll(db, sql: "SELECT * FROM managementLogin ORDER BY loginName").map { row in
            ManagementLogin(loginName: row["loginName"], samAccountName: row["samAccountName"],
                            whenChanged: Date(timeIntervalSince1970: row["whenChanged"]), changedBy: row["changedBy"])
        }
    }

    /// Login names as useradd accepts them.
    static func isValidLoginName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 32 && !name.hasPrefix("-")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
}

import Foundation
import GRDB
import LyncDeployment
@testable import LyncCmdlets
import PSRuntime

extension DeploymentFixture {
    /// Adds a directory user (and any missing universal security groups) straight into the
    /// store, so RBAC tests do not depend on the directory cmdlets.
    func addUser(_ name: String, groups: [String] = []) throws {
        let store = try self.store()
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO directoryUser (samAccountName, objectGuid, sid, ou, name, enabled, whenCreated)
                VALUES (?, ?, ?, 'CN=Users', ?, 1, 0)
                """, arguments: [name, UUID().uuidString, try CentralManagementStore.newSid(in: db), name])
            for group in groups {
                try addGroupRow(group, in: db)
                try db.execute(sql: "INSERT INTO groupMember (groupName, memberKind, memberName) VALUES (?, 'user', ?)",
                               arguments: [group, name])
            }
        }
    }

    /// Creates a universal security group (if missing) and optionally nests it in `parent`.
    func addGroup(_ name: String, memberOf parent: String? = nil) throws {
        let store = try self.store()
        try store.write { db in
            try addGroupRow(name, in: db)
            if let parent {
                try addGroupRow(parent, in: db)
                try db.execute(sql: "INSERT INTO groupMember (groupName, memberKind, memberName) VALUES (?, 'group', ?)",
                               arguments: [parent, name])
            }
        }
    }

    private func addGroupRow(_ name: String, in db: Database) throws {
        guard try String.fetchOne(db, sql: "SELECT samAccountName FROM directoryGroup WHERE samAccountName = ?", arguments: [name]) == nil else { return }
        try db.execute(sql: """
            INSERT INTO directoryGroup (samAccountName, objectGuid, sid, ou, name, whenCreated)
            VALUES (?, ?, ?, 'CN=Users', ?, 0)
            """, arguments: [name, UUID().uuidString, try CentralManagementStore.newSid(in: db), name])
    }

    /// The identities of the roles in the store.
    func roleNames() throws -> [String] {
        try store().read { db in try String.fetchAll(db, sql: "SELECT identity FROM adminRole ORDER BY identity") }
    }

    /// The error text a script wrote.
    func errors(_ script: String, user: String = "labadmin", role: String? = nil) throws -> String {
        try run(script, user: user, role: role).host.text(of: .error)
    }

    /// A script's output joined into lines, with its errors, run as `user`.
    func outcome(_ script: String, user: String, role: String? = nil) throws -> (output: [String], errors: String) {
        let result = try run(script, user: user, role: role)
        return (result.values.map { LanguagePrimitives.toString($0, context: nil) }, result.host.text(of: .error))
    }
}

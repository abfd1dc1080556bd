import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("Directory repository: groups and nested membership")
struct DirectoryGroupTests {
    /// Users u1, u2 and groups A ⊃ {u1, B}, B ⊃ {u2, C}, C ⊃ {A} (a cycle back to A).
    func nestedStore() throws -> DirectoryTestStore {
        let t = try DirectoryTestStore()
        try t.store.write { db in
            let u1 = try DirectoryRepository.createUser(NewDirectoryUser(name: "u1"), in: db)
            let u2 = try DirectoryRepository.createUser(NewDirectoryUser(name: "u2"), in: db)
            let a = try DirectoryRepository.createGroup(NewDirectoryGroup(name: "A", groupScope: .universal), in: db)
            let b = try DirectoryRepository.createGroup(NewDirectoryGroup(name: "B", groupScope: .global), in: db)
            let c = try DirectoryRepository.createGroup(NewDirectoryGroup(name: "C", groupScope: .domainLocal, groupCategory: .distribution), in: db)
            try DirectoryRepository.addMember(.user(u1), to: a, in: db)
            try DirectoryRepository.addMember(.group(b), to: a, in: db)
            try DirectoryRepository.addMember(.user(u2), to: b, in: db)
            try DirectoryRepository.addMember(.group(c), to: b, in: db)
            try DirectoryRepository.addMember(.group(a), to: c, in: db)
        }
        return t
    }

    @Test("Direct and recursive members; recursion lists users once and survives cycles")
    func members() throws {
        let t = try nestedStore()
        try t.store.read { db in
            let a = try DirectoryRepository.requireGroup("a", in: db)
            try #expect(DirectoryRepository.members(of: a, in: db).map(\.samAccountName) == ["u1", "B"])
            try #expect(DirectoryRepository.members(of: a, recursive: true, in: db).map(\.samAccountName) == ["u1", "u2"])
            let c = try DirectoryRepository.requireGroup("C", in: db)
            try #expect(DirectoryRepository.members(of: c, recursive: true, in: db).map(\.samAccountName).sorted() == ["u1", "u2"])
        }
    }

    @Test("groupNames(ofUser:) is transitive and cycle-safe; isMember ignores case")
    func transitiveGroups() throws {
        let t = try nestedStore()
        try t.store.read { db in
            try #expect(DirectoryRepository.groupNames(ofUser: "u2", in: db) == ["A", "B", "C"])
            try #expect(DirectoryRepository.groupNames(ofUser: "U1", in: db) == ["A", "B", "C"])
            try #expect(DirectoryRepository.groupNames(ofUser: "labadmin", in: db) == ["RTCUniversalServerAdmins"])
            try #expect(DirectoryRepository.groupNames(ofUser: "nobody", in: db).isEmpty)
            try #expect(DirectoryRepository.isMember(user: "u2", ofGroup: "c", in: db))
            try #expect(DirectoryRepository.groupNames(ofGroup: "B", in: db) == ["A", "B", "C"])
        }
    }

    @Test("Groups resolve by SamAccountName, DN, GUID and SID and keep scope and category")
    func groupIdentity() throws {
        let t = try nestedStore()
        try t.store.read { db in
            let c = try DirectoryRepository.requireGroup("C", in: db)
            #expect(c.groupScope == .domainLocal && c.groupCategory == .distribution && !c.isBuiltin)
            for identity in ["c", "CN=C,CN=Users,DC=litwareinc,DC=com", c.objectGuid, c.sid, "LITWARE\\C"] {
                try #expect(DirectoryRepository.findGroup(identity, in: db)?.samAccountName == "C", "\(identity)")
            }
            try #expect(DirectoryRepository.requireGroup("CsAdministrator", in: db).isBuiltin)
            try #expect(DirectoryRepository.findPrincipal("u1", in: db)?.kind == "user")
            try #expect(DirectoryRepository.findPrincipal("B", in: db)?.kind == "group")
        }
    }

    @Test("Group account names may be longer than the 20 characters users are limited to")
    func longGroupNames() throws {
        let t = try DirectoryTestStore()
        let group = try t.store.write { db in
            try DirectoryRepository.createGroup(NewDirectoryGroup(name: "Persistent Chat Helpdesk Operators", groupScope: .universal), in: db)
        }
        #expect(group.samAccountName == "Persistent Chat Helpdesk Operators")
        let error = #expect(throws: DeploymentError.self) {
            try t.store.write { db in try DirectoryRepository.createUser(NewDirectoryUser(name: "u", samAccountName: String(repeating: "x", count: 21)), in: db) }
        }
        #expect(error?.id == "InvalidSamAccountName")
    }

    @Test("Membership rules: idempotent add, no self-membership, removing a non-member fails")
    func membershipRules() throws {
        let t = try nestedStore()
        try t.store.write { db in
            let a = try DirectoryRepository.requireGroup("A", in: db)
            try DirectoryRepository.addMember(.user(try DirectoryRepository.requireUser("u1", in: db)), to: a, in: db)
            try #expect(DirectoryRepository.members(of: a, in: db).count == 2)
            let selfError = #expect(throws: DeploymentError.self) { try DirectoryRepository.addMember(.group(a), to: a, in: db) }
            #expect(selfError?.id == "GroupCannotContainItself")
            let notMember = #expect(throws: DeploymentError.self) {
                try DirectoryRepository.removeMember(.user(try DirectoryRepository.requireUser("u2", in: db)), from: a, in: db)
            }
            #expect(notMember?.id == "NotAGroupMember")
        }
    }

    @Test("Removing a group drops its memberships both ways; built-in and role groups stay")
    func groupRemoval() throws {
        let t = try nestedStore()
        try t.store.write { db in try DirectoryRepository.removeGroup("B", in: db) }
        try t.store.read { db in
            try #expect(DirectoryRepository.findGroup("B", in: db) == nil)
            try #expect(Int.fetchOne(db, sql: "SELECT COUNT(*) FROM groupMember WHERE groupName = 'B' OR memberName = 'B'") == 0)
            try #expect(DirectoryRepository.groupNames(ofUser: "u2", in: db).isEmpty)
        }
        for builtin in ["RTCUniversalServerAdmins", "CsPersistentChatAdministrator"] {
            let error = #expect(throws: DeploymentError.self) { try t.store.write { db in try DirectoryRepository.removeGroup(builtin, in: db) } }
            #expect(error?.id == "BuiltinGroup")
        }
        try t.store.write { db in
            let g = try DirectoryRepository.createGroup(NewDirectoryGroup(name: "CustomRole", groupScope: .universal), in: db)
            try db.execute(sql: "INSERT INTO adminRole (identity, sid, template, isStandardRole) VALUES ('CustomRole', ?, 'CsHelpDesk', 0)",
                           arguments: [g.sid])
        }
        let roleError = #expect(throws: DeploymentError.self) { try t.store.write { db in try DirectoryRepository.removeGroup("CustomRole", in: db) } }
        #expect(roleError?.id == "GroupBacksAdminRole")
    }
}

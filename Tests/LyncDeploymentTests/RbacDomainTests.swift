import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("RBAC domain: catalog, roles, identities, audit")
struct RbacDomainTests {
    static let catalog = RoleCatalog(commands: [
        .init(name: "Get-CsPool", areaList: "Topology"),
        .init(name: "Publish-CsTopology", areaList: "Topology"),
        .init(name: "Stop-CsWindowsService", areaList: "Services"),
        .init(name: "Set-CsPersistentChatRoom", areaList: "PersistentChat"),
        .init(name: "Grant-CsPersistentChatPolicy", areaList: "PersistentChat, Users"),
        .init(name: "Search-CsAdminAuditLog", areaList: "RBAC"),
    ])

    static func store() throws -> (CentralManagementStore, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rbac-\(UUID().uuidString)")
        return (try CentralManagementStore.open(home: DeploymentHome(root: root), creator: "admin"), root)
    }

    @Test("Built-in roles: reads for all, their areas' changes, everything for CsAdministrator")
    func catalogLists() throws {
        let c = Self.catalog
        func cmdlets(_ role: String) throws -> [String] { c.cmdlets(of: try #require(BuiltinRoles.role(named: role))) }
        #expect(try cmdlets("CsAdministrator").count == 6)
        #expect(try cmdlets("CsHelpDesk") == ["Get-CsPool", "Search-CsAdminAuditLog"])
        #expect(try cmdlets("CsServerAdministrator") == ["Get-CsPool", "Search-CsAdminAuditLog", "Stop-CsWindowsService"])
        #expect(try cmdlets("CsPersistentChatAdministrator").contains("Grant-CsPersistentChatPolicy"))
        #expect(try cmdlets("CsUserAdministrator").contains("Grant-CsPersistentChatPolicy"))
        #expect(try !cmdlets("CsUserAdministrator").contains("Set-CsPersistentChatRoom"))
        #expect(c.command(named: "get-cspool")?.isReadOnly == true)
        #expect(BuiltinRoles.roles.count == 11)
    }

    @Test("Custom roles: created from a template for a universal security group, edited, removed")
    func customRoles() throws {
        let (store, root) = try Self.store()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = RoleRepository(catalog: Self.catalog)
        try store.write { db in
            try db.execute(sql: "INSERT INTO directoryGroup (samAccountName, objectGuid, sid, ou, name, whenCreated) VALUES ('Ops', 'g1', 'S-1-5-21-9-1', 'CN=Users', 'Ops', 0)")
            try db.execute(sql: "INSERT INTO directoryGroup (samAccountName, objectGuid, sid, ou, name, groupScope, whenCreated) VALUES ('Local', 'g2', 'S-1-5-21-9-2', 'CN=Users', 'Local', 'Global', 0)")
        }
        let role = try store.write { db in
            try repository.create(identity: "ops", template: "CsServerAdministrator", cmdlets: nil, scriptModules: [],
                                  configScopes: ["site:Redmond"], userScopes: [], in: db)
        }
        #expect(role.cmdlets == ["Get-CsPool", "Search-CsAdminAuditLog", "Stop-CsWindowsService"])
        #expect(role.sid == "S-1-5-21-9-1" && !role.isStandardRole && role.template == "CsServerAdministrator")
        #expect(role.configScopes == ["site:Redmond"] && role.userScopes == ["Global"])
        #expect(throws: DeploymentError.self) {
            try store.write { db in try repository.create(identity: "Local", template: "CsHelpDesk", cmdlets: nil, scriptModules: [], configScopes: [], userScopes: [], in: db) }
        }
        #expect(throws: DeploymentError.self) {
            try store.write { db in try repository.update("ops", cmdlets: ["Format-Table"], scriptModules: nil, configScopes: nil, userScopes: nil, in: db) }
        }
        let changed = try store.write { db in
            try repository.update("OPS", cmdlets: ["Name=Publish-CsTopology", "get-cspool"], scriptModules: nil, configScopes: nil, userScopes: nil, in: db)
        }
        #expect(changed.cmdlets == ["Get-CsPool", "Publish-CsTopology"])
        let error = try #require(throws: DeploymentError.self) {
            try store.write { db in try repository.remove("CsHelpDesk", in: db) }
        }
        #expect(error.id == "BuiltinRoleCannotBeRemoved")
        try store.write { db in try repository.remove("ops", in: db) }
        #expect(try store.read { try repository.role("ops", in: $0) } == nil)
    }

    @Test("Identities: nested groups carry roles; cycles end; the creator is a server administrator")
    func identities() throws {
        let (store, root) = try Self.store()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = RoleRepository(catalog: Self.catalog)
        try store.write { db in
            for (name, sid) in [("A", "1"), ("B", "2")] {
                try db.execute(sql: "INSERT INTO directoryGroup (samAccountName, objectGuid, sid, ou, name, whenCreated) VALUES (?, ?, ?, 'CN=Users', ?, 0)",
                               arguments: [name, "guid" + sid, "S-1-5-21-8-" + sid, name])
            }
            try db.execute(sql: """
                INSERT INTO groupMember VALUES ('A', 'user', 'ken');
                INSERT INTO groupMember VALUES ('B', 'group', 'A');
                INSERT INTO groupMember VALUES ('A', 'group', 'B');
                INSERT INTO groupMember VALUES ('CsHelpDesk', 'group', 'B');
                """)
        }
        let ken = try store.read { try SessionIdentity.resolve(userName: "KEN", roles: repository, in: $0) }
        #expect(ken.groups == ["a", "b", "cshelpdesk"])
        #expect(ken.roles.map(\.identity) == ["CsHelpDesk"])
        #expect(!ken.isServerAdministrator)
        let admin = try store.read { try SessionIdentity.resolve(userName: "admin", roles: repository, in: $0) }
        #expect(admin.isServerAdministrator && admin.roles.isEmpty)
    }

    @Test("Audit entries are appended, finished and searched newest first")
    func audit() throws {
        let (store, root) = try Self.store()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try store.write { db in
            try AuditLog.append(user: "ken", roles: ["CsHelpDesk"], command: "Remove-CsPool", parameters: [("Identity", "x")],
                                whatIf: false, outcome: .denied, detail: "no", in: db)
        }
        let second = try store.write { db in
            try AuditLog.append(user: "admin", roles: [], command: "Publish-CsTopology", parameters: [("FileName", "t.json")],
                                whatIf: true, outcome: .started, in: db)
        }
        try store.write { db in try AuditLog.finish(second, outcome: .succeeded, detail: nil, in: db) }
        let all = try store.read { try AuditLog.search(in: $0) }
        #expect(all.map(\.id) == [second, first])
        #expect(all.first?.outcome == "Succeeded" && all.first?.whatIf == true && all.first?.parameters == ["FileName": "t.json"])
        #expect(try store.read { try AuditLog.search(user: "KEN", in: $0) }.map(\.command) == ["Remove-CsPool"])
        #expect(try store.read { try AuditLog.search(commandPattern: { $0.hasPrefix("Publish") }, in: $0) }.count == 1)
        #expect(try store.read { try AuditLog.search(limit: 1, in: $0) }.count == 1)
        #expect(try store.read { try AuditLog.search(start: Date().addingTimeInterval(60), in: $0) }.isEmpty)
    }
}

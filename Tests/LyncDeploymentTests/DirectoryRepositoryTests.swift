import Foundation
import GRDB
import Testing
@testable import LyncDeployment

/// A throw-away store whose forest is litwareinc.com.
final class DirectoryTestStore {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dir-\(UUID().uuidString)")
    let store: CentralManagementStore

    init() throws {
        store = try CentralManagementStore.open(home: DeploymentHome(root: root), creator: "labadmin")
        try store.write { db in try CentralManagementStore.setSetting("ForestFqdn", "litwareinc.com", in: db) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Adds a Persistent Chat pool (and its site) as a published topology would.
    func addPool(_ fqdn: String, role: String = "PersistentChat") throws {
        try store.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO site (siteId, name) VALUES (1, 'Redmond')")
            try db.execute(sql: "INSERT INTO pool (fqdn, siteId, role) VALUES (?, 1, ?)", arguments: [fqdn, role])
        }
    }
}

@Suite("Directory repository: users, OUs and identities")
struct DirectoryRepositoryTests {
    @Test("A new user gets defaults: CN=Users, UPN sam@forest, a GUID and a SID of the domain")
    func defaults() throws {
        let t = try DirectoryTestStore()
        let user = try t.store.write { db in try DirectoryRepository.createUser(NewDirectoryUser(name: "Ken Myer", samAccountName: "kmyer"), in: db) }
        #expect(user.ou == "CN=Users")
        #expect(user.userPrincipalName == "kmyer@litwareinc.com")
        #expect(user.distinguishedName(forest: "litwareinc.com") == "CN=Ken Myer,CN=Users,DC=litwareinc,DC=com")
        #expect(user.sid.hasPrefix("S-1-5-21-"))
        #expect(UUID(uuidString: user.objectGuid) != nil)
        #expect(user.sipAddress == nil && !user.csEnabled && user.enabled)
    }

    @Test("Every identity form finds the user; display names only for Lync look-ups")
    func identityResolution() throws {
        let t = try DirectoryTestStore()
        let user = try t.store.write { db in
            try DirectoryRepository.createUser(NewDirectoryUser(name: "Ken Myer", samAccountName: "kmyer", displayName: "Ken M.",
                                                                path: "OU=Sales,DC=litwareinc,DC=com", sipAddress: "sip:ken@litwareinc.com"), in: db)
        }
        try t.store.read { db in
            for identity in ["kmyer", "KMYER", "CN=Ken Myer,OU=Sales,DC=litwareinc,DC=com", "CN=Ken Myer, OU=Sales, DC=litwareinc, DC=com",
                             user.objectGuid.uppercased(), "{\(user.objectGuid)}", user.sid] {
                try #expect(DirectoryRepository.findUser(identity, in: db)?.samAccountName == "kmyer", "\(identity)")
            }
            for identity in ["sip:ken@litwareinc.com", "SIP:KEN@litwareinc.com", "ken@litwareinc.com", "kmyer@litwareinc.com",
                             "LITWARE\\kmyer", "Ken M."] {
                try #expect(DirectoryRepository.findUser(identity, forms: .lync, in: db)?.samAccountName == "kmyer", "\(identity)")
            }
            try #expect(DirectoryRepository.findUser("Ken M.", in: db) == nil)
            try #expect(DirectoryRepository.findUser("CN=Ken Myer,OU=Other,DC=litwareinc,DC=com", in: db) == nil)
            #expect(throws: DeploymentError.self) { try DirectoryRepository.requireUser("nobody", in: db) }
        }
    }

    @Test("OUs are created on demand with their parents; bad paths and other forests are refused")
    func organizationalUnits() throws {
        let t = try DirectoryTestStore()
        _ = try t.store.write { db in
            try DirectoryRepository.createUser(NewDirectoryUser(name: "a", path: "OU=Pilot,OU=Tenants,DC=litwareinc,DC=com"), in: db)
            try DirectoryRepository.createUser(NewDirectoryUser(name: "b", path: "OU=Sales"), in: db)
        }
        let ous = try t.store.read { db in try DirectoryRepository.organizationalUnits(in: db) }
        #expect(ous == ["CN=Users", "OU=Pilot,OU=Tenants", "OU=Sales", "OU=Tenants"])
        for bad in ["OU=X,DC=fabrikam,DC=com", "Sales", "OU=,DC=litwareinc,DC=com", "DC=litwareinc,DC=com"] {
            let error = #expect(throws: DeploymentError.self) {
                try t.store.write { db in try DirectoryRepository.createUser(NewDirectoryUser(name: "c", path: bad), in: db) }
            }
            #expect(error?.id == "InvalidOrganizationalUnit", "\(bad)")
        }
        try #expect(t.store.read { db in try DirectoryRepository.userExists("c", in: db) } == false)
    }

    @Test("SamAccountNames, UPNs and DNs are unique; SamAccountNames are shared with groups")
    func uniqueness() throws {
        let t = try DirectoryTestStore()
        _ = try t.store.write { db in try DirectoryRepository.createUser(NewDirectoryUser(name: "Ken Myer", samAccountName: "kmyer"), in: db) }
        func failure(_ spec: NewDirectoryUser) -> String? {
            (#expect(throws: DeploymentError.self) { try t.store.write { db in try DirectoryRepository.createUser(spec, in: db) } })?.id
        }
        #expect(failure(NewDirectoryUser(name: "Other", samAccountName: "KMYER")) == "AccountNameInUse")
        #expect(failure(NewDirectoryUser(name: "Ken Myer", samAccountName: "kmyer2")) == "DistinguishedNameInUse")
        #expect(failure(NewDirectoryUser(name: "x", samAccountName: "x", userPrincipalName: "KMYER@litwareinc.com")) == "UserPrincipalNameInUse")
        #expect(failure(NewDirectoryUser(name: "y", samAccountName: "CsAdministrator")) == "AccountNameInUse")
        #expect(failure(NewDirectoryUser(name: "z", samAccountName: "bad/name")) == "InvalidSamAccountName")
        #expect(failure(NewDirectoryUser(name: "   ")) == "InvalidName")
    }

    @Test("SIP addresses are normalised, must be well formed and are unique across users and contacts")
    func sipAddresses() throws {
        let t = try DirectoryTestStore()
        try t.addPool("atl-pcpool-001.litwareinc.com")
        let user = try t.store.write { db in
            try DirectoryRepository.createUser(NewDirectoryUser(name: "ocschat", sipAddress: "ocschat@litwareinc.com"), in: db)
        }
        #expect(user.sipAddress == "sip:ocschat@litwareinc.com" && user.csEnabled)
        _ = try t.store.write { db in
            _ = try EndpointRepository.create(sipAddress: "sip:pce@litwareinc.com", pool: "atl-pcpool-001.litwareinc.com", displayName: nil, in: db)
        }
        let taken = #expect(throws: DeploymentError.self) {
            try t.store.write { db in try DirectoryRepository.createUser(NewDirectoryUser(name: "p", sipAddress: "SIP:PCE@litwareinc.com"), in: db) }
        }
        #expect(taken?.id == "SipAddressInUse")
        #expect(taken?.message.contains("Persistent Chat endpoint") == true)
        let bad = #expect(throws: DeploymentError.self) {
            try t.store.write { db in try DirectoryRepository.createUser(NewDirectoryUser(name: "q", sipAddress: "sip:nodomain"), in: db) }
        }
        #expect(bad?.id == "InvalidSipAddress")
    }

    @Test("Removing a user removes its memberships; Disable-CsUser keeps the account but frees the address")
    func removalAndDisable() throws {
        let t = try DirectoryTestStore()
        _ = try t.store.write { db in
            let user = try DirectoryRepository.createUser(NewDirectoryUser(name: "ocschat", sipAddress: "sip:ocschat@litwareinc.com"), in: db)
            try DirectoryRepository.addMember(.user(user), to: try DirectoryRepository.requireGroup("CsHelpDesk", in: db), in: db)
            try DirectoryRepository.createUser(NewDirectoryUser(name: "kmyer", sipAddress: "sip:kmyer@litwareinc.com", registrarPool: "fe.litwareinc.com"), in: db)
        }
        try t.store.write { db in try DirectoryRepository.removeUser("OCSCHAT", in: db) }
        try t.store.read { db in
            try #expect(DirectoryRepository.userExists("ocschat", in: db) == false)
            try #expect(Int.fetchOne(db, sql: "SELECT COUNT(*) FROM groupMember WHERE memberName = 'ocschat'") == 0)
            try #expect(SipAddressRegistry.holder(of: "sip:ocschat@litwareinc.com", in: db) == nil)
        }
        let disabled = try t.store.write { db in try DirectoryRepository.disableForLync("kmyer", in: db) }
        #expect(disabled.sipAddress == nil && !disabled.csEnabled && disabled.registrarPool == nil)
        try #expect(t.store.read { db in try DirectoryRepository.userExists("kmyer", in: db) })
        #expect(throws: DeploymentError.self) { try t.store.write { db in try DirectoryRepository.removeUser("nobody", in: db) } }
    }
}

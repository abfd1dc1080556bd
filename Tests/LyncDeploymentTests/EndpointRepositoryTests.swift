import Foundation
import GRDB
import Testing
@testable import LyncDeployment

@Suite("Persistent Chat endpoint repository")
struct EndpointRepositoryTests {
    @Test("Creating needs a published topology with that Persistent Chat pool")
    func poolRules() throws {
        let t = try DirectoryTestStore()
        func failure(_ pool: String) -> DeploymentError? {
            #expect(throws: DeploymentError.self) {
                try t.store.write { db in try EndpointRepository.create(sipAddress: "sip:pce@litwareinc.com", pool: pool, displayName: nil, in: db) }
            }
        }
        #expect(failure("atl-pcpool-001.litwareinc.com")?.id == "TopologyNotPublished")
        try t.addPool("atl-cs-001.litwareinc.com", role: "Registrar")
        #expect(failure("atl-pcpool-001.litwareinc.com")?.message.contains("has no Persistent Chat pool") == true)
        #expect(failure("atl-cs-001.litwareinc.com")?.id == "NotAPersistentChatPool")
        try t.addPool("atl-pcpool-001.litwareinc.com")
        #expect(failure("atl-pcpool-002.litwareinc.com")?.message.contains("atl-pcpool-001.litwareinc.com") == true)
        let endpoint = try t.store.write { db in
            try EndpointRepository.create(sipAddress: "pce@litwareinc.com", pool: "ATL-PCPOOL-001.litwareinc.com", displayName: " PCE ", in: db)
        }
        #expect(endpoint.sipAddress == "sip:pce@litwareinc.com")
        #expect(endpoint.pool == "atl-pcpool-001.litwareinc.com")
        #expect(endpoint.displayName == "PCE")
        #expect(endpoint.distinguishedName(forest: "litwareinc.com")
                == "CN={\(endpoint.objectGuid)},CN=Application Contacts,CN=RTC Service,CN=Services,CN=Configuration,DC=litwareinc,DC=com")
    }

    @Test("The Lookup account's address is refused until the account is gone (migration order)")
    func migrationOrder() throws {
        let t = try DirectoryTestStore()
        try t.addPool("atl-pcpool-001.litwareinc.com")
        _ = try t.store.write { db in
            try DirectoryRepository.createUser(NewDirectoryUser(name: "ocschat", sipAddress: "sip:ocschat@litwareinc.com"), in: db)
        }
        let error = #expect(throws: DeploymentError.self) {
            try t.store.write { db in
                try EndpointRepository.create(sipAddress: "sip:ocschat@litwareinc.com", pool: "atl-pcpool-001.litwareinc.com", displayName: nil, in: db)
            }
        }
        #expect(error?.id == "SipAddressInUse")
        #expect(error?.message.contains("the user 'ocschat'") == true)
        try t.store.write { db in try DirectoryRepository.removeUser("ocschat", in: db) }
        _ = try t.store.write { db in
            _ = try EndpointRepository.create(sipAddress: "sip:ocschat@litwareinc.com", pool: "atl-pcpool-001.litwareinc.com", displayName: nil, in: db)
        }
        let again = #expect(throws: DeploymentError.self) {
            try t.store.write { db in try DirectoryRepository.createUser(NewDirectoryUser(name: "ocschat", sipAddress: "sip:ocschat@litwareinc.com"), in: db) }
        }
        #expect(again?.id == "SipAddressInUse")
        try #expect(t.store.read { db in try DirectoryRepository.userExists("ocschat", in: db) } == false)
    }

    @Test("Endpoints are found by SIP address, display name, DN and GUID, listed by pool and removed")
    func lookUpAndRemove() throws {
        let t = try DirectoryTestStore()
        try t.addPool("pc1.litwareinc.com")
        try t.addPool("pc2.litwareinc.com")
        let (one, _) = try t.store.write { db in
            (try EndpointRepository.create(sipAddress: "sip:a@litwareinc.com", pool: "pc1.litwareinc.com", displayName: "Chat", in: db),
             try EndpointRepository.create(sipAddress: "sip:b@litwareinc.com", pool: "pc2.litwareinc.com", displayName: "Chat", in: db))
        }
        try t.store.read { db in
            let dn = one.distinguishedName(forest: "litwareinc.com")
            for identity in ["sip:a@litwareinc.com", "SIP:A@LITWAREINC.COM", "a@litwareinc.com", dn,
                             dn.replacingOccurrences(of: ",", with: ", "), one.objectGuid] {
                try #expect(EndpointRepository.find(identity, in: db).map(\.objectGuid) == [one.objectGuid], "\(identity)")
            }
            try #expect(EndpointRepository.find("chat", in: db).count == 2)
            #expect(throws: DeploymentError.self) { try EndpointRepository.require("Chat", in: db) }
            try #expect(EndpointRepository.endpoints(pool: "PC2.litwareinc.com", in: db).map(\.sipAddress) == ["sip:b@litwareinc.com"])
            try #expect(EndpointRepository.endpoints(in: db).count == 2)
            try #expect(EndpointRepository.persistentChatPools(in: db) == ["pc1.litwareinc.com", "pc2.litwareinc.com"])
        }
        try t.store.write { db in try EndpointRepository.remove(objectGuid: one.objectGuid, in: db) }
        try #expect(t.store.read { db in try EndpointRepository.endpoints(in: db).count } == 1)
        #expect(throws: DeploymentError.self) { try t.store.write { db in try EndpointRepository.remove(objectGuid: one.objectGuid, in: db) } }
    }
}

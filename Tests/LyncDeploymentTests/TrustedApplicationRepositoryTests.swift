import Foundation
import Testing
@testable import LyncDeployment

@Suite("Trusted applications and their service entries")
struct TrustedApplicationRepositoryTests {
    @Test("Identities take the id with or without urn:application:")
    func identities() throws {
        #expect(try TrustedApplicationNames.parseApplicationIdentity("TrustPool.litwareinc.com/tapp2") == ("TrustPool.litwareinc.com", "tapp2"))
        #expect(try TrustedApplicationNames.parseApplicationIdentity("TrustPool.litwareinc.com/urn:application:tapp2").applicationId == "tapp2")
        #expect(try TrustedApplicationNames.parseApplicationIdentity("TrustedApplicationPool:a.b.c/x").pool == "a.b.c")
        expectDeploymentError("InvalidTrustedApplicationIdentity") { _ = try TrustedApplicationNames.parseApplicationIdentity("tapp2") }
        expectDeploymentError("InvalidTrustedApplicationIdentity") { _ = try TrustedApplicationNames.parseApplicationIdentity("pool/") }
    }

    @Test("Creating an application creates its Trusted Service Entry and GRUUs per computer")
    func create() throws {
        let t = try TrustedApplicationTestStore()
        try t.pool("TrustPool.litwareinc.com", computer: "AppServer.litwareinc.com")
        let app = try t.application("urn:application:tapp1", port: 6000)
        #expect(app.identity == "TrustPool.litwareinc.com/urn:application:tapp1")
        #expect(app.protocolName == "Mtls")
        #expect(app.computerGruus.count == 1)
        #expect(app.computerGruus[0].hasPrefix("sip:AppServer.litwareinc.com@litwareinc.com;gruu;opaque=srvr:tapp1:"))
        #expect(app.serviceGruu.hasPrefix("sip:TrustPool.litwareinc.com@litwareinc.com;gruu;opaque=srvr:tapp1:"))
        #expect(app.serviceEntryGuid != nil)
        #expect(try t.count("SELECT COUNT(*) FROM trustedServiceEntry WHERE applicationId = 'tapp1'") == 1)
        // The same application gets the same GRUUs every time.
        #expect(try t.repository.application("TrustPool.litwareinc.com/tapp1").serviceGruu == app.serviceGruu)
    }

    @Test("-EnableTcp makes the protocol Tcp; the legacy name is kept")
    func tcp() throws {
        let t = try TrustedApplicationTestStore()
        try t.pool("TrustPool.litwareinc.com")
        let app = try #require(try t.repository.newApplication(pool: "TrustPool.litwareinc.com", applicationId: "gw", port: 5065,
                                                               enableTcp: true, legacyApplicationName: "legacy") { true })
        #expect(app.protocolName == "Tcp" && app.legacyApplicationName == "legacy")
    }

    @Test("Application ids are unique per pool; the same id may live on another pool")
    func uniqueIds() throws {
        let t = try TrustedApplicationTestStore()
        try t.pool("TrustPool.litwareinc.com")
        try t.pool("Other.litwareinc.com")
        try t.application("tapp1", port: 6000)
        expectDeploymentError("TrustedApplicationExists") { try t.application("TAPP1", port: 6001) }
        #expect(try t.application("tapp1", pool: "Other.litwareinc.com", port: 6000).pool == "Other.litwareinc.com")
    }

    @Test("Ports are 1–65535 and unique per pool")
    func ports() throws {
        let t = try TrustedApplicationTestStore()
        try t.pool("TrustPool.litwareinc.com")
        try t.application("tapp1", port: 6000)
        expectDeploymentError("TrustedApplicationPortInUse") { try t.application("tapp2", port: 6000) }
        expectDeploymentError("PortOutOfRange") { try t.application("tapp2", port: 0) }
        expectDeploymentError("PortOutOfRange") { try t.application("tapp2", port: 70000) }
        expectDeploymentError("InvalidApplicationId") { try t.application("my app", port: 6001) }
        expectDeploymentError("TrustedApplicationPoolNotFound") { try t.application("tapp2", pool: "192.169.0.240", port: 5065) }
        #expect(try t.count("SELECT COUNT(*) FROM trustedApplication") == 1)
        #expect(try t.count("SELECT COUNT(*) FROM trustedServiceEntry") == 1)
    }

    @Test("Set moves the port, refusing one another application uses")
    func setPort() throws {
        let t = try TrustedApplicationTestStore()
        try t.pool("TrustPool.litwareinc.com")
        try t.application("tapp1", port: 6000)
        try t.application("tapp2", port: 6100)
        expectDeploymentError("TrustedApplicationPortInUse") { _ = try t.repository.setApplication("TrustPool.litwareinc.com/tapp2", port: 6000) { true } }
        #expect(try t.repository.setApplication("TrustPool.litwareinc.com/tapp2", port: 6100) { true }?.port == 6100)
        #expect(try t.repository.setApplication("TrustPool.litwareinc.com/urn:application:tapp2", port: 6200) { true }?.port == 6200)
        #expect(try t.repository.setApplication("TrustPool.litwareinc.com/tapp2", port: 6300) { false } == nil)
        #expect(try t.repository.application("TrustPool.litwareinc.com/tapp2").port == 6200)
        expectDeploymentError("TrustedApplicationNotFound") { _ = try t.repository.setApplication("TrustPool.litwareinc.com/none", port: 1) { true } }
    }

    @Test("Removing an application deletes its service entry and its endpoints, nothing else")
    func remove() throws {
        let t = try TrustedApplicationTestStore()
        try t.pool("TrustPool.litwareinc.com")
        try t.application("tapp1", port: 6000)
        try t.application("tapp2", port: 6100)
        try t.endpoint("tapp1", sip: "sip:one@litwareinc.com")
        try t.endpoint("tapp2", sip: "sip:two@litwareinc.com")
        #expect(try t.repository.endpointCount(ofApplication: "TrustPool.litwareinc.com/tapp1") == 1)
        #expect(try t.repository.removeApplication("TrustPool.litwareinc.com/tapp1") { false } == false)
        #expect(try t.count("SELECT COUNT(*) FROM trustedApplication") == 2)
        #expect(try t.repository.removeApplication("TrustPool.litwareinc.com/urn:application:tapp1") { true })
        #expect(try t.repository.applications().map(\.applicationId) == ["tapp2"])
        #expect(try t.count("SELECT COUNT(*) FROM trustedServiceEntry") == 1)
        #expect(try t.repository.endpoints().map(\.sipAddress) == ["sip:two@litwareinc.com"])
        expectDeploymentError("TrustedApplicationNotFound") { _ = try t.repository.removeApplication("TrustPool.litwareinc.com/tapp1") { true } }
    }

    @Test("Decommissioning Group Chat: remove the application, then the pool; no service entry is left")
    func decommissionGroupChat() throws {
        let t = try TrustedApplicationTestStore()
        try t.publishTopology()
        // The legacy Group Chat pool is in the topology and was registered as a trusted pool too.
        try t.store.write { db in
            try db.execute(sql: """
                INSERT INTO pool (fqdn, siteId, role) VALUES ('gc.litwareinc.com', 1, 'GroupChat');
                INSERT INTO computer (fqdn, pool) VALUES ('gc.litwareinc.com', 'gc.litwareinc.com');
                """)
        }
        try t.pool("gc.litwareinc.com", site: "Redmond")
        try t.application("GroupChat", pool: "gc.litwareinc.com", port: 5041)
        #expect(try t.count("SELECT COUNT(*) FROM trustedServiceEntry") == 1)
        #expect(try t.repository.removeApplication("gc.litwareinc.com/GroupChat") { true })
        #expect(try t.repository.removePool("gc.litwareinc.com") { _ in true } != nil)
        #expect(try t.count("SELECT COUNT(*) FROM trustedServiceEntry") == 0)
        #expect(try t.count("SELECT COUNT(*) FROM trustedApplicationPool") == 0)
        #expect(try t.count("SELECT COUNT(*) FROM trustedApplicationComputer") == 0)
    }
}

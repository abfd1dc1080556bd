import Foundation
import Testing
@testable import LyncDeployment

@Suite("Trusted application pools")
struct TrustedApplicationPoolTests {
    @Test("A new pool gets the documented defaults, its own FQDN as computer and a service id")
    func defaults() throws {
        let t = try TrustedApplicationTestStore()
        let pool = try t.pool("TrustPool.litwareinc.com")
        #expect(pool.identity == "TrustedApplicationPool:TrustPool.litwareinc.com")
        #expect(pool.registrar == "Registrar:pool0.litwareinc.com")
        #expect(pool.computers == ["TrustPool.litwareinc.com"])
        #expect(pool.serviceId == "0-ExternalServer-1")
        #expect(!pool.outboundOnly && pool.requiresReplication && pool.throttleAsServer && pool.treatAsAuthenticated)
        #expect(pool.audioPortCount == 0 && pool.audioPortStart == nil)
    }

    @Test("Pools are found by FQDN, TrustedApplicationPool: identity and service id, case-insensitively")
    func lookups() throws {
        let t = try TrustedApplicationTestStore()
        try t.pool("TrustPool.litwareinc.com")
        #expect(try t.repository.pool("trustpool.LITWAREINC.com").fqdn == "TrustPool.litwareinc.com")
        #expect(try t.repository.pool("TrustedApplicationPool:TrustPool.litwareinc.com").fqdn == "TrustPool.litwareinc.com")
        #expect(try t.repository.pool("0-ExternalServer-1").fqdn == "TrustPool.litwareinc.com")
        expectDeploymentError("TrustedApplicationPoolNotFound") { _ = try t.repository.pool("other.litwareinc.com") }
    }

    @Test("Service numbers count per site")
    func serviceNumbers() throws {
        let t = try TrustedApplicationTestStore()
        try t.publishTopology()
        #expect(try t.pool("a.litwareinc.com", site: "Redmond").serviceId == "1-ExternalServer-1")
        #expect(try t.pool("b.litwareinc.com", site: "site:Redmond").serviceId == "1-ExternalServer-2")
        let dublin = try t.pool("c.litwareinc.com", registrar: "dub-cs-001.litwareinc.com", site: "2")
        #expect(dublin.serviceId == "2-ExternalServer-1")
        #expect(dublin.siteIdentity == "Site:Dublin")
    }

    @Test("Without -Site the pool joins its registrar's site")
    func siteFromRegistrar() throws {
        let t = try TrustedApplicationTestStore()
        try t.publishTopology()
        let pool = try t.pool("a.litwareinc.com", registrar: "dub-cs-001.litwareinc.com")
        #expect(pool.siteId == 2)
    }

    @Test("An FQDN that is already a trusted or topology pool is refused")
    func duplicates() throws {
        let t = try TrustedApplicationTestStore()
        try t.publishTopology()
        try t.pool("TrustPool.litwareinc.com")
        expectDeploymentError("TrustedApplicationPoolExists") { try t.pool("TRUSTPOOL.litwareinc.com") }
        expectDeploymentError("PoolExistsInTopology") { try t.pool("pool0.litwareinc.com") }
        #expect(try t.count("SELECT COUNT(*) FROM trustedApplicationPool") == 1)
    }

    @Test("Malformed FQDNs are refused; IP addresses are accepted")
    func fqdnForm() throws {
        let t = try TrustedApplicationTestStore()
        expectDeploymentError("InvalidFqdn") { try t.pool("bad name.litwareinc.com") }
        expectDeploymentError("InvalidFqdn") { try t.pool("a..b") }
        expectDeploymentError("InvalidFqdn") { try t.pool("a.litwareinc.com", computer: "x/y") }
        #expect(try t.pool("192.168.0.240").fqdn == "192.168.0.240")
    }

    @Test("With a published topology the registrar must be one of its Front End pools")
    func registrarRules() throws {
        let t = try TrustedApplicationTestStore()
        try t.publishTopology()
        expectDeploymentError("RegistrarNotFound") { try t.pool("a.litwareinc.com", registrar: "nowhere.litwareinc.com") }
        expectDeploymentError("PoolIsNotRegistrar") { try t.pool("a.litwareinc.com", registrar: "edge.litwareinc.com") }
        expectDeploymentError("InvalidRegistrar") { try t.pool("a.litwareinc.com", registrar: "Registrar:") }
        let pool = try t.pool("a.litwareinc.com", registrar: "Registrar:POOL0.litwareinc.com")
        #expect(pool.registrar == "Registrar:pool0.litwareinc.com")
    }

    @Test("Before a topology is published any registrar FQDN is kept, with the Registrar: prefix")
    func registrarBeforeTopology() throws {
        let t = try TrustedApplicationTestStore()
        #expect(try t.pool("a.contoso.net", registrar: "registrar1.contoso.net").registrar == "Registrar:registrar1.contoso.net")
    }

    @Test("Sites: name, site:name or id of the topology; before one only a numeric id")
    func siteRules() throws {
        let t = try TrustedApplicationTestStore()
        expectDeploymentError("SiteNotFound") { try t.pool("a.litwareinc.com", site: "Redmond") }
        #expect(try t.pool("b.litwareinc.com", site: "7").siteId == 7)
        try t.publishTopology()
        expectDeploymentError("SiteNotFound") { try t.pool("c.litwareinc.com", site: "Paris") }
        expectDeploymentError("SiteNotFound") { try t.pool("c.litwareinc.com", site: "7") }
        #expect(try t.pool("c.litwareinc.com", site: "redmond").siteName == "Redmond")
    }

    @Test("-ComputerFqdn names the first computer; a computer belongs to one pool")
    func computers() throws {
        let t = try TrustedApplicationTestStore()
        try t.publishTopology()
        #expect(try t.pool("TrustPool.litwareinc.com", computer: "AppServer.litwareinc.com").computers == ["AppServer.litwareinc.com"])
        expectDeploymentError("TrustedApplicationComputerExists") { try t.pool("b.litwareinc.com", computer: "appserver.litwareinc.com") }
        expectDeploymentError("ComputerExistsInTopology") { try t.pool("b.litwareinc.com", computer: "fe1.litwareinc.com") }
    }

    @Test("Port ranges are checked on create and on change")
    func portRanges() throws {
        let t = try TrustedApplicationTestStore()
        var settings = TrustedApplicationPoolSettings(fqdn: "a.litwareinc.com")
        settings.ports.audioPortStart = 0
        expectDeploymentError("PortOutOfRange") { _ = try t.repository.newPool(settings) { true } }
        settings.ports.audioPortStart = 65000
        settings.ports.audioPortCount = 1000
        expectDeploymentError("PortRangeOutOfRange") { _ = try t.repository.newPool(settings) { true } }
        settings.ports.audioPortCount = 500
        let pool = try #require(try t.repository.newPool(settings) { true })
        #expect(pool.audioPortStart == 65000 && pool.audioPortCount == 500)
        var changes = TrustedApplicationPoolChanges()
        changes.ports.audioPortCount = 600
        expectDeploymentError("PortRangeOutOfRange") { _ = try t.repository.setPool("a.litwareinc.com", changes) { true } }
        changes.ports.videoPortCount = 70000
        changes.ports.audioPortCount = nil
        expectDeploymentError("PortOutOfRange") { _ = try t.repository.setPool("a.litwareinc.com", changes) { true } }
    }

    @Test("Set changes only what it is given; the registrar is validated")
    func setPool() throws {
        let t = try TrustedApplicationTestStore()
        try t.publishTopology()
        try t.pool("TrustPool.litwareinc.com")
        var changes = TrustedApplicationPoolChanges()
        changes.outboundOnly = true
        changes.ports.videoPortStart = 20000
        let changed = try #require(try t.repository.setPool("TrustPool.litwareinc.com", changes) { true })
        #expect(changed.outboundOnly && changed.videoPortStart == 20000 && changed.requiresReplication)
        #expect(changed.registrar == "Registrar:pool0.litwareinc.com")
        changes.registrar = "atl-cs-001.litwareinc.com"
        #expect(try t.repository.setPool("TrustPool.litwareinc.com", changes) { true }?.registrar == "Registrar:atl-cs-001.litwareinc.com")
        changes.registrar = "edge.litwareinc.com"
        expectDeploymentError("PoolIsNotRegistrar") { _ = try t.repository.setPool("TrustPool.litwareinc.com", changes) { true } }
    }

    @Test("Declining (WhatIf) writes nothing")
    func declined() throws {
        let t = try TrustedApplicationTestStore()
        #expect(try t.repository.newPool(TrustedApplicationPoolSettings(fqdn: "a.litwareinc.com")) { false } == nil)
        #expect(try t.count("SELECT COUNT(*) FROM trustedApplicationPool") == 0)
        try t.pool("b.litwareinc.com")
        var changes = TrustedApplicationPoolChanges()
        changes.outboundOnly = true
        #expect(try t.repository.setPool("b.litwareinc.com", changes) { false } == nil)
        #expect(try t.repository.pool("b.litwareinc.com").outboundOnly == false)
        #expect(try t.repository.removePool("b.litwareinc.com") { _ in false } == nil)
        #expect(try t.count("SELECT COUNT(*) FROM trustedApplicationPool") == 1)
    }

    @Test("A pool without a registrar cannot be removed until it gets one")
    func removeNeedsRegistrar() throws {
        let t = try TrustedApplicationTestStore()
        try t.pool("TrustPool.litwareinc.com", registrar: nil)
        expectDeploymentError("TrustedApplicationPoolHasNoRegistrar") {
            _ = try t.repository.removePool("TrustPool.litwareinc.com") { _ in true }
        }
        var changes = TrustedApplicationPoolChanges()
        changes.registrar = "pool0.litwareinc.com"
        _ = try t.repository.setPool("TrustPool.litwareinc.com", changes) { true }
        #expect(try t.repository.removePool("TrustPool.litwareinc.com") { _ in true } != nil)
        #expect(try t.count("SELECT COUNT(*) FROM trustedApplicationComputer") == 0)
    }

    @Test("Removing a pool removes its applications, entries, endpoints and computers, and nothing of other pools")
    func removeCascade() throws {
        let t = try TrustedApplicationTestStore()
        try t.pool("TrustPool.litwareinc.com", computer: "app1.litwareinc.com")
        try t.pool("Other.litwareinc.com")
        try t.application("tapp1", port: 6000)
        try t.application("tapp2", port: 6100)
        try t.application("tapp1", pool: "Other.litwareinc.com", port: 6000)
        try t.endpoint("tapp1", sip: "sip:endpoint1@litwareinc.com")
        try t.endpoint("tapp2", sip: "sip:endpoint2@litwareinc.com")
        try t.endpoint("tapp1", pool: "Other.litwareinc.com", sip: "sip:other@litwareinc.com")
        var seen: TrustedApplicationPoolRemoval?
        let removed = try t.repository.removePool("TrustedApplicationPool:TrustPool.litwareinc.com") { seen = $0; return true }
        #expect(removed == seen)
        #expect(removed?.applications == ["TrustPool.litwareinc.com/urn:application:tapp1", "TrustPool.litwareinc.com/urn:application:tapp2"])
        #expect(removed?.endpoints == ["sip:endpoint1@litwareinc.com", "sip:endpoint2@litwareinc.com"])
        #expect(removed?.computers == ["app1.litwareinc.com"])
        #expect(removed?.summary == "TrustPool.litwareinc.com with 2 applications, 2 endpoints and 1 computer")
        #expect(try t.count("SELECT COUNT(*) FROM trustedApplication") == 1)
        #expect(try t.count("SELECT COUNT(*) FROM trustedServiceEntry") == 1)
        #expect(try t.count("SELECT COUNT(*) FROM contact") == 1)
        #expect(try t.count("SELECT COUNT(*) FROM trustedApplicationComputer WHERE pool = 'TrustPool.litwareinc.com'") == 0)
        #expect(try t.repository.pools().map(\.fqdn) == ["Other.litwareinc.com"])
        // The freed SIP address can be used again.
        try t.pool("TrustPool.litwareinc.com")
        try t.application("tapp1", port: 6000)
        try t.endpoint("tapp1", sip: "sip:endpoint1@litwareinc.com")
    }

    @Test("Declining a pool removal, or failing during it, leaves every item in place")
    func removeIsAllOrNothing() throws {
        let t = try TrustedApplicationTestStore()
        try t.pool("TrustPool.litwareinc.com")
        try t.application("tapp1", port: 6000)
        try t.endpoint("tapp1", sip: "sip:endpoint1@litwareinc.com")
        let tables = ["trustedApplicationPool", "trustedApplicationComputer", "trustedApplication", "trustedServiceEntry", "contact"]
        let before = try tables.map { try t.count("SELECT COUNT(*) FROM \($0)") }
        #expect(try t.repository.removePool("TrustPool.litwareinc.com") { _ in false } == nil)
        #expect(try tables.map { try t.count("SELECT COUNT(*) FROM \($0)") } == before)
        // A failure after the deletions started (here: the last statement is refused) rolls all back.
        try t.store.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refusePoolDelete BEFORE DELETE ON trustedApplicationPool
                BEGIN SELECT RAISE(ABORT, 'refused'); END
                """)
        }
        #expect(throws: DeploymentError.self) { _ = try t.repository.removePool("TrustPool.litwareinc.com") { _ in true } }
        #expect(try tables.map { try t.count("SELECT COUNT(*) FROM \($0)") } == before)
    }
}

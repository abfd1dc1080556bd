import Foundation
import Testing
@testable import LyncDeployment

@Suite("Trusted application endpoints")
struct TrustedApplicationEndpointTests {
    private func storeWithApplication() throws -> TrustedApplicationTestStore {
        let t = try TrustedApplicationTestStore()
        try t.pool("TrustPool.litwareinc.com")
        try t.application("tapp1", port: 6000)
        return t
    }

    @Test("Without a SIP address one is generated: sip:RtcApplication-<guid>@<domain>")
    func generatedAddress() throws {
        let t = try storeWithApplication()
        let endpoint = try t.endpoint("tapp1")
        #expect(endpoint.sipAddress == "sip:RtcApplication-\(endpoint.objectGuid)@litwareinc.com")
        #expect(endpoint.ownerUrn == "urn:application:tapp1")
        #expect(endpoint.enabled && endpoint.enterpriseVoiceEnabled && !endpoint.enabledForFederation)
        #expect(endpoint.exchangeArchivingPolicy == "Uninitialized")
        #expect(endpoint.registrarPool == "pool0.litwareinc.com")
        #expect(endpoint.distinguishedName == "CN={\(endpoint.objectGuid)},CN=Application Contacts,CN=RTC Service,CN=Services,CN=Configuration,DC=local")
    }

    @Test("With a published forest, generated addresses and DNs use it")
    func forestDomain() throws {
        let t = try TrustedApplicationTestStore()
        try t.publishTopology()
        try t.pool("TrustPool.contoso.net")
        try t.application("tapp1", pool: "TrustPool.contoso.net", port: 6000)
        let endpoint = try t.endpoint("tapp1", pool: "TrustPool.contoso.net")
        #expect(endpoint.sipAddress.hasSuffix("@litwareinc.com"))
        #expect(endpoint.distinguishedName.hasSuffix(",DC=litwareinc,DC=com"))
    }

    @Test("The application must exist on the pool, and the pool must have a registrar")
    func prerequisites() throws {
        let t = try storeWithApplication()
        expectDeploymentError("TrustedApplicationNotFound") { try t.endpoint("tapp9") }
        expectDeploymentError("TrustedApplicationPoolNotFound") { try t.endpoint("tapp1", pool: "none.litwareinc.com") }
        try t.pool("NoRegistrar.litwareinc.com", registrar: nil)
        try t.application("tapp1", pool: "NoRegistrar.litwareinc.com", port: 6000)
        expectDeploymentError("TrustedApplicationPoolHasNoRegistrar") { try t.endpoint("tapp1", pool: "NoRegistrar.litwareinc.com") }
        #expect(try t.count("SELECT COUNT(*) FROM contact") == 0)
    }

    @Test("SIP addresses must be well formed and free")
    func sipRules() throws {
        let t = try storeWithApplication()
        expectDeploymentError("InvalidSipAddress") { try t.endpoint("tapp1", sip: "endpoint1@litwareinc.com") }
        expectDeploymentError("InvalidSipAddress") { try t.endpoint("tapp1", sip: "sip:endpoint1") }
        try t.endpoint("tapp1", sip: "sip:endpoint1@litwareinc.com")
        expectDeploymentError("SipAddressInUse") { try t.endpoint("tapp1", sip: "SIP:Endpoint1@litwareinc.com") }
        try t.store.write { db in
            try db.execute(sql: """
                INSERT INTO directoryUser (samAccountName, objectGuid, sid, ou, name, sipAddress, whenCreated)
                VALUES ('kenmyer', 'g1', 's1', 'CN=Users', 'Ken Myer', 'sip:kenmyer@litwareinc.com', 0)
                """)
        }
        expectDeploymentError("SipAddressInUse") { try t.endpoint("tapp1", sip: "sip:kenmyer@litwareinc.com") }
        #expect(try t.count("SELECT COUNT(*) FROM contact") == 1)
    }

    @Test("Line URIs are tel: numbers and languages are codes")
    func formats() throws {
        let t = try storeWithApplication()
        var settings = TrustedApplicationEndpointSettings(applicationId: "tapp1", poolFqdn: "TrustPool.litwareinc.com")
        settings.lineUri = "+14255551212"
        expectDeploymentError("InvalidLineUri") { _ = try t.repository.newEndpoint(settings) { true } }
        settings.lineUri = "TEL:+14255551212"
        settings.primaryLanguage = "english"
        expectDeploymentError("InvalidLanguageCode") { _ = try t.repository.newEndpoint(settings) { true } }
        settings.primaryLanguage = "en-US"
        settings.secondaryLanguages = ["fr-FR", "de-DE"]
        let endpoint = try #require(try t.repository.newEndpoint(settings) { true })
        #expect(endpoint.lineUri == "TEL:+14255551212")
        #expect(endpoint.secondaryLanguages == ["fr-FR", "de-DE"])
    }

    @Test("Endpoints are found by DN, SIP address, objectGuid and display name")
    func identities() throws {
        let t = try storeWithApplication()
        let endpoint = try t.endpoint("tapp1", sip: "sip:endpoint1@litwareinc.com", displayName: "Endpoint 1")
        #expect(try t.repository.endpoint("sip:ENDPOINT1@litwareinc.com").objectGuid == endpoint.objectGuid)
        #expect(try t.repository.endpoint("endpoint 1").objectGuid == endpoint.objectGuid)
        let spacedDn = endpoint.distinguishedName.replacingOccurrences(of: ",", with: ", ")
        #expect(try t.repository.endpoint(spacedDn).objectGuid == endpoint.objectGuid)
        #expect(try t.repository.endpoint("{\(endpoint.objectGuid)}").objectGuid == endpoint.objectGuid)
        expectDeploymentError("TrustedApplicationEndpointNotFound") { _ = try t.repository.endpoint("Endpoint 2") }
        try t.endpoint("tapp1", sip: "sip:endpoint2@litwareinc.com", displayName: "Endpoint 1")
        expectDeploymentError("AmbiguousEndpointIdentity") { _ = try t.repository.endpoint("Endpoint 1") }
    }

    @Test("Endpoints can be listed by application id and pool")
    func listing() throws {
        let t = try storeWithApplication()
        try t.application("tapp2", port: 6100)
        try t.pool("Other.litwareinc.com")
        try t.application("tapp2", pool: "Other.litwareinc.com", port: 6100)
        try t.endpoint("tapp1", sip: "sip:a@litwareinc.com")
        try t.endpoint("tapp2", sip: "sip:b@litwareinc.com")
        try t.endpoint("tapp2", pool: "Other.litwareinc.com", sip: "sip:c@litwareinc.com")
        #expect(try t.repository.endpoints(applicationId: "tapp2").count == 2)
        #expect(try t.repository.endpoints(applicationId: "urn:application:tapp2", pool: "Other.litwareinc.com").map(\.sipAddress) == ["sip:c@litwareinc.com"])
        #expect(try t.repository.endpoints().count == 3)
    }

    @Test("Set changes the given properties; the SIP address cannot change")
    func setEndpoint() throws {
        let t = try storeWithApplication()
        try t.endpoint("tapp1", sip: "sip:endpoint1@litwareinc.com")
        var changes = TrustedApplicationEndpointChanges()
        changes.displayName = "Endpoint 1"
        changes.enabledForFederation = true
        changes.exchangeArchivingPolicy = "noarchiving"
        changes.replaceSecondaryLanguages = ["fr-FR", "de-DE"]
        changes.sipAddress = "sip:endpoint1@litwareinc.com"
        let changed = try #require(try t.repository.setEndpoint("sip:endpoint1@litwareinc.com", changes) { true })
        #expect(changed.displayName == "Endpoint 1" && changed.enabledForFederation)
        #expect(changed.exchangeArchivingPolicy == "NoArchiving")
        var more = TrustedApplicationEndpointChanges()
        more.addSecondaryLanguages = ["es-ES"]
        more.removeSecondaryLanguages = ["FR-fr"]
        #expect(try t.repository.setEndpoint("Endpoint 1", more) { true }?.secondaryLanguages == ["de-DE", "es-ES"])
        var sip = TrustedApplicationEndpointChanges()
        sip.sipAddress = "sip:other@litwareinc.com"
        expectDeploymentError("SipAddressCannotChange") { _ = try t.repository.setEndpoint("Endpoint 1", sip) { true } }
        var policy = TrustedApplicationEndpointChanges()
        policy.exchangeArchivingPolicy = "Sometimes"
        expectDeploymentError("InvalidExchangeArchivingPolicy") { _ = try t.repository.setEndpoint("Endpoint 1", policy) { true } }
        var declined = TrustedApplicationEndpointChanges()
        declined.displayName = "Changed"
        #expect(try t.repository.setEndpoint("Endpoint 1", declined) { false } == nil)
        #expect(try t.repository.endpoint("sip:endpoint1@litwareinc.com").displayName == "Endpoint 1")
    }

    @Test("Removing an endpoint frees its SIP address")
    func remove() throws {
        let t = try storeWithApplication()
        try t.endpoint("tapp1", sip: "sip:endpoint1@litwareinc.com", displayName: "Endpoint 1")
        #expect(try t.repository.removeEndpoint("Endpoint 1") { false } == false)
        #expect(try t.repository.removeEndpoint("Endpoint 1") { true })
        #expect(try t.repository.endpoints().isEmpty)
        #expect(try t.endpoint("tapp1", sip: "sip:endpoint1@litwareinc.com").sipAddress == "sip:endpoint1@litwareinc.com")
    }
}

import Foundation
import GRDB
import Testing
@testable import LyncDeployment

/// Enable-CsUser and Set-CsUser in the domain: SIP addresses, registrar pools and telephony rules.
@Suite("Lync users: enabling and changing settings")
struct LyncUserTests {
    /// A store with a Front End pool, an Edge pool and the accounts Pilar Ackerman and Ken Myer.
    static func store() throws -> DirectoryTestStore {
        let t = try DirectoryTestStore()
        try t.addPool("atl-cs-001.litwareinc.com", role: "FrontEnd")
        try t.addPool("atl-edge-001.litwareinc.com", role: "Edge")
        try t.store.write { db in
            try DirectoryRepository.createUser(NewDirectoryUser(name: "Pilar Ackerman", samAccountName: "pilar", displayName: "Pilar Ackerman",
                                                                givenName: "Pilar", surname: "Ackerman", mail: "pilar.a@litwareinc.com"), in: db)
            try DirectoryRepository.createUser(NewDirectoryUser(name: "Ken Myer", samAccountName: "kmyer", displayName: "Ken Myer"), in: db)
        }
        return t
    }

    static func enable(_ t: DirectoryTestStore, _ identity: String, _ settings: LyncUserEnablement) throws -> DirectoryUser? {
        try t.store.write { db in try DirectoryRepository.enableForLync(identity, settings, in: db) { _, _ in true } }
    }

    static func set(_ t: DirectoryTestStore, _ identity: String, _ changes: LyncUserChanges) throws -> DirectoryUser? {
        try t.store.write { db in try DirectoryRepository.setLyncUser(identity, changes, in: db) { _ in true } }
    }

    static let pool = "atl-cs-001.litwareinc.com"

    @Test("Each address type makes its SIP address", arguments: [
        (SipAddressType.samAccountName, "sip:pilar@litwareinc.com"),
        (.firstLastName, "sip:Pilar.Ackerman@litwareinc.com"),
        (.userPrincipalName, "sip:pilar@litwareinc.com"),
        (.emailAddress, "sip:pilar.a@litwareinc.com"),
    ])
    func addressTypes(_ type: SipAddressType, _ expected: String) throws {
        let t = try Self.store()
        let user = try #require(try Self.enable(t, "Pilar Ackerman", LyncUserEnablement(registrarPool: Self.pool, sipAddressType: type,
                                                                                         sipDomain: "litwareinc.com")))
        #expect(user.sipAddress == expected)
        #expect(user.registrarPool == Self.pool && user.csEnabled && user.isLyncUser)
    }

    @Test("A given SIP address needs sip:, must be free, and excludes -SipAddressType")
    func givenAddress() throws {
        let t = try Self.store()
        expectDeploymentError("InvalidSipAddress") {
            _ = try Self.enable(t, "pilar", LyncUserEnablement(registrarPool: Self.pool, sipAddress: "pilar@litwareinc.com"))
        }
        expectDeploymentError("SipAddressConflict") {
            _ = try Self.enable(t, "pilar", LyncUserEnablement(registrarPool: Self.pool, sipAddress: "sip:pilar@litwareinc.com",
                                                               sipAddressType: .samAccountName))
        }
        expectDeploymentError("SipAddressRequired") { _ = try Self.enable(t, "pilar", LyncUserEnablement(registrarPool: Self.pool)) }
        expectDeploymentError("SipAddressRequired") {
            _ = try Self.enable(t, "pilar", LyncUserEnablement(registrarPool: Self.pool, sipAddressType: SipAddressType.none))
        }
        expectDeploymentError("SipDomainRequired") {
            _ = try Self.enable(t, "pilar", LyncUserEnablement(registrarPool: Self.pool, sipAddressType: .samAccountName))
        }
        expectDeploymentError("SipAddressSourceMissing") {
            _ = try Self.enable(t, "kmyer", LyncUserEnablement(registrarPool: Self.pool, sipAddressType: .emailAddress))
        }
        let pilar = try Self.enable(t, "pilar", LyncUserEnablement(registrarPool: Self.pool, sipAddress: "SIP:pilar@litwareinc.com"))
        #expect(pilar?.sipAddress == "sip:pilar@litwareinc.com")
        // Unique across the deployment, whatever the case.
        expectDeploymentError("SipAddressInUse") {
            _ = try Self.enable(t, "kmyer", LyncUserEnablement(registrarPool: Self.pool, sipAddress: "sip:PILAR@litwareinc.com"))
        }
        expectDeploymentError("UserAlreadyEnabled") {
            _ = try Self.enable(t, "pilar", LyncUserEnablement(registrarPool: Self.pool, sipAddress: "sip:other@litwareinc.com"))
        }
    }

    @Test("The registrar pool must be a Front End pool of the published topology")
    func registrarPool() throws {
        let t = try Self.store()
        let settings = { (pool: String?) in LyncUserEnablement(registrarPool: pool, sipAddress: "sip:kmyer@litwareinc.com") }
        expectDeploymentError("RegistrarPoolRequired") { _ = try Self.enable(t, "kmyer", settings(nil)) }
        expectDeploymentError("RegistrarPoolNotFound") { _ = try Self.enable(t, "kmyer", settings("nowhere.litwareinc.com")) }
        expectDeploymentError("PoolIsNotRegistrar") { _ = try Self.enable(t, "kmyer", settings("atl-edge-001.litwareinc.com")) }
        expectDeploymentError("UserNotFound") { _ = try Self.enable(t, "nobody", settings(Self.pool)) }
        #expect(try Self.enable(t, "kmyer", settings("ATL-CS-001.litwareinc.com"))?.registrarPool == Self.pool)

        let bare = try DirectoryTestStore()
        _ = try bare.store.write { db in try DirectoryRepository.createUser(NewDirectoryUser(name: "kmyer"), in: db) }
        expectDeploymentError("TopologyNotPublished") { _ = try Self.enable(bare, "kmyer", settings(Self.pool)) }
    }

    @Test("Declining writes nothing")
    func declined() throws {
        let t = try Self.store()
        let result = try t.store.write { db in
            try DirectoryRepository.enableForLync("pilar", LyncUserEnablement(registrarPool: Self.pool, sipAddress: "sip:pilar@litwareinc.com"),
                                                  in: db) { _, _ in false }
        }
        #expect(result == nil)
        #expect(try t.store.read { db in try DirectoryRepository.requireUser("pilar", in: db) }.sipAddress == nil)
    }

    @Test("Set-CsUser changes telephony settings, keeps them when sign-in is turned off, and clears URIs")
    func settings() throws {
        let t = try Self.store()
        _ = try Self.enable(t, "pilar", LyncUserEnablement(registrarPool: Self.pool, sipAddress: "sip:pilar@litwareinc.com"))
        var changes = LyncUserChanges()
        changes.enterpriseVoiceEnabled = true
        changes.lineUri = "tel:+14255551297;ext=51297"
        changes.privateLine = "tel:+14255550000"
        var user = try #require(try Self.set(t, "sip:pilar@litwareinc.com", changes))
        #expect(user.enterpriseVoiceEnabled && user.lineUri == "tel:+14255551297;ext=51297" && user.privateLine == "tel:+14255550000")
        changes = LyncUserChanges()
        changes.enabled = false
        user = try #require(try Self.set(t, "pilar", changes))
        #expect(!user.csEnabled && user.enterpriseVoiceEnabled && user.sipAddress == "sip:pilar@litwareinc.com")
        changes = LyncUserChanges()
        changes.lineUri = ""
        changes.sipAddress = "sip:pilar.ackerman@litwareinc.com"
        user = try #require(try Self.set(t, "pilar", changes))
        #expect(user.lineUri == nil && user.sipAddress == "sip:pilar.ackerman@litwareinc.com")
        // Disable-CsUser clears all of it.
        user = try t.store.write { db in try DirectoryRepository.disableForLync("pilar", in: db) }
        #expect(!user.enterpriseVoiceEnabled && user.privateLine == nil && user.sipAddress == nil)
    }

    @Test("Set-CsUser refuses what Lync refuses")
    func rules() throws {
        let t = try Self.store()
        var changes = LyncUserChanges()
        changes.enterpriseVoiceEnabled = true
        expectDeploymentError("UserNotEnabledForLync") { _ = try Self.set(t, "kmyer", changes) }
        _ = try Self.enable(t, "pilar", LyncUserEnablement(registrarPool: Self.pool, sipAddress: "sip:pilar@litwareinc.com"))
        _ = try Self.enable(t, "kmyer", LyncUserEnablement(registrarPool: Self.pool, sipAddress: "sip:kmyer@litwareinc.com"))
        changes = LyncUserChanges()
        changes.lineUri = "+14255551297"
        expectDeploymentError("InvalidLineUri") { _ = try Self.set(t, "pilar", changes) }
        changes.lineUri = "tel:+14255551297"
        _ = try Self.set(t, "pilar", changes)
        expectDeploymentError("LineUriInUse") { _ = try Self.set(t, "kmyer", changes) }
        // The same number with an extension is another number.
        changes.lineUri = "tel:+14255551297;ext=1297"
        #expect(try Self.set(t, "kmyer", changes)?.lineUri == "tel:+14255551297;ext=1297")
        changes = LyncUserChanges()
        changes.sipAddress = "sip:kmyer@litwareinc.com"
        expectDeploymentError("SipAddressInUse") { _ = try Self.set(t, "pilar", changes) }
        changes.sipAddress = "sip:Pilar@litwareinc.com"
        #expect(try Self.set(t, "pilar", changes)?.sipAddress == "sip:Pilar@litwareinc.com")

        changes = LyncUserChanges()
        changes.enterpriseVoiceEnabled = true
        changes.audioVideoDisabled = true
        expectDeploymentError("AudioVideoRequired") { _ = try Self.set(t, "pilar", changes) }
        changes = LyncUserChanges()
        changes.remoteCallControlTelephonyEnabled = true
        expectDeploymentError("RemoteCallControlNeedsLine") { _ = try Self.set(t, "pilar", changes) }
        changes.lineServerUri = "sip:rccgateway@litwareinc.com"
        #expect(try Self.set(t, "pilar", changes)?.remoteCallControlTelephonyEnabled == true)
        // Turning voice off in the same command lets audio/video go.
        changes = LyncUserChanges()
        changes.remoteCallControlTelephonyEnabled = false
        changes.audioVideoDisabled = true
        #expect(try Self.set(t, "pilar", changes)?.audioVideoDisabled == true)
    }
}

@Suite("Directory domain")
struct DirectoryDomainTests {
    @Test("The domain is named after the forest and answers to its names")
    func names() throws {
        let t = try DirectoryTestStore()
        let domain = try t.store.read { db in try DirectoryDomain.current(in: db) }
        #expect(domain.dnsRoot == "litwareinc.com" && domain.name == "litwareinc" && domain.netBIOSName == "LITWAREINC")
        #expect(domain.distinguishedName == "DC=litwareinc,DC=com")
        #expect(domain.container("CN=Users") == "CN=Users,DC=litwareinc,DC=com")
        #expect(domain.sid.hasPrefix("S-1-5-21-") && UUID(uuidString: domain.objectGuid) != nil)
        for name in ["litwareinc.com", "LITWAREINC", "dc=litwareinc, dc=com", domain.sid, "{\(domain.objectGuid.uppercased())}"] {
            #expect(try t.store.read { db in try DirectoryDomain.require(name, in: db) } == domain, "\(name)")
        }
        expectDeploymentError("DomainNotFound") { _ = try t.store.read { db in try DirectoryDomain.require("contoso.com", in: db) } }
        // The GUID stays as it is.
        #expect(try t.store.read { db in try DirectoryDomain.current(in: db) }.objectGuid == domain.objectGuid)
        // Users' SIDs are in the domain's.
        let user = try t.store.write { db in try DirectoryRepository.createUser(NewDirectoryUser(name: "kmyer"), in: db) }
        #expect(user.sid.hasPrefix(domain.sid + "-"))
    }

    @Test("NetBIOS names are at most 15 characters")
    func longName() throws {
        let domain = DirectoryDomain(dnsRoot: "averyveryverylongname.example.org", sid: "S-1-5-21-1", objectGuid: "", domainController: "dc")
        #expect(domain.netBIOSName == "AVERYVERYVERYLO")
    }
}

import Foundation
import GRDB
import Testing
@testable import LyncDeployment

/// A throw-away store for the trusted application tests, with helpers to publish a small
/// topology (sites and pools written directly) and to check error ids.
final class TrustedApplicationTestStore {
    let root: URL
    let store: CentralManagementStore
    let repository: TrustedApplicationRepository

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-trusted-\(UUID().uuidString)")
        store = try CentralManagementStore.open(home: DeploymentHome(root: root), creator: "labadmin")
        repository = TrustedApplicationRepository(store: store)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Sites Redmond (1) and Dublin (2); Front End pools pool0 and atl-cs-001 in Redmond, an Edge
    /// pool in Dublin; the forest litwareinc.com.
    func publishTopology() throws {
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO site (siteId, name) VALUES (1, 'Redmond'), (2, 'Dublin');
                INSERT INTO pool (fqdn, siteId, role) VALUES ('pool0.litwareinc.com', 1, 'FrontEnd'),
                    ('atl-cs-001.litwareinc.com', 1, 'FrontEnd'), ('dub-cs-001.litwareinc.com', 2, 'FrontEnd'),
                    ('edge.litwareinc.com', 2, 'Edge');
                INSERT INTO computer (fqdn, pool) VALUES ('fe1.litwareinc.com', 'pool0.litwareinc.com');
                INSERT INTO setting (key, value) VALUES ('ForestFqdn', 'litwareinc.com');
                """)
        }
    }

    func count(_ sql: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    /// A pool with a registrar (pre-topology: any FQDN is accepted).
    @discardableResult
    func pool(_ fqdn: String, registrar: String? = "pool0.litwareinc.com", site: String? = nil,
              computer: String? = nil) throws -> TrustedApplicationPool {
        var settings = TrustedApplicationPoolSettings(fqdn: fqdn)
        settings.registrar = registrar
        settings.site = site
        settings.computerFqdn = computer
        return try #require(try repository.newPool(settings) { true })
    }

    @discardableResult
    func application(_ id: String, pool: String = "TrustPool.litwareinc.com", port: Int) throws -> TrustedApplication {
        try #require(try repository.newApplication(pool: pool, applicationId: id, port: port, enableTcp: false,
                                                   legacyApplicationName: nil) { true })
    }

    @discardableResult
    func endpoint(_ id: String, pool: String = "TrustPool.litwareinc.com", sip: String? = nil,
                  displayName: String? = nil) throws -> TrustedApplicationEndpoint {
        var settings = TrustedApplicationEndpointSettings(applicationId: id, poolFqdn: pool)
        settings.sipAddress = sip
        settings.displayName = displayName
        return try #require(try repository.newEndpoint(settings) { true })
    }
}

/// Runs `body` and checks that it fails with the DeploymentError id `id`.
func expectDeploymentError(_ id: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected the error \(id), but the operation succeeded", sourceLocation: sourceLocation)
    } catch let error as DeploymentError {
        #expect(error.id == id, "\(error.message)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected the DeploymentError \(id), got \(error)", sourceLocation: sourceLocation)
    }
}

import Foundation
import LyncDeployment
import PSRuntime

/// The topology the trusted application examples need, written straight into the store (sites
/// Redmond and co1; Front End pools pool0, redmond and atl-cs-001 in Redmond, registrar1 in co1;
/// forest litwareinc.com).
enum TrustedApplicationTestTopology {
    static func publish(_ f: DeploymentFixture) throws {
        try f.store().write { db in
            try db.execute(sql: """
                INSERT INTO site (siteId, name) VALUES (1, 'Redmond'), (2, 'co1');
                INSERT INTO pool (fqdn, siteId, role) VALUES ('pool0.litwareinc.com', 1, 'FrontEnd'),
                    ('redmond.litwareinc.com', 1, 'FrontEnd'), ('atl-cs-001.litwareinc.com', 1, 'FrontEnd'),
                    ('registrar1.contoso.net', 2, 'FrontEnd');
                INSERT INTO setting (key, value) VALUES ('ForestFqdn', 'litwareinc.com')
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
                """)
        }
    }

    /// A fixture with the topology, a pool TrustPool.litwareinc.com (registrar pool0) and
    /// applications tapp1 (port 6000) and tapp2 (port 6100).
    static func withApplications() throws -> DeploymentFixture {
        let f = DeploymentFixture()
        try publish(f)
        try f.run("""
            $null = New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar pool0.litwareinc.com -Site Redmond
            $null = New-CsTrustedApplication -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -Port 6000
            $null = New-CsTrustedApplication -ApplicationId tapp2 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -Port 6100
            """)
        return f
    }

    /// How many rows a query counts in the fixture's store.
    static func count(_ f: DeploymentFixture, _ sql: String) throws -> Int {
        try f.store().read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }
}

import Foundation
import LyncDeployment
import PSRuntime

/// Test setup for the directory and endpoint cmdlets: the forest litwareinc.com and, as a
/// published topology would leave them, a site with a Persistent Chat pool and a Front End pool.
enum DirectoryCmdletTestSupport {
    static let chatPool = "atl-pcpool-001.litwareinc.com"
    static let frontEndPool = "atl-cs-001.litwareinc.com"

    /// A fixture whose store has the forest set and, unless `pools` is false, the two pools.
    static func fixture(pools: Bool = true) throws -> DeploymentFixture {
        let f = DeploymentFixture()
        try f.store().write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('ForestFqdn', 'litwareinc.com')")
            if pools {
                try db.execute(sql: """
                    INSERT INTO site (siteId, name) VALUES (1, 'Redmond');
                    INSERT INTO pool (fqdn, siteId, role) VALUES ('\(chatPool)', 1, 'PersistentChat');
                    INSERT INTO pool (fqdn, siteId, role) VALUES ('\(frontEndPool)', 1, 'Registrar');
                    """)
            }
        }
        return f
    }

    /// Runs `script` in a try/catch with -ErrorAction Stop semantics and returns the
    /// FullyQualifiedErrorId and message of the error it raised, or nil.
    static func error(_ f: DeploymentFixture, _ script: String) throws -> (id: String, message: String)? {
        let lines = try f.strings("""
            $ErrorActionPreference = 'Stop'
            try { \(script) ; 'no error' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
            """)
        guard lines.count >= 2, lines.last != "no error" else { return nil }
        return (lines[lines.count - 2], lines[lines.count - 1])
    }
}

import Foundation
import GRDB

/// Trusted applications. Each one has a Trusted Service Entry (its directory record), created
/// and deleted with it.
extension TrustedApplicationRepository {
    /// Every trusted application, by pool and application id.
    public func applications() throws -> [TrustedApplication] {
        try store.read { db in
            let forest = try CentralManagementStore.forestFqdn(in: db)
            return try Row.fetchAll(db, sql: "SELECT * FROM trustedApplication ORDER BY pool, applicationId")
                .map { try Self.makeApplication($0, forest: forest, in: db) }
        }
    }

    /// The application `<pool>/<id>` (the id with or without `urn:application:`).
    public func application(_ identity: String) throws -> TrustedApplication {
        let (pool, id) = try TrustedApplicationNames.parseApplicationIdentity(identity)
        return try store.read { db in try Self.requireApplication(pool: pool, applicationId: id, identity: identity, in: db) }
    }

    /// Adds an application to a pool on a port no other application of the pool uses, with its
    /// Trusted Service Entry. Returns nil when `proceed` declined.
    public func newApplication(pool poolIdentity: String, applicationId: String, port: Int, enableTcp: Bool,
                               legacyApplicationName: String?, proceed: Proceed) throws -> TrustedApplication? {
        try store.write { db in
            guard let pool = try Self.findPool(poolIdentity, in: db) else {
                throw DeploymentError.notFound("trusted application pool", poolIdentity, id: "TrustedApplicationPoolNotFound",
                                               hint: "Create the pool with New-CsTrustedApplicationPool first, or list the pools with Get-CsTrustedApplicationPool.")
            }
            let id = TrustedApplicationNames.applicationId(applicationId)
            guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "\\" }) else {
                throw DeploymentError(.invalidArgument, id: "InvalidApplicationId",
                                      "'\(applicationId)' is not an application id. Use a name without spaces or slashes, such as tapp1.",
                                      target: applicationId)
            }
            try Self.requireValidPort(port)
            if try Self.fetchApplicationRow(pool: pool.fqdn, applicationId: id, in: db) != nil {
                throw DeploymentError.exists("trusted application", "\(pool.fqdn)/\(TrustedApplicationNames.applicationUrnPrefix)\(id)",
                                             id: "TrustedApplicationExists",
                                             hint: "Application ids are unique within a pool; choose another id or change this one with Set-CsTrustedApplication.")
            }
            try Self.requireFreePort(port, pool: pool.fqdn, except: nil, in: db)
            guard try proceed() else { return nil }
            try db.execute(sql: """
                INSERT INTO trustedApplication (pool, applicationId, port, enableTcp, legacyApplicationName) VALUES (?, ?, ?, ?, ?)
                """, arguments: [pool.fqdn, id, port, enableTcp, legacyApplicationName])
            try db.execute(sql: "INSERT INTO trustedServiceEntry (objectGuid, pool, applicationId, whenCreated) VALUES (?, ?, ?, ?)",
                           arguments: [UUID().uuidString.lowercased(), pool.fqdn, id, Date().timeIntervalSince1970])
            return try Self.requireApplication(pool: pool.fqdn, applicationId: id, identity: "\(pool.fqdn)/\(id)", in: db)
        }
    }

    /// Moves an application to another port. Returns nil when `proceed` declined.
    public func setApplication(_ identity: String, port: Int?, proceed: Proceed) throws -> TrustedApplication? {
        let (poolName, id) = try TrustedApplicationNames.parseApplicationIdentity(identity)
        return try store.write { db in
            let application = try Self.requireApplication(pool: poolName, applicationId: id, identity: identity, in: db)
            if let port {
                try Self.requireValidPort(port)
                try Self.requireFreePort(port, pool: application.pool, except: application.applicationId, in: db)
            }
            guard try proceed() else { return nil }
            if let port {
                try db.execute(sql: "UPDATE trustedApplication SET port = ? WHERE pool = ? AND applicationId = ?",
                               arguments: [port, application.pool, application.applicationId])
            }
            return try Self.requireApplication(pool: application.pool, applicationId: application.applicationId,
                                               identity: identity, in: db)
        }
    }

    /// Removes an application from its pool, with its Trusted Service Entry and the endpoints
    /// created for it (they would route to nothing). Returns false when `proceed` declined.
    public func removeApplication(_ identity: String, proceed: Proceed) throws -> Bool {
        let (poolName, id) = try TrustedApplicationNames.parseApplicationIdentity(identity)
        return try store.write { db in
            let application = try Self.requireApplication(pool: poolName, applicationId: id, identity: identity, in: db)
            guard try proceed() else { return false }
            try Self.deleteApplication(pool: application.pool, applicationId: application.applicationId, in: db)
            return true
        }
    }

    /// Deletes an application with its Trusted Service Entry and its endpoints.
    static func deleteApplication(pool: String, applicationId: String, in db: Database) throws {
        let key: StatementArguments = [pool, applicationId]
        try db.execute(sql: "DELETE FROM contact WHERE kind = 'TrustedApplication' AND pool = ? AND applicationId = ?", arguments: key)
        try db.execute(sql: "DELETE FROM trustedServiceEntry WHERE pool = ? AND applicationId = ?", arguments: key)
        try db.execute(sql: "DELETE FROM trustedApplication WHERE pool = ? AND applicationId = ?", arguments: key)
    }

    /// The number of endpoints created for an application (shown before removing it).
    public func endpointCount(ofApplication identity: String) throws -> Int {
        let (pool, id) = try TrustedApplicationNames.parseApplicationIdentity(identity)
        return try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact WHERE kind = 'TrustedApplication' AND pool = ? AND applicationId = ?",
                             arguments: [TrustedApplicationNames.strippingPoolPrefix(pool), id]) ?? 0
        }
    }

    // MARK: Helpers

    static func fetchApplicationRow(pool: String, applicationId: String, in db: Database) throws -> Row? {
        try Row.fetchOne(db, sql: "SELECT * FROM trustedApplication WHERE pool = ? AND applicationId = ?",
                         arguments: [TrustedApplicationNames.strippingPoolPrefix(pool), applicationId])
    }

    static func requireApplication(pool: String, applicationId: String, identity: String, in db: Database) throws -> TrustedApplication {
        guard let row = try fetchApplicationRow(pool: pool, applicationId: applicationId, in: db) else {
            throw DeploymentError.notFound("trusted application", identity, id: "TrustedApplicationNotFound",
                                           hint: "List the applications with Get-CsTrustedApplication; identities look like TrustPool.litwareinc.com/urn:application:tapp1.")
        }
        return try makeApplication(row, forest: try CentralManagementStore.forestFqdn(in: db), in: db)
    }

    static func makeApplication(_ row: Row, forest: String, in db: Database) throws -> TrustedApplication {
        let pool: String = row["pool"]
        let id: String = row["applicationId"]
        let computers = try String.fetchAll(db, sql: "SELECT fqdn FROM trustedApplicationComputer WHERE pool = ? ORDER BY fqdn",
                                            arguments: [pool])
        let domain = TrustedApplicationNames.sipDomain(forest: forest, pool: pool)
        let entry = try String.fetchOne(db, sql: "SELECT objectGuid FROM trustedServiceEntry WHERE pool = ? AND applicationId = ?",
                                        arguments: [pool, id])
        return TrustedApplication(
            pool: pool, applicationId: id, port: row["port"], enableTcp: row["enableTcp"],
            legacyApplicationName: row["legacyApplicationName"],
            computerGruus: computers.map { TrustedApplicationNames.gruu(computer: $0, applicationId: id, domain: domain) },
            serviceGruu: TrustedApplicationNames.gruu(computer: pool, applicationId: id, domain: domain),
            serviceEntryGuid: entry)
    }

    static func requireValidPort(_ port: Int) throws {
        guard (1...65535).contains(port) else {
            throw DeploymentError(.invalidArgument, id: "PortOutOfRange",
                                  "Port \(port) is not a port number; use a value from 1 to 65535.", target: "\(port)")
        }
    }

    /// Ports are unique within a pool.
    static func requireFreePort(_ port: Int, pool: String, except applicationId: String?, in db: Database) throws {
        let holder = try String.fetchOne(db, sql: "SELECT applicationId FROM trustedApplication WHERE pool = ? AND port = ?",
                                         arguments: [pool, port])
        if let holder, holder.caseInsensitiveCompare(applicationId ?? "") != .orderedSame {
            throw DeploymentError(.resourceExists, id: "TrustedApplicationPortInUse",
                                  "Port \(port) is already used by the trusted application '\(pool)/\(TrustedApplicationNames.applicationUrnPrefix)\(holder)'. Each application of a pool needs its own port; choose another one.",
                                  target: "\(port)")
        }
    }
}

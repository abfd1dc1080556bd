import Foundation
import GRDB

/// Trusted application pools, their applications (with the Trusted Service Entries) and the
/// application endpoints, in the Central Management Store. Every operation is one transaction:
/// it checks everything first, then asks `proceed` (ShouldProcess: false under -WhatIf or when
/// the user declines) and only then writes.
public struct TrustedApplicationRepository: Sendable {
    public typealias Proceed = () throws -> Bool

    public let store: CentralManagementStore

    public init(store: CentralManagementStore) { self.store = store }

    // MARK: Pools

    /// Every trusted application pool, by FQDN.
    public func pools() throws -> [TrustedApplicationPool] {
        try store.read { db in
            try Row.fetchAll(db, sql: Self.poolQuery + " ORDER BY p.fqdn").map { try Self.makePool($0, in: db) }
        }
    }

    /// The pool with this FQDN, `TrustedApplicationPool:` identity or service id.
    public func pool(_ identity: String) throws -> TrustedApplicationPool {
        try store.read { db in try Self.requirePool(identity, in: db) }
    }

    /// Creates a pool and its first computer (the pool FQDN unless `computerFqdn` is given).
    /// Returns nil when `proceed` declined.
    public func newPool(_ settings: TrustedApplicationPoolSettings, proceed: Proceed) throws -> TrustedApplicationPool? {
        try store.write { db in
            let fqdn = TrustedApplicationNames.strippingPoolPrefix(settings.fqdn)
            try Self.requireFqdn(fqdn, what: "pool")
            if let existing = try Self.findPool(fqdn, in: db) {
                throw DeploymentError.exists("trusted application pool", existing.fqdn, id: "TrustedApplicationPoolExists",
                                             hint: "Change it with Set-CsTrustedApplicationPool, or remove it first with Remove-CsTrustedApplicationPool.")
            }
            // A legacy Group Chat pool of the topology is the exception: Lync 2010 ran Group Chat
            // as a trusted application, so its pool is registered as one as well.
            if let topologyPool = try Row.fetchOne(db, sql: "SELECT fqdn, role FROM pool WHERE fqdn = ?", arguments: [fqdn]),
               (topologyPool["role"] as String).caseInsensitiveCompare("GroupChat") != .orderedSame {
                throw DeploymentError(.resourceExists, id: "PoolExistsInTopology",
                                      "'\(topologyPool["fqdn"] as String)' is already a \(topologyPool["role"] as String) pool of the published topology. Give the trusted application pool an FQDN of its own.",
                                      target: fqdn)
            }
            let registrar = try settings.registrar.map { try Self.resolveRegistrar($0, in: db) }
            var siteId = try settings.site.map { try Self.resolveSite($0, in: db) }
            if siteId == nil, let registrar {
                // Without -Site the pool joins its registrar's site.
                siteId = try Int.fetchOne(db, sql: "SELECT siteId FROM pool WHERE fqdn = ?",
                                          arguments: [TrustedApplicationNames.strippingRegistrarPrefix(registrar)])
            }
            let computer = settings.computerFqdn.map { TrustedApplicationNames.strippingPoolPrefix($0) } ?? fqdn
            try Self.requireFqdn(computer, what: "computer")
            try Self.requireFreeComputer(computer, pool: fqdn, in: db)
            try Self.validate(settings.ports, merging: nil)
            let next = try Int.fetchOne(db, sql: "SELECT MAX(serviceNumber) FROM trustedApplicationPool WHERE siteId IS ?",
                                        arguments: [siteId]) ?? 0
            guard try proceed() else { return nil }
            let ports = settings.ports
            try db.execute(sql: """
                INSERT INTO trustedApplicationPool (fqdn, siteId, registrar, serviceNumber, outboundOnly, requiresReplication,
                    throttleAsServer, treatAsAuthenticated, audioPortStart, audioPortCount, videoPortStart, videoPortCount,
                    appSharingPortStart, appSharingPortCount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [fqdn, siteId, registrar, next + 1, settings.outboundOnly ?? false,
                                 settings.requiresReplication ?? true, settings.throttleAsServer ?? true,
                                 settings.treatAsAuthenticated ?? true, ports.audioPortStart, ports.audioPortCount ?? 0,
                                 ports.videoPortStart, ports.videoPortCount ?? 0, ports.appSharingPortStart,
                                 ports.appSharingPortCount ?? 0])
            try db.execute(sql: "INSERT INTO trustedApplicationComputer (fqdn, pool) VALUES (?, ?)", arguments: [computer, fqdn])
            return try Self.requirePool(fqdn, in: db)
        }
    }

    /// Changes a pool's registrar, connection settings or port ranges. Returns nil when
    /// `proceed` declined.
    public func setPool(_ identity: String, _ changes: TrustedApplicationPoolChanges, proceed: Proceed) throws -> TrustedApplicationPool? {
        try store.write { db in
            let pool = try Self.requirePool(identity, in: db)
            let registrar = try changes.registrar.map { try Self.resolveRegistrar($0, in: db) } ?? pool.registrar
            try Self.validate(changes.ports, merging: pool)
            guard try proceed() else { return nil }
            let ports = changes.ports
            try db.execute(sql: """
                UPDATE trustedApplicationPool SET registrar = ?, outboundOnly = ?, requiresReplication = ?, throttleAsServer = ?,
                    treatAsAuthenticated = ?, audioPortStart = ?, audioPortCount = ?, videoPortStart = ?, videoPortCount = ?,
                    appSharingPortStart = ?, appSharingPortCount = ?
                WHERE fqdn = ?
                """, arguments: [registrar, changes.outboundOnly ?? pool.outboundOnly,
                                 changes.requiresReplication ?? pool.requiresReplication,
                                 changes.throttleAsServer ?? pool.throttleAsServer,
                                 changes.treatAsAuthenticated ?? pool.treatAsAuthenticated,
                                 ports.audioPortStart ?? pool.audioPortStart, ports.audioPortCount ?? pool.audioPortCount,
                                 ports.videoPortStart ?? pool.videoPortStart, ports.videoPortCount ?? pool.videoPortCount,
                                 ports.appSharingPortStart ?? pool.appSharingPortStart,
                                 ports.appSharingPortCount ?? pool.appSharingPortCount, pool.fqdn])
            return try Self.requirePool(pool.fqdn, in: db)
        }
    }

    /// Removes a pool with everything that belongs to it: its applications (with their Trusted
    /// Service Entries), the endpoints created for them and its computers, in one transaction.
    /// A pool without a registrar cannot be removed. `proceed` sees the whole removal before
    /// anything is deleted; returns nil when it declined, else what was removed.
    public func removePool(_ identity: String,
                           proceed: (TrustedApplicationPoolRemoval) throws -> Bool) throws -> TrustedApplicationPoolRemoval? {
        try store.write { db in
            let pool = try Self.requirePool(identity, in: db)
            guard pool.registrar != nil else {
                throw DeploymentError(.invalidOperation, id: "TrustedApplicationPoolHasNoRegistrar",
                                      "The trusted application pool '\(pool.fqdn)' has no registrar, and a pool without one cannot be removed. Set one first (Set-CsTrustedApplicationPool -Identity \(pool.fqdn) -Registrar <Front End pool FQDN>), then remove the pool.",
                                      target: pool.identity)
            }
            let endpoints = try Self.fetchEndpoints(applicationId: nil, pool: pool.fqdn, in: db)
            let removal = TrustedApplicationPoolRemoval(
                pool: pool,
                applications: pool.applicationIds.map { "\(pool.fqdn)/\(TrustedApplicationNames.applicationUrnPrefix)\($0)" },
                endpoints: endpoints.map(\.sipAddress), computers: pool.computers)
            guard try proceed(removal) else { return nil }
            // The same deletions Remove-CsTrustedApplicationEndpoint and Remove-CsTrustedApplication do.
            for endpoint in endpoints { try Self.deleteEndpoint(objectGuid: endpoint.objectGuid, in: db) }
            for applicationId in pool.applicationIds {
                try Self.deleteApplication(pool: pool.fqdn, applicationId: applicationId, in: db)
            }
            try db.execute(sql: "DELETE FROM trustedApplicationComputer WHERE pool = ?", arguments: [pool.fqdn])
            try db.execute(sql: "DELETE FROM trustedApplicationPool WHERE fqdn = ?", arguments: [pool.fqdn])
            return removal
        }
    }

    // MARK: Pool lookups and checks

    static let poolQuery = """
        SELECT p.*, s.name AS siteName FROM trustedApplicationPool p LEFT JOIN site s ON s.siteId = p.siteId
        """

    static func makePool(_ row: Row, in db: Database) throws -> TrustedApplicationPool {
        let fqdn: String = row["fqdn"]
        let computers = try String.fetchAll(db, sql: "SELECT fqdn FROM trustedApplicationComputer WHERE pool = ? ORDER BY fqdn",
                                            arguments: [fqdn])
        let applications = try String.fetchAll(db, sql: "SELECT applicationId FROM trustedApplication WHERE pool = ? ORDER BY applicationId",
                                               arguments: [fqdn])
        return TrustedApplicationPool(row: row, computers: computers, applicationIds: applications)
    }

    /// The pool named by FQDN, `TrustedApplicationPool:<fqdn>` or service id, if any.
    static func findPool(_ identity: String, in db: Database) throws -> TrustedApplicationPool? {
        let name = TrustedApplicationNames.strippingPoolPrefix(identity)
        if let row = try Row.fetchOne(db, sql: poolQuery + " WHERE p.fqdn = ?", arguments: [name]) {
            return try makePool(row, in: db)
        }
        let parts = name.split(separator: "-")
        if parts.count == 3, parts[1].caseInsensitiveCompare("ExternalServer") == .orderedSame,
           let site = Int(parts[0]), let number = Int(parts[2]),
           let row = try Row.fetchOne(db, sql: poolQuery + " WHERE IFNULL(p.siteId, 0) = ? AND p.serviceNumber = ?",
                                      arguments: [site, number]) {
            return try makePool(row, in: db)
        }
        return nil
    }

    static func requirePool(_ identity: String, in db: Database) throws -> TrustedApplicationPool {
        guard let pool = try findPool(identity, in: db) else {
            throw DeploymentError.notFound("trusted application pool", identity, id: "TrustedApplicationPoolNotFound",
                                           hint: "List the pools with Get-CsTrustedApplicationPool, or create one with New-CsTrustedApplicationPool.")
        }
        return pool
    }

    /// True once a topology with pools has been published.
    static func topologyPublished(in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pool)") ?? false
    }

    /// `Registrar:<fqdn>` for a registrar given as FQDN or service id. With a published topology
    /// it must be one of its Front End pools (the pools that run the Registrar service).
    static func resolveRegistrar(_ value: String, in db: Database) throws -> String {
        let fqdn = TrustedApplicationNames.strippingRegistrarPrefix(value)
        guard TrustedApplicationNames.isValidFqdn(fqdn) else {
            throw DeploymentError(.invalidArgument, id: "InvalidRegistrar",
                                  "'\(value)' is not a registrar. Give the FQDN of a Front End pool (pool0.litwareinc.com) or its service id (Registrar:pool0.litwareinc.com).",
                                  target: value)
        }
        guard try topologyPublished(in: db) else { return TrustedApplicationNames.registrarPrefix + fqdn }
        guard let row = try Row.fetchOne(db, sql: "SELECT fqdn, role, \(TopologyRepository.hasRoleSQL) AS fits FROM pool WHERE fqdn = ?",
                                         arguments: ["FrontEnd", "FrontEnd", fqdn]) else {
            throw DeploymentError(.objectNotFound, id: "RegistrarNotFound",
                                  "The registrar '\(fqdn)' is not a pool of the published topology. Name one of its Front End pools (Get-CsPool lists them).",
                                  target: value)
        }
        // Front End may be the pool's main role or a collocated one.
        guard row["fits"] as Bool else {
            throw DeploymentError(.invalidArgument, id: "PoolIsNotRegistrar",
                                  "The pool '\(row["fqdn"] as String)' is a \(row["role"] as String) pool and has no Registrar service. Name a Front End pool as registrar.",
                                  target: value)
        }
        return TrustedApplicationNames.registrarPrefix + (row["fqdn"] as String)
    }

    /// The site id of a site given by name, `site:<name>` or numeric id. With a published
    /// topology the site must be in it; before one, only a numeric id can be used.
    static func resolveSite(_ value: String, in db: Database) throws -> Int {
        var name = value.trimmingWhitespace
        if name.lowercased().hasPrefix("site:") { name = String(name.dropFirst(5)).trimmingWhitespace }
        if let id = try Int.fetchOne(db, sql: "SELECT siteId FROM site WHERE name = ? OR CAST(siteId AS TEXT) = ?",
                                     arguments: [name, name]) {
            return id
        }
        let published = try topologyPublished(in: db) || (try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM site)") ?? false)
        if !published, let id = Int(name), id > 0 { return id }
        throw DeploymentError(.objectNotFound, id: "SiteNotFound",
                              published
                                ? "The site '\(value)' is not in the published topology. Give the name or SiteId of one of its sites (Get-CsSite lists them)."
                                : "The site '\(value)' is unknown because no topology has been published. Publish one with Publish-CsTopology, or leave -Site out.",
                              target: value)
    }

    static func requireFqdn(_ fqdn: String, what: String) throws {
        guard TrustedApplicationNames.isValidFqdn(fqdn) else {
            throw DeploymentError(.invalidArgument, id: "InvalidFqdn",
                                  "'\(fqdn)' is not a valid \(what) FQDN. Use a DNS name such as TrustPool.litwareinc.com.",
                                  target: fqdn)
        }
    }

    /// A computer serves one pool; the servers of the legacy Group Chat pool being registered
    /// (same FQDN as the new trusted pool) are the exception.
    static func requireFreeComputer(_ fqdn: String, pool: String, in db: Database) throws {
        if let owner = try String.fetchOne(db, sql: "SELECT pool FROM trustedApplicationComputer WHERE fqdn = ?", arguments: [fqdn]) {
            throw DeploymentError(.resourceExists, id: "TrustedApplicationComputerExists",
                                  "The computer '\(fqdn)' already belongs to the trusted application pool '\(owner)'. Give the new pool another -ComputerFqdn.",
                                  target: fqdn)
        }
        if let owner = try String.fetchOne(db, sql: "SELECT pool FROM computer WHERE fqdn = ?", arguments: [fqdn]),
           owner.caseInsensitiveCompare(pool) != .orderedSame {
            throw DeploymentError(.resourceExists, id: "ComputerExistsInTopology",
                                  "The computer '\(fqdn)' is already a server of the topology pool '\(owner)'. Give the new pool another -ComputerFqdn.",
                                  target: fqdn)
        }
    }

    /// Port starts are 1–65535, counts 0–65535, and a range must end at or below 65535 (checked
    /// on the values the pool will have after the change).
    static func validate(_ ports: PortRanges, merging pool: TrustedApplicationPool?) throws {
        let ranges: [(String, Int?, Int?, Int?, Int?)] = [
            ("Audio", ports.audioPortStart, ports.audioPortCount, pool?.audioPortStart, pool?.audioPortCount),
            ("Video", ports.videoPortStart, ports.videoPortCount, pool?.videoPortStart, pool?.videoPortCount),
            ("AppSharing", ports.appSharingPortStart, ports.appSharingPortCount, pool?.appSharingPortStart, pool?.appSharingPortCount),
        ]
        for (name, start, count, oldStart, oldCount) in ranges {
            if let start, !(1...65535).contains(start) {
                throw DeploymentError(.invalidArgument, id: "PortOutOfRange",
                                      "\(name)PortStart \(start) is not a port number; use a value from 1 to 65535.", target: "\(start)")
            }
            if let count, !(0...65535).contains(count) {
                throw DeploymentError(.invalidArgument, id: "PortOutOfRange",
                                      "\(name)PortCount \(count) is out of range; use a value from 0 to 65535.", target: "\(count)")
            }
            if let first = start ?? oldStart, let size = count ?? oldCount, first + size - 1 > 65535 {
                throw DeploymentError(.invalidArgument, id: "PortRangeOutOfRange",
                                      "The \(name.lowercased()) port range starting at \(first) with \(size) ports ends beyond port 65535. Lower \(name)PortStart or \(name)PortCount.",
                                      target: "\(first)")
            }
        }
    }
}

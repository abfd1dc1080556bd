import Foundation

extension TopologyDocument {
    /// Checks every rule of the format and throws one error listing all the problems found.
    public func validate(home: DeploymentHome, file: String) throws {
        var problems: [String] = []
        if !Self.isHostName(forestFqdn) || !forestFqdn.contains(".") {
            problems.append("ForestFqdn '\(forestFqdn)' is not a DNS domain name; write it like litwareinc.com.")
        }
        if sites.isEmpty { problems.append("Sites is empty; describe at least one site with its pools.") }
        validateSites(&problems)
        validateNames(&problems)
        for (site, pool) in poolsWithSites {
            validatePool(pool, site: site, home: home, &problems)
        }
        validateSharedStores(&problems)
        if let localComputer, pool(ofComputer: localComputer) == nil {
            problems.append("LocalComputer '\(localComputer)' is not a computer of any pool; name one of: \(allComputers.joined(separator: ", ")).")
        }
        if !problems.isEmpty { throw Self.invalid(file, problems) }
    }

    /// Every computer FQDN in file order.
    public var allComputers: [String] { poolsWithSites.flatMap(\.pool.computerFqdns) }

    private func validateSites(_ problems: inout [String]) {
        var ids: [Int: String] = [:]
        var names: Set<String> = []
        for site in sites {
            if site.name.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("Site \(site.siteId): Name is empty; give the site a name.")
            }
            if site.siteId < 1 {
                problems.append("Site '\(site.name)': SiteId \(site.siteId) must be a positive whole number.")
            }
            if let other = ids[site.siteId] {
                problems.append("Site '\(site.name)': SiteId \(site.siteId) is already used by site '\(other)'; every site needs its own SiteId.")
            }
            ids[site.siteId] = ids[site.siteId] ?? site.name
            if !names.insert(site.name.lowercased()).inserted {
                problems.append("Site '\(site.name)': another site has the same name; site names must be unique.")
            }
        }
    }

    /// Pool and computer FQDNs must be well formed and used once across the whole file (a pool's
    /// own FQDN may be one of its computers).
    private func validateNames(_ problems: inout [String]) {
        var owners: [String: String] = [:]
        func claim(_ name: String, by owner: String) {
            let key = name.lowercased()
            if let other = owners[key], other != owner {
                problems.append("\(owner): '\(name)' is already used by \(other); every pool and computer FQDN must be unique.")
            } else {
                owners[key] = owner
            }
        }
        for (_, pool) in poolsWithSites {
            let owner = "pool '\(pool.fqdn)'"
            if !Self.isHostName(pool.fqdn) || !pool.fqdn.contains(".") {
                problems.append("Pool '\(pool.fqdn)': Fqdn is not a fully qualified domain name; write it like atl-cs-001.litwareinc.com.")
            }
            claim(pool.fqdn, by: owner)
            if let computers = pool.computers, computers.isEmpty {
                problems.append("Pool '\(pool.fqdn)': Computers is empty; list at least one computer or leave the property out.")
            }
            var seen: Set<String> = []
            for computer in pool.computerFqdns {
                if !Self.isHostName(computer) || !computer.contains(".") {
                    problems.append("Pool '\(pool.fqdn)': computer '\(computer)' is not a fully qualified domain name.")
                }
                if !seen.insert(computer.lowercased()).inserted {
                    problems.append("Pool '\(pool.fqdn)': computer '\(computer)' is listed twice.")
                    continue
                }
                claim(computer, by: owner)
            }
        }
    }

    private func validatePool(_ pool: Pool, site: Site, home: DeploymentHome, _ problems: inout [String]) {
        let name = "Pool '\(pool.fqdn)'"
        let roleNames = PoolRole.allCases.map(\.rawValue).joined(separator: ", ")
        guard let primary = pool.primaryRole else {
            problems.append("\(name): Role '\(pool.role)' is unknown; use one of \(roleNames).")
            return
        }
        for extra in pool.collocatedRoles ?? [] {
            guard let role = PoolRole(named: extra) else {
                problems.append("\(name): CollocatedRoles has the unknown role '\(extra)'; use FrontEnd or PersistentChat.")
                continue
            }
            if role == primary || role == .groupChat || primary == .groupChat {
                problems.append("\(name): CollocatedRoles cannot add '\(extra)' to a \(primary.rawValue) pool; only FrontEnd and PersistentChat may share a pool, each once.")
            }
        }
        let isChat = pool.has(.persistentChat)
        let isGroupChat = pool.has(.groupChat)
        func notApplicable(_ property: String, _ value: String?, allowed: Bool, roles: String) {
            if value != nil && !allowed {
                problems.append("\(name): \(property) applies only to \(roles) pools; remove it.")
            }
        }
        notApplicable("HomePool", pool.homePool, allowed: isChat, roles: "PersistentChat")
        notApplicable("ComplianceSqlStore", pool.complianceSqlStore, allowed: isChat, roles: "PersistentChat")
        notApplicable("Version", pool.version, allowed: isGroupChat, roles: "GroupChat")
        notApplicable("SqlStore", pool.sqlStore, allowed: isChat || isGroupChat, roles: "PersistentChat and GroupChat")
        notApplicable("DatabaseName", pool.databaseName, allowed: isChat || isGroupChat, roles: "PersistentChat and GroupChat")
        notApplicable("FileStore", pool.fileStore, allowed: isChat || isGroupChat, roles: "PersistentChat and GroupChat")
        if isChat { validateHomePool(pool, name: name, &problems) }
        if isChat || isGroupChat {
            validateStores(pool, name: name, home: home, &problems)
        }
        if isGroupChat, let version = pool.version, GroupChatVersion(named: version) == nil {
            problems.append("\(name): Version '\(version)' is unknown; use GroupChat2010 or GroupChat2007R2.")
        }
    }

    private func validateHomePool(_ pool: Pool, name: String, _ problems: inout [String]) {
        let frontEnds = poolsWithSites.map(\.pool).filter { $0.has(.frontEnd) }.map(\.fqdn)
        let choices = frontEnds.isEmpty ? "add a FrontEnd pool to the file" : "name one of: \(frontEnds.joined(separator: ", "))"
        guard let home = pool.homePool, !home.isEmpty else {
            problems.append("\(name): HomePool is missing; a PersistentChat pool needs the Front End pool it is homed on (\(choices)).")
            return
        }
        if !frontEnds.contains(where: { $0.caseInsensitiveCompare(home) == .orderedSame }) {
            problems.append("\(name): HomePool '\(home)' is not a FrontEnd pool of this file; \(choices).")
        }
    }

    private func validateStores(_ pool: Pool, name: String, home: DeploymentHome, _ problems: inout [String]) {
        if let store = pool.sqlStore {
            if let message = Self.sqlInstanceProblem(store, home: home) { problems.append("\(name): SqlStore \(message)") }
        } else {
            problems.append("\(name): SqlStore is missing; write the SQL instance as fqdn\\instance, for example atl-sql-001.litwareinc.com\\rtc.")
        }
        if let compliance = pool.complianceSqlStore, let message = Self.sqlInstanceProblem(compliance, home: home) {
            problems.append("\(name): ComplianceSqlStore \(message)")
        }
        if let database = pool.databaseName,
           database.isEmpty || database.contains("\\") || !DeploymentHome.isSafeName(database) {
            problems.append("\(name): DatabaseName '\(database)' is not a database name; use letters, digits and underscores, like mgc.")
        }
        if let fileStore = pool.fileStore {
            do { _ = try home.fileStoreFolder(fileStore) } catch let error as DeploymentError {
                problems.append("\(name): FileStore \(error.message)")
            } catch {
                problems.append("\(name): FileStore '\(fileStore)' is not usable: \(error).")
            }
        } else {
            problems.append("\(name): FileStore is missing; write the file share as \\\\server\\share or an absolute path.")
        }
    }

    /// Each chat pool needs its own SQL store: the store's service identity
    /// (`PersistentChatStore:fqdn\instance`) and its database file must be its alone.
    private func validateSharedStores(_ problems: inout [String]) {
        var owners: [String: String] = [:]
        for (_, pool) in poolsWithSites where pool.has(.persistentChat) || pool.has(.groupChat) {
            guard let store = pool.sqlStore else { continue }
            if let other = owners[store.lowercased()] {
                problems.append("Pool '\(pool.fqdn)': SqlStore \(store) is already the store of pool '\(other)'; every chat pool needs its own SQL instance.")
            } else {
                owners[store.lowercased()] = pool.fqdn
            }
        }
    }

    private static func sqlInstanceProblem(_ instance: String, home: DeploymentHome) -> String? {
        do {
            _ = try home.sqlInstanceFolder(instance)
            let server = instance.split(separator: "\\", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return isHostName(server) ? nil : "'\(instance)' does not start with a server name; write it as fqdn\\instance."
        } catch let error as DeploymentError {
            return error.message
        } catch {
            return "'\(instance)' is not usable: \(error)."
        }
    }

    /// Letters, digits and hyphens in dot-separated labels (IP addresses pass too).
    static func isHostName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}

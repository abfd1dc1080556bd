extension TopologyDocument {
    /// The topology as XML (Get-CsTopology -AsXml; layout in Scripts/topology/FORMAT.md):
    /// defaults are filled in and each pool lists its computers and service identities.
    public func xml(version: Int?) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"utf-8\"?>"]
        lines.append("<Topology" + Self.attributes([("ForestFqdn", forestFqdn), ("LocalComputer", localComputer),
                                                    ("Version", version.map(String.init))]) + ">")
        for site in sites {
            lines.append("  <Site" + Self.attributes([("Name", site.name), ("SiteId", String(site.siteId)),
                                                      ("Description", site.description), ("City", site.city),
                                                      ("State", site.state), ("Country", site.country)]) + ">")
            for pool in site.pools {
                let info = PoolInfo(site: site, pool: pool)
                let collocated = info.roles.dropFirst().map(\.rawValue).joined(separator: " ")
                lines.append("    <Pool" + Self.attributes([
                    ("Fqdn", pool.fqdn), ("Role", info.role.rawValue), ("CollocatedRoles", collocated.isEmpty ? nil : collocated),
                    ("HomePool", pool.homePool), ("SqlStore", pool.sqlStore), ("DatabaseName", info.databaseName),
                    ("FileStore", pool.fileStore), ("ComplianceSqlStore", pool.complianceSqlStore), ("Version", info.version),
                ]) + ">")
                for computer in info.computers {
                    lines.append("      <Computer" + Self.attributes([("Fqdn", computer)]) + " />")
                }
                for service in info.services {
                    lines.append("      <Service" + Self.attributes([("Identity", service.identity)]) + " />")
                }
                lines.append("    </Pool>")
            }
            lines.append("  </Site>")
        }
        lines.append("</Topology>")
        return lines.joined(separator: "\n")
    }

    private static func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in value.map { " \(name)=\"\(escape($0))\"" } }.joined()
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

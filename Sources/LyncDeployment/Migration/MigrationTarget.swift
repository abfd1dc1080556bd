import GRDB

/// What the import needs to know of the target before planning: the deployment's forest, the
/// pool's services, and the Persistent Chat database's existing names, principals and ids.
public struct MigrationTarget: Sendable {
    public struct Node: Sendable, Equatable {
        public var id: Int64
        public var isCategory: Bool
        public var name: String
        public var guid: String
    }

    /// The deployment's forest (the Central Management Store's).
    public var forest: String
    /// The target pool, when the database belongs to one of the topology.
    public var poolFqdn: String?
    /// True while the pool's Persistent Chat services run.
    public var servicesRunning = false
    /// Categories and rooms by folded name (the root excluded).
    public var nodesByName: [String: Node] = [:]
    public var nodeIDByGuid: [String: Int64] = [:]
    public var addinsByName: [String: (id: String, name: String)] = [:]
    public var principalByGuid: [String: Int64] = [:]
    public var principalByUri: [String: Int64] = [:]
    public var usedNodeIDs: Set<Int64> = []
    public var usedPrincipalIDs: Set<Int64> = []
    public var usedAddinIDs: Set<String> = []

    public init(forest: String, poolFqdn: String?, servicesRunning: Bool) {
        self.forest = forest
        self.poolFqdn = poolFqdn
        self.servicesRunning = servicesRunning
    }

    /// Reads the database's side of the target.
    public mutating func load(from db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT nodeID, nodeType, nodeName, nodeGuid FROM tblNode") {
            let id: Int64 = row[0]
            usedNodeIDs.insert(id)
            guard id != 1 else { continue }
            let node = Node(id: id, isCategory: (row[1] as Int? ?? 0) == 1, name: row[2] ?? "", guid: row[3] ?? "")
            nodesByName[NameFolding.fold(node.name)] = node
            nodeIDByGuid[node.guid.lowercased()] = id
        }
        for row in try Row.fetchAll(db, sql: "SELECT siopID, siopName FROM tblSiopWhiteList") {
            let id: String = row[0], name: String = row[1]
            addinsByName[NameFolding.fold(name)] = (id, name)
            usedAddinIDs.insert(id.lowercased())
        }
        for row in try Row.fetchAll(db, sql: "SELECT prinID, prinGuid, prinUri FROM tblPrincipal") {
            let id: Int64 = row[0]
            usedPrincipalIDs.insert(id)
            if let guid: String = row[1], !guid.isEmpty { principalByGuid[guid.lowercased()] = id }
            if let uri: String = row[2] { principalByUri[NameFolding.fold(uri)] = id }
        }
    }
}

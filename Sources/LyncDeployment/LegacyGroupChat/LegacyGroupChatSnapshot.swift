import Foundation

/// Everything in a legacy Group Chat database except the messages, as read in one transaction,
/// with the lookups and inheritance rules the migration needs. Values stay raw (nil = inherit);
/// the `effective…` helpers resolve them by walking up the category tree to the root.
public struct LegacyGroupChatSnapshot: Sendable {
    /// The settings a node ends up with once inheritance is resolved.
    public struct EffectiveSettings: Sendable, Equatable {
        public var invite: Bool
        public var logged: Bool
        public var filePost: Bool
        /// 2 Private, 3 Scoped.
        public var visibility: Int

        public init(invite: Bool, logged: Bool, filePost: Bool, visibility: Int) {
            self.invite = invite
            self.logged = logged
            self.filePost = filePost
            self.visibility = visibility
        }
    }

    /// A category's effective scope: the rows of the nearest category (itself or an ancestor)
    /// that has any. `definedAt` is nil when no category on the way, not even the root, has one.
    public struct EffectiveScope: Sendable, Equatable {
        public var definedAt: Int?
        public var principalIDs: [Int]

        public init(definedAt: Int?, principalIDs: [Int]) {
            self.definedAt = definedAt
            self.principalIDs = principalIDs
        }
    }

    public let config: LegacyConfig
    public let principals: [LegacyPrincipal]
    /// Categories and rooms, by nodeID.
    public let nodes: [LegacyNode]
    public let roles: [LegacyRoleAssignment]
    public let scopes: [LegacyScopeEntry]
    public let affiliations: [LegacyAffiliation]
    public let addins: [LegacyAddin]

    private let principalIndex: [Int: Int]
    private let nodeIndex: [Int: Int]
    private let childIDs: [Int: [Int]]
    private let scopeByNode: [Int: [Int]]
    private let rolesByNode: [Int: [LegacyRoleAssignment]]

    /// Builds the snapshot and checks the tree; `path` names the file in errors.
    public init(config: LegacyConfig, principals: [LegacyPrincipal], nodes: [LegacyNode], roles: [LegacyRoleAssignment],
                scopes: [LegacyScopeEntry], affiliations: [LegacyAffiliation], addins: [LegacyAddin], path: String) throws {
        self.config = config
        self.principals = principals
        self.nodes = nodes
        self.roles = roles
        self.scopes = scopes
        self.affiliations = affiliations
        self.addins = addins
        principalIndex = Dictionary(principals.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        nodeIndex = Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [Int: [Int]] = [:]
        for node in nodes where !node.isRoot { children[node.parentID, default: []].append(node.id) }
        childIDs = children
        scopeByNode = Dictionary(grouping: scopes, by: \.nodeID).mapValues { $0.map(\.principalID) }
        rolesByNode = Dictionary(grouping: roles, by: \.nodeID)
        try checkTree(path: path)
    }

    private func checkTree(path: String) throws {
        func broken(_ what: String) -> DeploymentError {
            DeploymentError(.invalidData, id: "LegacyCategoryTreeInvalid",
                            "The legacy Group Chat database '\(path)' breaks the contract: \(what).", target: path)
        }
        guard let root = node(id: LegacyNode.rootID), root.isCategory, root.parentID == LegacyNode.rootID else {
            throw broken("there is no root category (nodeID 1, parentID 1, nodeType 1)")
        }
        let unset = [("invite", root.invite == nil), ("logged", root.logged == nil), ("filePost", root.filePost == nil),
                     ("visibility", root.visibility == nil)].filter(\.1).map(\.0)
        if !unset.isEmpty { throw broken("the root category's \(unset.joined(separator: ", ")) is NULL; the root ends inheritance") }
        for item in nodes where !item.isRoot {
            guard let parent = node(id: item.parentID) else {
                throw broken("node \(item.id) '\(item.name)' names the parent \(item.parentID), which does not exist")
            }
            guard parent.isCategory else {
                throw broken("node \(item.id) '\(item.name)' has the room '\(parent.name)' as its parent; parents are categories")
            }
        }
        // Every node must reach the root; with all parents present, a node that does not is on a cycle.
        for item in nodes where ancestors(of: item.id).last?.id != LegacyNode.rootID && !item.isRoot {
            throw broken("node \(item.id) '\(item.name)' is on a cycle of parents that never reaches the root")
        }
    }

    // MARK: Lookups

    public var root: LegacyNode { nodes[nodeIndex[LegacyNode.rootID] ?? 0] }
    public var categories: [LegacyNode] { nodes.filter(\.isCategory) }
    public var rooms: [LegacyNode] { nodes.filter(\.isRoom) }

    public func node(id: Int) -> LegacyNode? { nodeIndex[id].map { nodes[$0] } }
    public func principal(id: Int) -> LegacyPrincipal? { principalIndex[id].map { principals[$0] } }

    public func principal(uri: String) -> LegacyPrincipal? {
        principals.first { $0.uri.caseInsensitiveCompare(uri) == .orderedSame }
    }

    /// The category with this name (case-insensitive), the root included.
    public func category(named name: String) -> LegacyNode? {
        nodes.first { $0.isCategory && $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    public func room(named name: String) -> LegacyNode? {
        nodes.first { $0.isRoom && $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The add-in with this siopID (GUIDs compare case-insensitively).
    public func addin(id: String) -> LegacyAddin? { addins.first { $0.id.caseInsensitiveCompare(id) == .orderedSame } }

    /// The direct children (categories and rooms) of a category, by nodeID.
    public func children(of id: Int) -> [LegacyNode] { (childIDs[id] ?? []).compactMap(node(id:)) }

    /// The groups (and OUs/domains) a principal belongs to, self row excluded.
    public func groups(of principalID: Int) -> [Int] {
        affiliations.filter { $0.principalID == principalID && !$0.isSelf }.map(\.affiliationID)
    }

    /// The direct members of a group, self row excluded.
    public func members(of groupID: Int) -> [Int] {
        affiliations.filter { $0.affiliationID == groupID && !$0.isSelf }.map(\.principalID)
    }

    /// The role rows placed on a node itself (not inherited), optionally of one role.
    public func roles(on nodeID: Int, _ role: LegacyRole? = nil) -> [LegacyRoleAssignment] {
        let own = rolesByNode[nodeID] ?? []
        guard let role else { return own }
        return own.filter { $0.roleTypeID == role.rawValue }
    }

    /// The scope rows placed on a node itself.
    public func scope(on nodeID: Int) -> [Int] { scopeByNode[nodeID] ?? [] }

    // MARK: Inheritance

    /// The parent categories of a node, nearest first, ending with the root (empty for the root
    /// and for unknown nodes).
    public func ancestors(of id: Int) -> [LegacyNode] {
        var chain: [LegacyNode] = []
        var seen: Set<Int> = [id]
        var current = node(id: id)
        while let item = current, !item.isRoot, let parent = node(id: item.parentID), seen.insert(parent.id).inserted {
            chain.append(parent)
            current = parent
        }
        return chain
    }

    /// The node and its ancestors, nearest first.
    private func chain(_ id: Int) -> [LegacyNode] { (node(id: id).map { [$0] } ?? []) + ancestors(of: id) }

    /// The names from the root down to the node itself: `Root/Eng/Backend` for a category,
    /// `Root/Eng/Backend/build` for a room in it.
    public func path(of id: Int) -> String { chain(id).reversed().map(\.name).joined(separator: "/") }

    /// The path of the category a node is or sits in: `Root/Eng/Backend` for the category
    /// Backend and for every room in it.
    public func categoryPath(of id: Int) -> String {
        guard let item = node(id: id) else { return "" }
        return path(of: item.isCategory ? id : item.parentID)
    }

    /// The first non-nil value of a setting on the node or up its chain.
    private func inherited<T>(_ id: Int, _ value: (LegacyNode) -> T?) -> T? {
        for item in chain(id) { if let found = value(item) { return found } }
        return nil
    }

    public func effectiveInvite(of id: Int) -> Bool { inherited(id, \.invite) ?? false }
    public func effectiveLogged(of id: Int) -> Bool { inherited(id, \.logged) ?? true }
    public func effectiveFilePost(of id: Int) -> Bool { inherited(id, \.filePost) ?? true }
    /// 2 Private or 3 Scoped (Scoped when nothing up the tree says otherwise).
    public func effectiveVisibility(of id: Int) -> Int { inherited(id, \.visibility) ?? LegacyNode.scopedVisibility }

    public func effectiveSettings(of id: Int) -> EffectiveSettings {
        EffectiveSettings(invite: effectiveInvite(of: id), logged: effectiveLogged(of: id),
                          filePost: effectiveFilePost(of: id), visibility: effectiveVisibility(of: id))
    }

    /// The effective scope of a category (for a room: of its category): the scope rows of the
    /// nearest category on the way up that has any; no intersection.
    public func effectiveScope(of id: Int) -> EffectiveScope {
        guard let item = node(id: id) else { return EffectiveScope(definedAt: nil, principalIDs: []) }
        let start = item.isCategory ? id : item.parentID
        for category in chain(start) {
            let rows = scope(on: category.id)
            if !rows.isEmpty { return EffectiveScope(definedAt: category.id, principalIDs: rows) }
        }
        return EffectiveScope(definedAt: nil, principalIDs: [])
    }

    /// Principals holding `role` on the node through inheritance: its own rows plus those of
    /// every category above it. For `.member` the walk stops after the first node (the node
    /// itself included) that sets overrideMember, since that node starts its own member list.
    public func inheritedRoleHolders(_ role: LegacyRole, on id: Int) -> [Int] {
        var holders: [Int] = []
        var seen: Set<Int> = []
        for item in chain(id) {
            for row in roles(on: item.id, role) where seen.insert(row.principalID).inserted { holders.append(row.principalID) }
            if role == .member && item.overrideMember { break }
        }
        return holders
    }
}

/// Turns an export file's data into a plan for the target, applying every rule of
/// migration-rules.md to legacy data and restoring a Persistent Chat export as it is. Pure: it
/// reads only its inputs, so -WhatIf and the real import see exactly the same findings.
public struct MigrationPlanner {
    let data: ChatExportData
    let target: MigrationTarget
    var plan: MigrationPlan
    // Indexes over the data.
    let nodes: IndexedByID<ExportedNode>
    let principals: IndexedByID<ExportedPrincipal>
    let rolesByNode: [Int: [ExportedRole]]
    let scopeByNode: [Int: [ExportedScope]]
    let addinsByID: [String: ExportedAddin]
    /// Per principal, the lists it was dropped from (warned once at the end).
    var droppedFederated: [Int: Set<String>] = [:]
    var droppedDisabled: [Int: Set<String>] = [:]
    /// Folded name -> the plan item that took it (for collisions).
    var takenNames: [String: String] = [:]
    var takenAddinNames: [String: String] = [:]

    public static func plan(_ data: ChatExportData, target: MigrationTarget) -> MigrationPlan {
        var planner = MigrationPlanner(data: data, target: target)
        planner.run()
        return planner.plan
    }

    init(data: ChatExportData, target: MigrationTarget) {
        self.data = data
        self.target = target
        plan = MigrationPlan(source: data.manifest.source)
        nodes = IndexedByID(data.nodes, id: \.id)
        principals = IndexedByID(data.principals, id: \.id)
        rolesByNode = Dictionary(grouping: data.roles, by: \.nodeID)
        scopeByNode = Dictionary(grouping: data.scopes, by: \.nodeID)
        addinsByID = Dictionary(data.addins.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func run() {
        checkPreconditions()
        checkSourceIntegrity()
        planPrincipals()
        planAddins()
        if data.manifest.source.isLegacy { planLegacyNodes() } else { planPersistentChatNodes() }
        reportDroppedPrincipals()
        assignIDs()
    }

    // MARK: Preconditions (rules 16, 17)

    mutating func checkPreconditions() {
        let forest = data.manifest.forestFqdn ?? ""
        if forest.isEmpty {
            plan.add(.error, .forest, "ForestFqdn", "the export file names no source forest, so it cannot be checked against the deployment's forest \(target.forest).",
                     id: "SourceForestUnknown")
        } else if forest.caseInsensitiveCompare(target.forest) != .orderedSame {
            plan.add(.error, .forest, forest, "the data comes from the forest \(forest), but this deployment is in \(target.forest); Persistent Chat cannot migrate between forests.",
                     id: "ForestMismatch")
        }
        if target.servicesRunning, let pool = target.poolFqdn {
            plan.add(.error, .services, pool, "the pool's Persistent Chat services are running; stop them first (Stop-CsWindowsService -Name RTCCHAT on each computer of the pool), then import.",
                     id: "PersistentChatServicesRunning")
        }
    }

    // MARK: Source integrity

    mutating func checkSourceIntegrity() {
        var seenPrincipals: Set<Int> = []
        for principal in data.principals where !seenPrincipals.insert(principal.id).inserted {
            plan.add(.error, .sourceData, principal.uri, "the principal id \(principal.id) appears twice in the export file.", id: "DuplicatePrincipal")
        }
        var seenNodes: Set<Int> = []
        for node in data.nodes where !seenNodes.insert(node.id).inserted {
            plan.add(.error, .sourceData, node.name, "the node id \(node.id) appears twice in the export file.", id: "DuplicateNode")
        }
        for role in data.roles where principals[role.principalID] == nil {
            plan.add(.error, .sourceData, path(of: role.nodeID), "a role names the principal id \(role.principalID), which the export file does not contain.",
                     id: "UnknownPrincipal")
        }
        for scope in data.scopes where principals[scope.principalID] == nil {
            plan.add(.error, .sourceData, path(of: scope.nodeID), "the scope names the principal id \(scope.principalID), which the export file does not contain.",
                     id: "UnknownPrincipal")
        }
        for affiliation in data.affiliations where principals[affiliation.principalID] == nil || principals[affiliation.affiliationID] == nil {
            plan.add(.error, .sourceData, "affiliation \(affiliation.principalID) -> \(affiliation.affiliationID)",
                     "a group membership names a principal the export file does not contain.", id: "UnknownPrincipal")
        }
        for node in data.nodes where !(data.manifest.source.isLegacy && node.isRoot) {
            if !data.manifest.source.isLegacy && node.isCategory && node.parentID == ExportedNode.rootID { continue }
            guard let parent = nodes[node.parentID], parent.id != node.id else {
                plan.add(.error, .sourceData, node.name, "its parent node \(node.parentID) is not in the export file.", id: "UnknownParent")
                continue
            }
            if !parent.isCategory {
                plan.add(.error, .sourceData, path(of: node.id), "its parent '\(parent.name)' is a room; parents are categories.", id: "InvalidParent")
            }
        }
    }

    // MARK: Principals

    mutating func planPrincipals() {
        var newIDs: Set<Int64> = []
        newIDs.reserveCapacity(data.principals.count)
        plan.newPrincipals = PrincipalSubset(of: data.principals)
        plan.principalIDs.reserveCapacity(data.principals.count)
        // Into an empty pool nothing can match: no folding of every URI.
        let targetHasPrincipals = !target.principalByGuid.isEmpty || !target.principalByUri.isEmpty
        for (position, principal) in data.principals.enumerated() {
            plan.counts["Principals", default: .init()].read += 1
            if targetHasPrincipals,
               let existing = target.principalByGuid[principal.guid.lowercased()] ?? target.principalByUri[NameFolding.fold(principal.uri)] {
                plan.principalIDs[principal.id] = existing
                continue
            }
            plan.newPrincipals.append(position: position)
            plan.counts["Principals", default: .init()].written += 1
            let wanted = Int64(principal.id)
            if wanted > 0, !target.usedPrincipalIDs.contains(wanted), newIDs.insert(wanted).inserted {
                plan.principalIDs[principal.id] = wanted
            } else {
                plan.principalIDs[principal.id] = 0 // assigned in assignIDs
            }
        }
        plan.affiliations = data.affiliations
    }

    /// Keeps the principals a role list may hold: federated ones leave every list, disabled ones
    /// every list but AllowedMembers (legacy data only). Records what was dropped for the warnings.
    mutating func filter(_ ids: [Int], list: String) -> [Int] {
        guard data.manifest.source.isLegacy else { return ids.filter { principals[$0] != nil } }
        var kept: [Int] = []
        for id in ids {
            guard let principal = principals[id] else { continue }
            if principal.isFederated {
                droppedFederated[id, default: []].insert(list)
            } else if principal.disabled != 0 && list != "AllowedMembers" {
                droppedDisabled[id, default: []].insert(list)
            } else if !kept.contains(id) {
                kept.append(id)
            }
        }
        return kept
    }

    mutating func reportDroppedPrincipals() {
        for (id, lists) in droppedFederated.sorted(by: { $0.key < $1.key }) {
            let uri = principals[id]?.uri ?? "principal \(id)"
            plan.add(.warning, .federatedPrincipals, uri,
                     "federated and external principals have no place in Persistent Chat: removed from \(lists.sorted().joined(separator: ", ")); their messages stay and still name them.")
        }
        for principal in data.principals where principal.isFederated && data.manifest.source.isLegacy && plan.newPrincipals.contains(id: principal.id) {
            plan.add(.conversion, .federatedPrincipals, principal.uri,
                     "kept only as the author of its messages, with the type \(MigrationWriter.persistentChatType(principal.typeID) == 5 ? "User" : "Group") (Persistent Chat has no federated types).")
        }
        for (id, lists) in droppedDisabled.sorted(by: { $0.key < $1.key }) {
            let uri = principals[id]?.uri ?? "principal \(id)"
            plan.add(.warning, .disabledPrincipals, uri,
                     "the principal is disabled: removed from \(lists.sorted().joined(separator: ", ")); it stays in history\(lists.contains("AllowedMembers") ? "" : " and in AllowedMembers").")
        }
    }

    // MARK: Add-ins (rule 13)

    mutating func planAddins() {
        for addin in data.addins {
            plan.counts["Add-ins", default: .init()].read += 1
            var ok = true
            if addin.name.utf16.count > PersistentChatRepository.maxAddinNameLength {
                plan.add(.error, .addins, addin.name, "the add-in name has \(addin.name.utf16.count) characters; Persistent Chat allows \(PersistentChatRepository.maxAddinNameLength). Shorten it in the source and export again.",
                         id: "AddinNameTooLong")
                ok = false
            }
            if addin.url.utf16.count > PersistentChatRepository.maxAddinUrlLength {
                plan.add(.error, .addins, addin.name, "the add-in URL has \(addin.url.utf16.count) characters; Persistent Chat allows \(PersistentChatRepository.maxAddinUrlLength).",
                         id: "AddinUrlTooLong")
                ok = false
            }
            let key = NameFolding.fold(addin.name)
            if let other = takenAddinNames[key] {
                plan.add(.error, .nameCollision, addin.name, "two add-ins are named alike ('\(other)' and '\(addin.name)'); add-in names must be unique.",
                         id: "AddinNameCollision")
                ok = false
            }
            takenAddinNames[key] = addin.name
            guard ok else { continue }
            var planned = MigrationPlan.Addin(sourceID: addin.id, name: addin.name, url: addin.url)
            if let existing = target.addinsByName[key] {
                planned.id = existing.id
                planned.overwrites = true
                plan.add(.warning, .overwrites, addin.name, "the pool already has the add-in '\(existing.name)'; it is overwritten with the imported URL.")
            }
            plan.addins.append(planned)
            plan.counts["Add-ins", default: .init()].written += 1
        }
    }

    // MARK: Names (rules 3, 4, 15)

    /// Checks length, collisions within the file and conflicts with the target; records the
    /// name. Returns the existing target node it overwrites (nil: new), or false when refused.
    mutating func claim(_ name: String, isCategory: Bool, path: String) -> (ok: Bool, overwrites: MigrationTarget.Node?) {
        var ok = true
        if name.utf16.count > PersistentChatRepository.maxNameLength {
            plan.add(.error, .nameLength, path, "the name '\(name.prefix(60))…' has \(name.utf16.count) characters (prefix included); Persistent Chat allows \(PersistentChatRepository.maxNameLength). Shorten the legacy names and export again.",
                     id: "NameTooLong")
            ok = false
        }
        let key = NameFolding.fold(name)
        if let other = takenNames[key] {
            plan.add(.error, .nameCollision, path, "it becomes '\(name)', as does \(other); categories and rooms need distinct names. Rename one in the source and export again.",
                     id: "NameCollision")
            return (false, nil)
        }
        takenNames[key] = path
        guard ok else { return (false, nil) }
        guard let existing = target.nodesByName[key] else { return (true, nil) }
        guard existing.isCategory == isCategory else {
            plan.add(.error, .overwrites, path, "it becomes the \(isCategory ? "category" : "room") '\(name)', but the pool has a \(existing.isCategory ? "category" : "room") of that name; a room cannot overwrite a category or the reverse. Rename one of them.",
                     id: "NameConflictsWithTarget")
            return (false, nil)
        }
        plan.add(.warning, .overwrites, path, "the pool already has the \(isCategory ? "category" : "room") '\(existing.name)'; it is overwritten by the imported one.")
        return (true, existing)
    }

    // MARK: Helpers

    /// `Root/Eng/Backend/build` for legacy nodes; the name for Persistent Chat ones.
    func path(of id: Int) -> String {
        guard let node = nodes[id] else { return "node \(id)" }
        guard data.manifest.source.isLegacy else { return node.name }
        return chain(of: id).reversed().map(\.name).joined(separator: "/")
    }

    /// The node and its ancestors, nearest first, ending with the root.
    func chain(of id: Int) -> [ExportedNode] {
        var result: [ExportedNode] = []
        var seen: Set<Int> = []
        var current = nodes[id]
        while let node = current, seen.insert(node.id).inserted {
            result.append(node)
            if node.isRoot { break }
            current = nodes[node.parentID]
        }
        return result
    }

    func roles(on id: Int, _ role: Int) -> [Int] {
        (rolesByNode[id] ?? []).filter { $0.roleTypeID == role }.map(\.principalID)
    }

    /// Principals holding `role` on the node or any category above it (members stop after a
    /// node that overrides membership), in that order, each once.
    func inherited(_ role: Int, on id: Int) -> [Int] {
        var result: [Int] = []
        var seen: Set<Int> = []
        for node in chain(of: id) {
            for principal in roles(on: node.id, role) where seen.insert(principal).inserted { result.append(principal) }
            if role == ExportedRole.member && node.overrideMember { break }
        }
        return result
    }

    mutating func assignIDs() {
        var usedNodes = target.usedNodeIDs
        var nextNode = (usedNodes.max() ?? 1) + 1
        func freshNode(preferring wanted: Int?) -> Int64 {
            if let wanted, wanted > 1, usedNodes.insert(Int64(wanted)).inserted { return Int64(wanted) }
            while usedNodes.contains(nextNode) { nextNode += 1 }
            usedNodes.insert(nextNode)
            return nextNode
        }
        // Overwritten nodes keep their ids; new ones keep the source's when it is free.
        for index in plan.categories.indices where plan.categories[index].nodeID == 0 {
            plan.categories[index].nodeID = freshNode(preferring: plan.categories[index].sourceID)
        }
        for index in plan.rooms.indices {
            if plan.rooms[index].nodeID == 0 { plan.rooms[index].nodeID = freshNode(preferring: plan.rooms[index].sourceID) }
            if let category = plan.rooms[index].categoryIndex { plan.rooms[index].categoryNodeID = plan.categories[category].nodeID }
            plan.roomNodeIDs[plan.rooms[index].sourceID] = plan.rooms[index].nodeID
        }
        var usedPrincipals = target.usedPrincipalIDs.union(plan.principalIDs.values.filter { $0 > 0 })
        var nextPrincipal = (usedPrincipals.max() ?? 0) + 1
        for (source, id) in plan.principalIDs where id == 0 {
            while usedPrincipals.contains(nextPrincipal) { nextPrincipal += 1 }
            usedPrincipals.insert(nextPrincipal)
            plan.principalIDs[source] = nextPrincipal
        }
        var usedAddins = target.usedAddinIDs
        for index in plan.addins.indices where plan.addins[index].id.isEmpty {
            let wanted = plan.addins[index].sourceID
            plan.addins[index].id = usedAddins.insert(wanted.lowercased()).inserted ? wanted : UUIDText.random()
        }
    }
}

/// Random GUIDs in the lower-case 8-4-4-4-12 form the databases use.
enum UUIDText {
    static func random() -> String { UUID().uuidString.lowercased() }
}

import Foundation

/// Items looked up by id through their position, without a second copy of each: an export's
/// principals and nodes are large structs, tens of thousands of them. Dense ids (the sources
/// number them from 1) index a flat table of positions; others go through a dictionary.
struct IndexedByID<Item> {
    let items: [Item]
    private let base: Int
    /// Position + 1 per id from `base` (0: none); empty when the ids are sparse.
    private let table: [Int32]
    private let positions: [Int: Int]

    /// The first item with an id wins (duplicates are reported by the planner).
    init(_ items: [Item], id: (Item) -> Int) {
        self.items = items
        let low = items.lazy.map(id).min() ?? 0, high = items.lazy.map(id).max() ?? 0
        let span = high.subtractingReportingOverflow(low)
        if !items.isEmpty, items.count < Int32.max, !span.overflow, span.partialValue <= items.count * 4 + 4096 {
            var table = [Int32](repeating: 0, count: span.partialValue + 1)
            for (position, item) in items.enumerated() where table[id(item) - low] == 0 { table[id(item) - low] = Int32(position + 1) }
            (base, self.table, positions) = (low, table, [:])
        } else {
            var positions: [Int: Int] = [:]
            positions.reserveCapacity(items.count)
            for (position, item) in items.enumerated() where positions[id(item)] == nil { positions[id(item)] = position }
            (base, table, self.positions) = (0, [], positions)
        }
    }

    subscript(id: Int) -> Item? {
        if table.isEmpty { return positions[id].map { items[$0] } }
        let slot = id &- base
        guard slot >= 0 && slot < table.count, table[slot] != 0 else { return nil }
        return items[Int(table[slot]) - 1]
    }
}

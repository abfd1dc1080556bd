/// The conversions of legacy Group Chat data (migration-rules.md, rules 1–14).
extension MigrationPlanner {
    mutating func planLegacyNodes() {
        // Lazy: views of the file's nodes, not copies (tens of thousands of large structs).
        let categories = data.nodes.lazy.filter(\.isCategory)
        let rooms = data.nodes.lazy.filter { !$0.isCategory }
        guard let root = nodes[ExportedNode.rootID], root.isCategory else {
            if !data.nodes.isEmpty {
                plan.add(.error, .sourceData, "Root", "the export file has no root category (node 1); legacy categories and rooms cannot be placed without it.",
                         id: "RootCategoryMissing")
            }
            return
        }
        // Migrated rooms first, so the root-named category is made only when it gets one.
        let migrating = rooms.filter { !$0.isContext && !$0.disabled }
        let rootGetsRooms = migrating.contains { $0.parentID == ExportedNode.rootID }
        plan.rooms.reserveCapacity(migrating.count)
        var categoryIndex: [Int: Int] = [:]
        for category in categories where !category.isContext && (!category.isRoot || rootGetsRooms) {
            plan.counts["Categories", default: .init()].read += 1
            if let index = planCategory(category) { categoryIndex[category.id] = index }
        }
        for room in rooms where !room.isContext {
            plan.counts["Rooms", default: .init()].read += 1
            if room.disabled {
                plan.skippedRooms[room.id] = path(of: room.id)
                plan.counts["Rooms", default: .init()].skipped += 1
                plan.add(.conversion, .disabledRooms, path(of: room.id), "the room is disabled in the source, so it is not migrated (nor are its messages).")
                continue
            }
            planLegacyRoom(room, categoryIndex: categoryIndex)
        }
        for room in rooms where room.isContext { resolveContextRoom(room) }
        // Root managers manage every migrated room (rule 5): one warning each.
        let migrated = plan.rooms.count
        if migrated > 0 {
            for manager in filterQuietly(roles(on: ExportedNode.rootID, ExportedRole.manager)) {
                plan.add(.warning, .managers, principals[manager]?.uri ?? "principal \(manager)",
                         "a manager of the root category becomes a manager of every migrated room (\(migrated) room\(migrated == 1 ? "" : "s")). Remove it from the root's managers in the source first if that is not wanted.")
            }
        }
    }

    /// Root managers that stay in role lists (the others are warned about as dropped).
    func filterQuietly(_ ids: [Int]) -> [Int] {
        ids.filter { id in principals[id].map { !$0.isFederated && $0.disabled == 0 } ?? false }
    }

    /// The flattened name: the names below the root down to the category, joined with `_`.
    func flatName(of categoryID: Int) -> String {
        let chain = chain(of: categoryID)
        guard let first = chain.first else { return "" }
        if first.isRoot { return first.name }
        return chain.filter { !$0.isRoot }.reversed().map(\.name).joined(separator: "_")
    }

    func isNested(_ categoryID: Int) -> Bool {
        guard let node = nodes[categoryID], !node.isRoot else { return false }
        return node.parentID != ExportedNode.rootID
    }

    /// Inherited settings: the first non-nil value up the chain.
    func effective(_ id: Int, _ value: (ExportedNode) -> Bool?, default fallback: Bool) -> Bool {
        for node in chain(of: id) { if let found = value(node) { return found } }
        return fallback
    }

    func effectiveVisibility(_ id: Int) -> Int? {
        for node in chain(of: id) { if let found = node.visibility { return found } }
        return nil
    }

    /// The scope rows of the nearest category with any (itself or above).
    func effectiveScope(_ categoryID: Int) -> [Int] {
        for node in chain(of: categoryID) {
            let rows = (scopeByNode[node.id] ?? []).map(\.principalID)
            if !rows.isEmpty { return rows }
        }
        return []
    }

    mutating func planCategory(_ category: ExportedNode) -> Int? {
        let sourcePath = path(of: category.id)
        let name = flatName(of: category.id)
        let claim = claim(name, isCategory: true, path: sourcePath)
        if isNested(category.id) {
            plan.add(.conversion, .flattenCategories, sourcePath, "the nested category becomes the category '\(name)'.")
        } else if category.isRoot {
            plan.add(.conversion, .flattenCategories, sourcePath, "rooms directly under the root category go to a category named '\(name)'.")
        }
        if let description = category.description, description.utf16.count > PersistentChatRepository.maxNameLength {
            plan.add(.error, .nameLength, sourcePath, "the description has \(description.utf16.count) characters; Persistent Chat allows \(PersistentChatRepository.maxNameLength).",
                     id: "DescriptionTooLong")
            return nil
        }
        guard claim.ok else { return nil }
        let allowed = filter(effectiveScope(category.id), list: "AllowedMembers")
        let creators = filter(inherited(ExportedRole.creator, on: category.id), list: "Creators")
        let invitations = effective(category.id, \.invite, default: false)
        let history = effective(category.id, \.logged, default: true)
        let upload = effective(category.id, \.filePost, default: true)
        if !category.isRoot {
            for (setting, own, value) in [("invitations", category.invite, invitations), ("chat history", category.logged, history),
                                          ("file upload", category.filePost, upload)] where own == nil {
                plan.add(.conversion, setting == "invitations" ? .invitations : .categorySettings, sourcePath,
                         "\(setting) is inherited; the category gets the effective value \(value ? "True" : "False").")
            }
        }
        var planned = MigrationPlan.Category(
            sourceID: category.id, sourcePath: sourcePath, name: name, guid: category.guid, description: category.description, invitations: invitations,
            chatHistory: history, fileUpload: upload, scope: allowed.map { .init(principalID: $0, denied: false) },
            creators: creators, addedOn: category.addedOn, updatedOn: category.updatedOn)
        if let existing = claim.overwrites {
            planned.nodeID = existing.id
            planned.overwrites = true
        }
        plan.categories.append(planned)
        plan.counts["Categories", default: .init()].written += 1
        return plan.categories.count - 1
    }

    /// The target node of a room's category: planned now, or (for context categories) already
    /// in the target under its flattened name.
    mutating func categoryTarget(of room: ExportedNode, categoryIndex: [Int: Int]) -> (index: Int?, nodeID: Int64)? {
        if let index = categoryIndex[room.parentID] { return (index, plan.categories[index].nodeID) }
        let name = flatName(of: room.parentID)
        if let existing = target.nodesByName[NameFolding.fold(name)], existing.isCategory { return (nil, existing.id) }
        if let parent = nodes[room.parentID], !parent.isContext {
            return nil // the category itself was refused; its error says why
        }
        plan.add(.error, .sourceData, path(of: room.id), "its category '\(name)' is neither in the export file nor in the pool. Import the Category level first.",
                 id: "CategoryNotInTarget")
        return nil
    }

    mutating func planLegacyRoom(_ room: ExportedNode, categoryIndex: [Int: Int]) {
        let sourcePath = path(of: room.id)
        let categoryName = flatName(of: room.parentID)
        let nested = isNested(room.parentID)
        let name = nested ? categoryName + "_" + room.name : room.name
        if nested { plan.add(.conversion, .prefixRooms, sourcePath, "the room becomes '\(name)' in the category '\(categoryName)'.") }
        var ok = claim(name, isCategory: false, path: sourcePath)
        if let description = room.description, description.utf16.count > PersistentChatRepository.maxNameLength {
            plan.add(.error, .nameLength, sourcePath, "the description has \(description.utf16.count) characters; Persistent Chat allows \(PersistentChatRepository.maxNameLength).",
                     id: "DescriptionTooLong")
            ok = (false, nil)
        }
        if let topic = room.topic, !topic.isEmpty {
            plan.add(.conversion, .privacyAndType, sourcePath, "Persistent Chat rooms have no topic; the topic '\(topic.prefix(60))' is dropped (the description stays).")
        }
        // Privacy and type (rule 9).
        let visibility: Int?
        switch effectiveVisibility(room.id) ?? 3 {
        case 3: visibility = RoomPrivacy.closed.visibility
        case 2: visibility = RoomPrivacy.secret.visibility
        case let other:
            plan.add(.error, .sourceData, sourcePath, "its visibility \(other) is not a legacy value (2 Private, 3 Scoped).", id: "UnknownVisibility")
            visibility = nil
        }
        guard room.behavior == 4 || room.behavior == 5 else {
            plan.add(.error, .sourceData, sourcePath, "its behavior \(room.behavior) is not a legacy value (4 Normal, 5 Auditorium).", id: "UnknownBehavior")
            return
        }
        let auditorium = room.behavior == 5
        // Add-in.
        var addin: String?
        if let id = room.addinID, !id.isEmpty {
            if let found = addinsByID[id.lowercased()] {
                addin = found.id
            } else {
                plan.add(.error, .sourceData, sourcePath, "it shows the add-in \(id), which the export file does not contain.", id: "UnknownAddin")
            }
        }
        guard let visibility, ok.ok, let category = categoryTarget(of: room, categoryIndex: categoryIndex) else { return }
        // Invitations (rule 7) and the room-level settings that moved to the category (rule 8).
        let categoryInvite = effective(room.parentID, \.invite, default: false)
        var invite: Bool?
        switch room.invite {
        case nil: invite = nil
        case false?: invite = false
        case true?:
            if categoryInvite { invite = nil } else {
                invite = false
                plan.add(.warning, .invitations, sourcePath, "invitations are on for the room but off for its category '\(categoryName)'; the room gets Invitations False.")
            }
        }
        for (setting, own, categoryValue) in [("chat history", room.logged, effective(room.parentID, \.logged, default: true)),
                                              ("file upload", room.filePost, effective(room.parentID, \.filePost, default: true))] {
            if let own, own != categoryValue {
                plan.add(.warning, .categorySettings, sourcePath, "the room has \(setting) \(own ? "on" : "off") but its category '\(categoryName)' has it \(categoryValue ? "on" : "off"); Persistent Chat sets it per category, so the category's value applies.")
            }
        }
        // Roles (rules 5, 6, 9, 10, 11).
        var rows: [MigrationPlan.RoleRow] = []
        for manager in filter(inherited(ExportedRole.manager, on: room.id), list: "Managers") { rows.append(.init(roleTypeID: ExportedRole.manager, principalID: manager)) }
        for member in filter(inherited(ExportedRole.member, on: room.id), list: "Members") { rows.append(.init(roleTypeID: ExportedRole.member, principalID: member)) }
        if auditorium {
            for presenter in filter(inherited(ExportedRole.voiced, on: room.id), list: "Presenters") { rows.append(.init(roleTypeID: ExportedRole.voiced, principalID: presenter)) }
        } else {
            for voiced in roles(on: room.id, ExportedRole.voiced) {
                plan.add(.warning, .privacyAndType, sourcePath, "\(principals[voiced]?.uri ?? "principal \(voiced)") is a presenter, but the room is not an auditorium; presenters are dropped from normal rooms.")
            }
        }
        if !roles(on: room.id, ExportedRole.creator).isEmpty {
            plan.add(.conversion, .membersAndScope, sourcePath, "creator roles held on a room have no meaning in Persistent Chat and are ignored.")
        }
        if !(scopeByNode[room.id] ?? []).isEmpty {
            plan.add(.conversion, .membersAndScope, sourcePath, "scope rows held on a room are ignored; the category's scope applies.")
        }
        var planned = MigrationPlan.Room(
            sourceID: room.id, sourcePath: sourcePath, name: name, guid: room.guid, description: room.description,
            categoryNodeID: category.nodeID, categoryIndex: category.index, disabled: false, invite: invite, visibility: visibility,
            behavior: room.behavior, addinID: addin, roles: rows, addedOn: room.addedOn, updatedOn: room.updatedOn)
        if let existing = ok.overwrites {
            planned.nodeID = existing.id
            planned.overwrites = true
            plan.overwrittenRoomNodeIDs.insert(existing.id)
        }
        plan.rooms.append(planned)
        plan.counts["Rooms", default: .init()].written += 1
    }

    /// A room exported only for its messages: found in the target by GUID, else by its name.
    mutating func resolveContextRoom(_ room: ExportedNode) {
        if let id = target.nodeIDByGuid[room.guid.lowercased()] {
            plan.roomNodeIDs[room.id] = id
            return
        }
        let name = isNested(room.parentID) && data.manifest.source.isLegacy ? flatName(of: room.parentID) + "_" + room.name : room.name
        if let existing = target.nodesByName[NameFolding.fold(name)], !existing.isCategory {
            plan.roomNodeIDs[room.id] = existing.id
        } else if room.disabled && data.manifest.source.isLegacy {
            plan.skippedRooms[room.id] = path(of: room.id)
        } else {
            plan.unplacedRooms[room.id] = path(of: room.id)
        }
    }
}

/// A Persistent Chat export (a backup, or a move between pools) is restored as it was: the same
/// categories with their allowed, denied and creator lists, the same rooms with their privacy,
/// type, invitations, disabled state and roles. Only the name checks and overwrites apply.
extension MigrationPlanner {
    mutating func planPersistentChatNodes() {
        var categoryIndex: [Int: Int] = [:]
        for category in data.nodes where category.isCategory && !category.isContext {
            plan.counts["Categories", default: .init()].read += 1
            let claim = claim(category.name, isCategory: true, path: category.name)
            guard claim.ok else { continue }
            let scope = (scopeByNode[category.id] ?? []).filter { principals[$0.principalID] != nil }
                .map { MigrationPlan.ScopeRow(principalID: $0.principalID, denied: $0.denied) }
            var planned = MigrationPlan.Category(
                sourceID: category.id, sourcePath: category.name, name: category.name, guid: category.guid, description: category.description,
                invitations: category.invite ?? true, chatHistory: category.logged ?? true, fileUpload: category.filePost ?? true,
                scope: scope, creators: filter(roles(on: category.id, ExportedRole.creator), list: "Creators"),
                addedOn: category.addedOn, updatedOn: category.updatedOn)
            if let existing = claim.overwrites {
                planned.nodeID = existing.id
                planned.overwrites = true
            }
            plan.categories.append(planned)
            categoryIndex[category.id] = plan.categories.count - 1
            plan.counts["Categories", default: .init()].written += 1
        }
        for room in data.nodes where !room.isCategory {
            if room.isContext {
                resolveContextRoom(room)
                continue
            }
            plan.counts["Rooms", default: .init()].read += 1
            guard RoomPrivacy(visibility: room.visibility ?? RoomPrivacy.closed.visibility) != nil else {
                plan.add(.error, .sourceData, room.name, "its visibility \(room.visibility ?? 0) is not a Persistent Chat value (2 Secret, 3 Closed, 6 Open).",
                         id: "UnknownVisibility")
                continue
            }
            guard RoomType(behavior: room.behavior) != nil else {
                plan.add(.error, .sourceData, room.name, "its behavior \(room.behavior) is not a Persistent Chat value (4 Normal, 5 Auditorium).", id: "UnknownBehavior")
                continue
            }
            if let id = room.addinID, !id.isEmpty, addinsByID[id.lowercased()] == nil {
                plan.add(.error, .sourceData, room.name, "it shows the add-in \(id), which the export file does not contain.", id: "UnknownAddin")
                continue
            }
            let claim = claim(room.name, isCategory: false, path: room.name)
            guard claim.ok else { continue }
            let category: (index: Int?, nodeID: Int64)
            if let index = categoryIndex[room.parentID] {
                category = (index, 0)
            } else if let parent = nodes[room.parentID], let existing = target.nodesByName[NameFolding.fold(parent.name)], existing.isCategory {
                category = (nil, existing.id)
            } else {
                plan.add(.error, .sourceData, room.name, "its category '\(nodes[room.parentID]?.name ?? "?")' is neither in the export file nor in the pool. Import the Category level first.",
                         id: "CategoryNotInTarget")
                continue
            }
            let rows = (rolesByNode[room.id] ?? []).filter { principals[$0.principalID] != nil && $0.roleTypeID != ExportedRole.creator }
                .map { MigrationPlan.RoleRow(roleTypeID: $0.roleTypeID, principalID: $0.principalID) }
            var planned = MigrationPlan.Room(
                sourceID: room.id, sourcePath: room.name, name: room.name, guid: room.guid, description: room.description,
                categoryNodeID: category.nodeID, categoryIndex: category.index, disabled: room.disabled,
                invite: room.invite == false ? false : nil, visibility: room.visibility ?? RoomPrivacy.closed.visibility,
                behavior: room.behavior, addinID: room.addinID.flatMap { $0.isEmpty ? nil : $0 }, roles: rows,
                addedOn: room.addedOn, updatedOn: room.updatedOn)
            if let existing = claim.overwrites {
                planned.nodeID = existing.id
                planned.overwrites = true
                plan.overwrittenRoomNodeIDs.insert(existing.id)
            }
            plan.rooms.append(planned)
            plan.counts["Rooms", default: .init()].written += 1
        }
    }
}

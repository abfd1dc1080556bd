import Foundation
import GRDB

/// Checks a finished import against its source: for each legacy room the migration moves, does
/// the Persistent Chat pool have it, with the members, managers and messages the migration rules
/// give it? The expected state comes from `MigrationPlanner` itself, so the conversions it makes
/// (flattened and prefixed names, managers pushed down from categories, inherited members,
/// federated and disabled principals dropped) are what is expected, not differences.
public enum MigrationVerifier {
    public struct RoomComparison: Sendable, Equatable {
        public enum Status: String, Sendable, CaseIterable {
            case match = "Match", missing = "Missing", mismatch = "Mismatch"
        }

        /// The legacy room's full path (`Root/Eng/Backend/build`).
        public var legacyPath: String
        /// The name the migration gives it; nil when the plan cannot place it.
        public var targetRoom: String?
        /// The category the migration puts it in.
        public var category: String?
        /// Members and managers the room should have after the migration rules.
        public var legacyMembers: Int
        public var legacyManagers: Int
        /// What the target room has (nil when it is missing).
        public var targetMembers: Int?
        public var targetManagers: Int?
        /// Legacy messages on or after the start date, as the import keeps them.
        public var expectedMessages: Int
        public var targetMessages: Int?
        public var status: Status
        /// What differs (Mismatch) or why the room is missing.
        public var detail: String?
    }

    /// What the comparison reads of the target: its rooms and the message count of each.
    public struct TargetState: Sendable {
        public var rooms: [ChatRoom]
        public var messageCounts: [Int64: Int]

        public init(rooms: [ChatRoom], messageCounts: [Int64: Int]) {
            self.rooms = rooms
            self.messageCounts = messageCounts
        }

        /// Reads the rooms and message counts of a Persistent Chat database in one transaction.
        public static func read(_ database: PersistentChatDatabase) throws -> TargetState {
            try database.read { db in
                let repository = PersistentChatRepository(pool: "")
                return TargetState(rooms: try repository.rooms(in: db), messageCounts: try repository.messageCounts(in: db))
            }
        }
    }

    /// Most principals named one by one in a detail before the rest are counted.
    static let listedPrincipals = 5

    /// Compares the legacy database with the target (nil: it does not exist, so every room is
    /// missing). `forest` is the deployment's; `startDate` the export's -StartDate, if one was used.
    public static func compare(legacy: ChatExportSource, target: PersistentChatDatabase?, forest: String,
                               startDate: Date?) throws -> [RoomComparison] {
        let (data, counts) = try legacy.read { db in
            (try legacy.data(in: db, level: .all), try legacy.messageCounts(in: db, since: startDate.map(NetTicks.from)))
        }
        return compare(data: data, legacyMessages: counts, target: try target.map(TargetState.read), forest: forest)
    }

    /// The comparison itself, on data already read: one result per room that is not disabled,
    /// sorted by legacy path.
    public static func compare(data: ChatExportData, legacyMessages: [Int: Int], target: TargetState?, forest: String) -> [RoomComparison] {
        // Planned against an empty pool: the names and role lists do not depend on what the
        // pool holds (an item already there is overwritten, never renamed).
        var planner = MigrationPlanner(data: data, target: MigrationTarget(forest: forest, poolFqdn: nil, servicesRunning: false))
        planner.run()
        let plan = planner.plan
        let plannedRooms = Dictionary(plan.rooms.map { ($0.sourceID, $0) }, uniquingKeysWith: { first, _ in first })
        let principals = Dictionary(data.principals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let targetRooms = Dictionary((target?.rooms ?? []).map { (NameFolding.fold($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        var results: [RoomComparison] = []
        for node in data.nodes where !node.isCategory && !node.isContext && !node.disabled {
            let path = planner.path(of: node.id)
            let expectedMessages = legacyMessages[node.id] ?? 0
            guard let room = plannedRooms[node.id] else {
                let reasons = plan.errors.filter { $0.item == path }.map(\.message)
                results.append(RoomComparison(legacyPath: path, targetRoom: nil, category: nil, legacyMembers: 0, legacyManagers: 0,
                                              expectedMessages: expectedMessages, status: .missing,
                                              detail: "The migration cannot move this room: " + (reasons.isEmpty ? "it has no place in the plan." : reasons.joined(separator: " "))))
                continue
            }
            let members = room.roles.filter { $0.roleTypeID == ExportedRole.member }.compactMap { principals[$0.principalID] }
            let managers = room.roles.filter { $0.roleTypeID == ExportedRole.manager }.compactMap { principals[$0.principalID] }
            let category = room.categoryIndex.map { plan.categories[$0].name }
            var result = RoomComparison(legacyPath: path, targetRoom: room.name, category: category, legacyMembers: members.count,
                                        legacyManagers: managers.count, expectedMessages: expectedMessages, status: .match)
            guard let found = targetRooms[NameFolding.fold(room.name)] else {
                result.status = .missing
                result.detail = "The pool has no room named '\(room.name)'."
                results.append(result)
                continue
            }
            result.targetMembers = found.members.count
            result.targetManagers = found.managers.count
            result.targetMessages = target?.messageCounts[found.nodeID] ?? 0
            var differences: [String] = []
            if let category, NameFolding.fold(found.categoryName) != NameFolding.fold(category) {
                differences.append("Category is '\(found.categoryName)', expected '\(category)'")
            }
            differences += describe("Members", expected: members, actual: found.members)
            differences += describe("Managers", expected: managers, actual: found.managers)
            if result.targetMessages != expectedMessages {
                differences.append("Messages: \(result.targetMessages ?? 0) in the room, \(expectedMessages) expected")
            }
            if !differences.isEmpty {
                result.status = .mismatch
                result.detail = differences.joined(separator: "; ")
            }
            results.append(result)
        }
        return results.sorted { $0.legacyPath.lowercased() < $1.legacyPath.lowercased() }
    }

    /// "Members missing: sip:a" and "Members not expected: sip:b" parts for one role list. A principal matches
    /// by its GUID or, failing that, its URI (the import reuses a principal the pool already has).
    static func describe(_ list: String, expected: [ExportedPrincipal], actual: [ChatPrincipal]) -> [String] {
        let actualGuids = Set(actual.map { $0.guid.lowercased() }.filter { !$0.isEmpty })
        let actualUris = Set(actual.map { NameFolding.fold($0.uri) })
        let expectedGuids = Set(expected.map { $0.guid.lowercased() }.filter { !$0.isEmpty })
        let expectedUris = Set(expected.map { NameFolding.fold($0.uri) })
        let missing = expected.filter { !actualGuids.contains($0.guid.lowercased()) && !actualUris.contains(NameFolding.fold($0.uri)) }.map(\.uri)
        let extra = actual.filter { !expectedGuids.contains($0.guid.lowercased()) && !expectedUris.contains(NameFolding.fold($0.uri)) }.map(\.uri)
        var parts: [String] = []
        if !missing.isEmpty { parts.append("\(list) missing: \(listed(missing))") }
        if !extra.isEmpty { parts.append("\(list) not expected: \(listed(extra))") }
        return parts
    }

    static func listed(_ uris: [String]) -> String {
        let shown = uris.sorted().prefix(listedPrincipals).joined(separator: ", ")
        return uris.count > listedPrincipals ? "\(shown) and \(uris.count - listedPrincipals) more" : shown
    }
}

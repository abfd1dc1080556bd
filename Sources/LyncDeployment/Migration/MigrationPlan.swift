/// What an import will write, with every finding. Produced by `MigrationPlanner` (pure), applied
/// by `MigrationWriter` in one transaction; -WhatIf prints it and writes nothing.
public struct MigrationPlan: Sendable {
    public struct RoleRow: Sendable, Equatable {
        /// 1 Member, 2 Manager, 3 Voiced (presenter), 4 Creator.
        public var roleTypeID: Int
        /// The principal's id in the export file.
        public var principalID: Int
    }

    public struct ScopeRow: Sendable, Equatable {
        public var principalID: Int
        public var denied: Bool
    }

    public struct Category: Sendable {
        /// The node id in the export file.
        public var sourceID: Int
        /// The legacy path (`Root/Eng/Backend`) or, from a Persistent Chat export, the name.
        public var sourcePath: String
        public var name: String
        public var guid: String
        public var description: String?
        public var invitations: Bool
        public var chatHistory: Bool
        public var fileUpload: Bool
        public var scope: [ScopeRow]
        public var creators: [Int]
        public var addedOn: Int64?
        public var updatedOn: Int64?
        /// The node id it gets (an existing one when it overwrites).
        public var nodeID: Int64 = 0
        public var overwrites = false
    }

    public struct Room: Sendable {
        public var sourceID: Int
        public var sourcePath: String
        public var name: String
        public var guid: String
        public var description: String?
        /// The target node id of its category.
        public var categoryNodeID: Int64 = 0
        /// Index into `categories`, or nil when the category already exists in the target.
        public var categoryIndex: Int?
        public var disabled: Bool
        /// nil Inherit, false False.
        public var invite: Bool?
        public var visibility: Int
        public var behavior: Int
        /// The add-in's id in the export file.
        public var addinID: String?
        public var roles: [RoleRow]
        public var addedOn: Int64?
        public var updatedOn: Int64?
        public var nodeID: Int64 = 0
        public var overwrites = false
    }

    public struct Addin: Sendable {
        public var sourceID: String
        public var name: String
        public var url: String
        /// The siopID written (the existing one when it overwrites).
        public var id: String = ""
        public var overwrites = false
    }

    /// Counts for the summary: read from the file, written, skipped.
    public struct Counts: Sendable, Equatable {
        public var read = 0
        public var written = 0
        public var skipped = 0

        public init(read: Int = 0, written: Int = 0, skipped: Int = 0) {
            self.read = read
            self.written = written
            self.skipped = skipped
        }
    }

    public var source: ChatExportFormat.SourceKind
    public var categories: [Category] = []
    public var rooms: [Room] = []
    public var addins: [Addin] = []
    /// Principals of the file not yet in the target (inserted with `principalIDs`' ids).
    public var newPrincipals = PrincipalSubset(of: [])
    public var affiliations: [ExportedAffiliation] = []
    /// Export principal id -> target prinID, for every principal the file names.
    public var principalIDs: [Int: Int64] = [:]
    /// Export room id -> target node id, for migrated rooms and rooms already in the target.
    public var roomNodeIDs: [Int: Int64] = [:]
    /// Rooms whose messages are dropped (disabled legacy rooms), with their paths.
    public var skippedRooms: [Int: String] = [:]
    /// Export rooms (and their paths) whose messages the file has but the plan cannot place.
    public var unplacedRooms: [Int: String] = [:]
    /// Target rooms overwritten: their old messages are replaced.
    public var overwrittenRoomNodeIDs: Set<Int64> = []
    public var findings: [MigrationFinding] = []
    public var counts: [String: Counts] = [:]

    public var errors: [MigrationFinding] { findings.filter { $0.severity == .error } }
    public var warnings: [MigrationFinding] { findings.filter { $0.severity == .warning } }
    public var conversions: [MigrationFinding] { findings.filter { $0.severity == .conversion } }

    public static let countKinds = ["Categories", "Rooms", "Add-ins", "Principals", "Messages"]

    init(source: ChatExportFormat.SourceKind) {
        self.source = source
        for kind in Self.countKinds { counts[kind] = Counts() }
    }

    mutating func add(_ severity: MigrationFinding.Severity, _ rule: MigrationRule, _ item: String, _ message: String, id: String? = nil) {
        findings.append(MigrationFinding(severity, rule, item: item, message, errorID: severity == .error ? (id ?? "MigrationError") : nil))
    }
}

/// Some of the export file's principals, by position: the plan shares the file's list instead of
/// copying tens of thousands of large structs.
public struct PrincipalSubset: RandomAccessCollection, Sendable {
    let all: [ExportedPrincipal]
    private(set) var positions: [Int] = []
    private var members: Set<Int> = []

    init(of all: [ExportedPrincipal]) {
        self.all = all
        positions.reserveCapacity(all.count)
        members.reserveCapacity(all.count)
    }

    mutating func append(position: Int) {
        positions.append(position)
        members.insert(all[position].id)
    }

    /// True when the principal with this export id is in the subset.
    func contains(id: Int) -> Bool { members.contains(id) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(index: Int) -> ExportedPrincipal { all[positions[index]] }
}

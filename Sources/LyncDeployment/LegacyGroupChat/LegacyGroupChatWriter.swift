import Foundation
import GRDB

/// Authors a legacy Group Chat database (legacy-store.md): creates the file and adds principals,
/// memberships, categories, rooms, add-ins and messages. Every call is one transaction that
/// checks before it writes (names unique per kind, parents are categories, everything referenced
/// exists), so a refused call leaves the file as it was.
public final class LegacyGroupChatWriter: Sendable {
    public let path: String
    let queue: DatabaseQueue

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Creates a new database at `path`; an existing file is an error unless `overwrite`.
    public static func create(path: String, options: LegacyGroupChatSchema.Options = .init(),
                              overwrite: Bool = false) throws -> LegacyGroupChatWriter {
        try LegacyGroupChatSchema.validate(options)
        try prepareNewFile(path, overwrite: overwrite)
        let writer = try LegacyGroupChatWriter(path: path, queue: openQueue(path))
        try writer.write { db in try LegacyGroupChatSchema.create(in: db, options: options, now: Self.now()) }
        return writer
    }

    /// Opens an existing database for adding to it; it must follow the contract.
    public static func open(path: String) throws -> LegacyGroupChatWriter {
        _ = try LegacyGroupChatDatabase(path: path)
        return try LegacyGroupChatWriter(path: path, queue: openQueue(path))
    }

    /// Refuses an existing file (or removes it when `overwrite`) and makes the parent folder.
    static func prepareNewFile(_ path: String, overwrite: Bool) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            guard overwrite, !isFolder.boolValue else {
                throw DeploymentError(.resourceExists, id: "LegacyDatabaseExists",
                                      isFolder.boolValue
                                          ? "'\(path)' is a folder; give the path of a database file."
                                          : "The file '\(path)' already exists. Use -Force to replace it, or choose another path.",
                                      target: path)
            }
            for suffix in ["", "-wal", "-shm", "-journal"] { try? manager.removeItem(atPath: path + suffix) }
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    }

    static func openQueue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Unicode-aware case folding for name and URI comparisons (NOCASE only folds ASCII).
            db.add(function: DatabaseFunction("pcsh_fold", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0])?.lowercased()
            })
        }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw DeploymentError(.writeError, id: "LegacyDatabaseNotWritable",
                                  "Cannot open '\(path)' for writing: \((error as? DatabaseError)?.message ?? "\(error)").", target: path)
        }
    }

    static func now() -> Int64 { NetTicks.from(Date()) }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw DeploymentError(.writeError, id: "LegacyDatabaseWriteFailed",
                                  "The legacy database '\(path)' refused the change: \((error as? DatabaseError)?.message ?? "\(error)").",
                                  target: path)
        }
    }

    // MARK: Principals

    public struct PrincipalSpec: Sendable {
        public var uri: String?
        public var name: String?
        public var type: LegacyPrincipalType
        public var disabled: Bool
        /// Groups (URIs or names) the principal belongs to.
        public var memberOf: [String]
        public var email: String?
        public var companyName: String?

        public init(uri: String?, name: String? = nil, type: LegacyPrincipalType = .user, disabled: Bool = false,
                    memberOf: [String] = [], email: String? = nil, companyName: String? = nil) {
            self.uri = uri
            self.name = name
            self.type = type
            self.disabled = disabled
            self.memberOf = memberOf
            self.email = email
            self.companyName = companyName
        }
    }

    /// Adds a principal with its self affiliation row and its group memberships. A group
    /// without a URI gets `ma-grp:<guid>@u.g`.
    @discardableResult
    public func addPrincipal(_ spec: PrincipalSpec) throws -> LegacyPrincipal {
        try write { db in
            let guid = UUID().uuidString.lowercased()
            let uri = (spec.uri?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 }
                ?? (spec.type.isUser ? nil : "ma-grp:\(guid)@u.g")
            guard let uri else {
                throw DeploymentError(.invalidArgument, id: "LegacyPrincipalUriMissing",
                                      "A \(spec.type.description) principal needs a SIP URI (sip:user@domain).")
            }
            if spec.type.isUser && !uri.lowercased().hasPrefix("sip:") {
                throw DeploymentError(.invalidArgument, id: "LegacyPrincipalUriInvalid",
                                      "The URI '\(uri)' of a \(spec.type.description) principal must start with sip:.", target: uri)
            }
            if let holder = try Self.principalRow(uri: uri, in: db) {
                throw DeploymentError.exists("principal", holder.uri, id: "LegacyPrincipalExists",
                                             hint: "URIs are unique (case-insensitive).")
            }
            let groups = try spec.memberOf.map { try Self.requireGroup($0, in: db) }
            let forest = try String.fetchOne(db, sql: "SELECT confValue FROM tblConfig WHERE confKey = 'ForestFqdn' COLLATE NOCASE") ?? "local"
            let account = uri.lowercased().hasPrefix("sip:") ? String(uri.dropFirst(4)) : nil
            let name = spec.name ?? account?.split(separator: "@").first.map(String.init) ?? uri
            let components = CentralManagementStore.domainComponents(of: forest)
            let adPath: String? = switch spec.type {
            case .user: "CN=\(name),CN=Users,\(components)"
            case .group: "CN=\(name),OU=Groups,\(components)"
            case .folder: "OU=\(name),\(components)"
            case .domain: components
            default: nil
            }
            let now = Self.now()
            // Ids are chosen here: in a converted file prinID may be a plain int key, not a rowid.
            let id = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(prinID), 0) + 1 FROM tblPrincipal") ?? 1
            try db.execute(sql: """
                INSERT INTO tblPrincipal (prinID, prinGuid, prinUri, prinName, prinCompanyName, prinEmail, prinADPath,
                    prinADUserPrincipalName, prinDisabled, prinTypeID, prinAddedOn, prinUpdatedOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, guid, uri, name, spec.companyName, spec.email ?? (spec.type == .user ? account : nil), adPath,
                                 spec.type == .user ? account : nil, spec.disabled ? 1 : 0, spec.type.rawValue, now, now])
            try db.execute(sql: #"INSERT INTO tblPrincipalAffiliations (principalID, affiliationID, "index") VALUES (?, ?, -1)"#,
                           arguments: [id, id])
            for (position, group) in groups.enumerated() {
                try db.execute(sql: #"INSERT OR IGNORE INTO tblPrincipalAffiliations (principalID, affiliationID, "index") VALUES (?, ?, ?)"#,
                               arguments: [id, group.id, position])
            }
            return LegacyPrincipal(id: id, guid: guid, uri: uri, name: name, companyName: spec.companyName,
                                   email: spec.email ?? (spec.type == .user ? account : nil), adPath: adPath,
                                   userPrincipalName: spec.type == .user ? account : nil, isDisabled: spec.disabled,
                                   typeID: spec.type.rawValue, addedOn: now, updatedOn: now)
        }
    }

    /// Makes `member` (URI or name) a member of `group`.
    public func addMembership(member: String, group: String) throws {
        try write { db in
            let principal = try Self.requirePrincipal(member, in: db)
            let target = try Self.requireGroup(group, in: db)
            guard principal.id != target.id else {
                throw DeploymentError(.invalidArgument, id: "LegacyMembershipInvalid", "A group cannot be a member of itself.", target: group)
            }
            let next = try Int.fetchOne(db, sql: #"SELECT COALESCE(MAX("index"), -1) + 1 FROM tblPrincipalAffiliations WHERE principalID = ?"#,
                                        arguments: [principal.id]) ?? 0
            try db.execute(sql: #"INSERT OR IGNORE INTO tblPrincipalAffiliations (principalID, affiliationID, "index") VALUES (?, ?, ?)"#,
                           arguments: [principal.id, target.id, max(next, 0)])
        }
    }

    struct PrincipalRow {
        var id: Int
        var uri: String
        var typeID: Int
    }

    static func principalRow(uri: String, in db: Database) throws -> PrincipalRow? {
        try Row.fetchOne(db, sql: "SELECT prinID, prinUri, prinTypeID FROM tblPrincipal WHERE pcsh_fold(prinUri) = ?",
                         arguments: [uri.lowercased()])
            .map { PrincipalRow(id: LegacyGroupChatDatabase.int($0, 0), uri: LegacyGroupChatDatabase.text($0, 1) ?? uri,
                                typeID: LegacyGroupChatDatabase.int($0, 2)) }
    }

    /// A principal by URI, else by display name (which must then be unique).
    static func requirePrincipal(_ reference: String, in db: Database) throws -> PrincipalRow {
        if let byUri = try principalRow(uri: reference, in: db) { return byUri }
        let named = try Row.fetchAll(db, sql: "SELECT prinID, prinUri, prinTypeID FROM tblPrincipal WHERE pcsh_fold(prinName) = ?",
                                     arguments: [reference.lowercased()])
        if named.count > 1 {
            throw DeploymentError(.invalidArgument, id: "LegacyPrincipalAmbiguous",
                                  "\(named.count) principals are named '\(reference)'; give the URI instead.", target: reference)
        }
        guard let row = named.first else {
            throw DeploymentError.notFound("principal", reference, id: "LegacyPrincipalNotFound",
                                           hint: "Add it first with Add-CsGroupChatPrincipal (give its URI or display name).")
        }
        return PrincipalRow(id: LegacyGroupChatDatabase.int(row, 0), uri: LegacyGroupChatDatabase.text(row, 1) ?? reference,
                            typeID: LegacyGroupChatDatabase.int(row, 2))
    }

    static func requireGroup(_ reference: String, in db: Database) throws -> PrincipalRow {
        let row = try requirePrincipal(reference, in: db)
        let groupTypes: [LegacyPrincipalType] = [.anyGroup, .domain, .group, .folder, .federatedGroup]
        guard groupTypes.contains(where: { $0.rawValue == row.typeID }) else {
            throw DeploymentError(.invalidArgument, id: "LegacyPrincipalNotAGroup",
                                  "'\(row.uri)' is not a group, folder or domain, so nothing can be a member of it.", target: reference)
        }
        return row
    }
}

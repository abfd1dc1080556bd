import Foundation
import GRDB

/// The legacy Group Chat schema of legacy-store.md: exactly its tables, columns, keys and static
/// rows, nothing more (a file we create must look like one converted from SQL Server).
public enum LegacyGroupChatSchema {
    public static let supportedVersions = ["GroupChat2010", "GroupChat2007R2"]

    /// The settings of a new database's tblConfig and root category.
    public struct Options: Sendable {
        public var schemaVersion: String
        public var forestFqdn: String
        public var lookupServerUri: String?
        public var fileStorePath: String?
        public var rootName: String
        public var rootGuid: String

        public init(schemaVersion: String = "GroupChat2010", forestFqdn: String = "litwareinc.com",
                    lookupServerUri: String? = nil, fileStorePath: String? = nil, rootName: String = "Root",
                    rootGuid: String = UUID().uuidString.lowercased()) {
            self.schemaVersion = schemaVersion
            self.forestFqdn = forestFqdn
            self.lookupServerUri = lookupServerUri
            self.fileStorePath = fileStorePath
            self.rootName = rootName
            self.rootGuid = rootGuid
        }
    }

    /// Every table of the contract with its columns, in contract order. The reader requires
    /// them; files may carry more.
    public static let requiredColumns: [(table: String, columns: [String])] = [
        ("tblConfig", ["confKey", "confValue"]),
        ("tblPrincipalType", ["ptypeID", "ptypeDesc", "ptypeIsSystemUser", "ptypeIsUser", "ptypeIsFederated"]),
        ("tblPrincipal", ["prinID", "prinGuid", "prinUri", "prinName", "prinCompanyName", "prinEmail", "prinADPath",
                          "prinADUserPrincipalName", "prinDisabled", "prinTypeID", "prinAddedOn", "prinUpdatedOn"]),
        ("tblPrincipalAffiliations", ["principalID", "affiliationID", "index"]),
        ("tblNode", ["nodeID", "nodeGuid", "parentID", "nodeType", "nodeName", "nodeDesc", "topic", "invite", "logged",
                     "filePost", "disabled", "behavior", "visibility", "overrideMember", "siopID", "nodeAddedOn",
                     "nodeUpdatedOn"]),
        ("tblRoleType", ["rtypeID", "rtypeDesc"]),
        ("tblPrincipalRole", ["prinRoleNodeID", "prinRolePrinID", "prinRoleTypeID"]),
        ("tblScopePrincipal", ["scopeNodeID", "scopePrinID"]),
        ("tblSiopWhiteList", ["siopID", "siopName", "siopUrl"]),
        ("tblChat", ["channelId", "chatId", "chatDate", "userId", "isAlert", "content", "rtf"]),
    ]

    static let tableDefinitions = [
        "CREATE TABLE tblConfig (confKey TEXT PRIMARY KEY, confValue TEXT)",
        """
        CREATE TABLE tblPrincipalType (ptypeID INTEGER PRIMARY KEY, ptypeDesc TEXT, ptypeIsSystemUser INTEGER,
            ptypeIsUser INTEGER, ptypeIsFederated INTEGER)
        """,
        """
        CREATE TABLE tblPrincipal (prinID INTEGER PRIMARY KEY, prinGuid TEXT NOT NULL, prinUri TEXT NOT NULL,
            prinName TEXT, prinCompanyName TEXT, prinEmail TEXT, prinADPath TEXT, prinADUserPrincipalName TEXT,
            prinDisabled INTEGER NOT NULL DEFAULT 0, prinTypeID INTEGER NOT NULL, prinAddedOn INTEGER, prinUpdatedOn INTEGER)
        """,
        """
        CREATE TABLE tblPrincipalAffiliations (principalID INTEGER, affiliationID INTEGER, "index" INTEGER,
            PRIMARY KEY (principalID, affiliationID))
        """,
        """
        CREATE TABLE tblNode (nodeID INTEGER PRIMARY KEY, nodeGuid TEXT NOT NULL, parentID INTEGER NOT NULL,
            nodeType INTEGER NOT NULL, nodeName TEXT NOT NULL, nodeDesc TEXT, topic TEXT, invite INTEGER NULL,
            logged INTEGER NULL, filePost INTEGER NULL, disabled INTEGER NOT NULL DEFAULT 0,
            behavior INTEGER NOT NULL DEFAULT 4, visibility INTEGER NULL, overrideMember INTEGER NOT NULL DEFAULT 0,
            siopID TEXT NULL, nodeAddedOn INTEGER, nodeUpdatedOn INTEGER)
        """,
        "CREATE TABLE tblRoleType (rtypeID INTEGER PRIMARY KEY, rtypeDesc TEXT)",
        """
        CREATE TABLE tblPrincipalRole (prinRoleNodeID INTEGER, prinRolePrinID INTEGER, prinRoleTypeID INTEGER,
            PRIMARY KEY (prinRoleNodeID, prinRolePrinID, prinRoleTypeID))
        """,
        "CREATE TABLE tblScopePrincipal (scopeNodeID INTEGER, scopePrinID INTEGER, PRIMARY KEY (scopeNodeID, scopePrinID))",
        "CREATE TABLE tblSiopWhiteList (siopID TEXT PRIMARY KEY, siopName TEXT NOT NULL, siopUrl TEXT NOT NULL)",
        """
        CREATE TABLE tblChat (channelId INTEGER NOT NULL, chatId INTEGER NOT NULL, chatDate INTEGER NOT NULL,
            userId INTEGER NOT NULL, isAlert INTEGER NOT NULL DEFAULT 0, content TEXT NOT NULL, rtf BLOB NULL,
            PRIMARY KEY (channelId, chatId))
        """,
    ]

    /// Creates the tables and the static rows (principal types, role types, config, root
    /// category) in an empty database.
    public static func create(in db: Database, options: Options, now: Int64) throws {
        try createTables(in: db)
        for table in staticTables { try insertStaticRows(of: table, in: db) }
        var config: [(String, String)] = [("SchemaVersion", options.schemaVersion), ("ForestFqdn", options.forestFqdn)]
        if let uri = options.lookupServerUri { config.append(("LookupServerUri", uri)) }
        if let path = options.fileStorePath { config.append(("FileStorePath", path)) }
        for (key, value) in config {
            try db.execute(sql: "INSERT INTO tblConfig (confKey, confValue) VALUES (?, ?)", arguments: [key, value])
        }
        // The root ends inheritance: its settings are never NULL. Invitations start off, history
        // and file posting on, rooms visible to everyone in scope.
        try db.execute(sql: """
            INSERT INTO tblNode (nodeID, nodeGuid, parentID, nodeType, nodeName, nodeDesc, invite, logged, filePost,
                disabled, behavior, visibility, overrideMember, nodeAddedOn, nodeUpdatedOn)
            VALUES (1, ?, 1, 1, ?, 'The root category', 0, 1, 1, 0, 4, 3, 0, ?, ?)
            """, arguments: [options.rootGuid, options.rootName, now, now])
    }

    /// The contract's tables, empty.
    static func createTables(in db: Database) throws {
        for sql in tableDefinitions { try db.execute(sql: sql) }
    }

    /// The tables whose rows the contract fixes (principal and role types).
    static let staticTables: Set<String> = ["tblPrincipalType", "tblRoleType"]

    /// Writes the fixed rows of one of `staticTables`.
    static func insertStaticRows(of table: String, in db: Database) throws {
        switch table {
        case "tblPrincipalType":
            for type in LegacyPrincipalType.allCases {
                try db.execute(sql: "INSERT INTO tblPrincipalType VALUES (?, ?, ?, ?, ?)", arguments: [
                    type.rawValue, type.description, type == .systemUser ? 1 : 0, type.isUser ? 1 : 0, type.isFederated ? 1 : 0,
                ])
            }
        case "tblRoleType":
            for role in LegacyRole.allCases {
                try db.execute(sql: "INSERT INTO tblRoleType VALUES (?, ?)", arguments: [role.rawValue, role.description])
            }
        default:
            break
        }
    }

    /// True for the time-stamp columns (ticks): `chatDate`, `…AddedOn`, `…UpdatedOn`.
    static func isTimestamp(_ column: String) -> Bool {
        column == "chatDate" || column.hasSuffix("AddedOn") || column.hasSuffix("UpdatedOn")
    }

    /// True for the GUID columns (TEXT, 8-4-4-4-12).
    static func isGuid(_ column: String) -> Bool {
        column == "prinGuid" || column == "nodeGuid" || column == "siopID"
    }

    /// Checks a new database's settings before anything is written.
    public static func validate(_ options: Options) throws {
        guard supportedVersions.contains(where: { $0.caseInsensitiveCompare(options.schemaVersion) == .orderedSame }) else {
            throw DeploymentError(.invalidArgument, id: "LegacySchemaVersionNotSupported",
                                  "The schema version '\(options.schemaVersion)' is not a legacy Group Chat version; use \(supportedVersions.joined(separator: " or ")).",
                                  target: options.schemaVersion)
        }
        guard !options.forestFqdn.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DeploymentError(.invalidArgument, id: "LegacyForestMissing", "The forest FQDN of a legacy database cannot be empty.")
        }
        guard !options.rootName.trimmingCharacters(in: .whitespaces).isEmpty, !options.rootName.contains("/") else {
            throw DeploymentError(.invalidArgument, id: "LegacyNodeNameInvalid",
                                  "The root category name '\(options.rootName)' is not valid: it must be non-empty and contain no '/'.",
                                  target: options.rootName)
        }
    }
}

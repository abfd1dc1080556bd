import GRDB

/// The Persistent Chat content database (`mgc`) of one pool, with Microsoft's documented table and
/// column names so the documented sample queries run against it. Categories are nodes whose parent
/// is root node 1; rooms are nodes whose parent is a category. Versioned migrations, as the store.
enum PersistentChatSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-mgc", migrate: createV1)
        // tblChat keeps only its documented key (channelId, chatId): every lookup of ours starts
        // from a room, and an author index made a bulk import pay for a second index build.
        migrator.registerMigration("v2-chat-key-only") { db in try db.execute(sql: "DROP INDEX IF EXISTS tblChatByUser") }
        return migrator
    }

    /// Principal types Persistent Chat keeps (federated types 6, 7, 11 are gone in 2013).
    static let principalTypes: [(Int, String, Bool, Bool)] = [
        (1, "Any", false, false), (2, "AnyUser", false, true), (3, "AnyGroup", false, false), (4, "SystemUser", true, true),
        (5, "User", false, true), (8, "DC", false, false), (9, "Group", false, false), (10, "Folder", false, false),
    ]

    /// Role types: Voiced is the presenter of an auditorium.
    static let roleTypes: [(Int, String)] = [(1, "Member"), (2, "Manager"), (3, "Voiced"), (4, "Creator")]

    private static func createV1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE tblPrincipalType (
                ptypeID INTEGER PRIMARY KEY, ptypeDesc TEXT NOT NULL,
                ptypeIsSystemUser INTEGER NOT NULL, ptypeIsUser INTEGER NOT NULL);
            CREATE TABLE tblPrincipal (
                prinID INTEGER PRIMARY KEY AUTOINCREMENT, prinGuid TEXT NOT NULL,
                prinUri TEXT NOT NULL UNIQUE COLLATE NOCASE, prinName TEXT, prinDisplayName TEXT,
                prinCompanyName TEXT, prinEmail TEXT, prinADPath TEXT, prinADUserPrincipalName TEXT,
                prinDisabled INTEGER NOT NULL DEFAULT 0,
                prinTypeID INTEGER NOT NULL REFERENCES tblPrincipalType(ptypeID),
                prinPoolID INTEGER, prinPolicyID INTEGER,
                prinAddedBy INTEGER, prinAddedOn INTEGER, prinUpdatedBy INTEGER, prinUpdatedOn INTEGER,
                prinVerifiedOn TEXT);
            CREATE TABLE tblPrincipalAffiliations (
                principalID INTEGER NOT NULL REFERENCES tblPrincipal(prinID) ON DELETE CASCADE,
                affiliationID INTEGER NOT NULL REFERENCES tblPrincipal(prinID) ON DELETE CASCADE,
                "index" INTEGER NOT NULL DEFAULT 0, updatedBy INTEGER,
                PRIMARY KEY (principalID, affiliationID));
            CREATE TABLE tblNode (
                nodeID INTEGER PRIMARY KEY, nodeGuid TEXT NOT NULL, parentID INTEGER NOT NULL,
                nodeType INTEGER NOT NULL CHECK (nodeType IN (0, 1)), nodeName TEXT NOT NULL COLLATE NOCASE,
                nodeDesc TEXT, invite INTEGER, logged INTEGER, filePost INTEGER,
                disabled INTEGER NOT NULL DEFAULT 0, behavior INTEGER NOT NULL DEFAULT 4, visibility INTEGER,
                siopID TEXT REFERENCES tblSiopWhiteList(siopID),
                nodeAddedBy INTEGER, nodeAddedOn INTEGER, nodeUpdatedBy INTEGER, nodeUpdatedOn INTEGER, purgedOn TEXT);
            CREATE INDEX tblNodeByParent ON tblNode(parentID);
            CREATE TABLE tblRoleType (rtypeID INTEGER PRIMARY KEY, rtypeDesc TEXT NOT NULL, rtypeAllowedPermSet INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE tblScopePrincipal (
                scopeNodeID INTEGER NOT NULL REFERENCES tblNode(nodeID) ON DELETE CASCADE,
                scopePrinID INTEGER NOT NULL REFERENCES tblPrincipal(prinID),
                scopeIsDenied INTEGER NOT NULL DEFAULT 0, scopeUpdatedBy INTEGER,
                PRIMARY KEY (scopeNodeID, scopePrinID));
            CREATE TABLE tblPrincipalRole (
                prinRoleNodeID INTEGER NOT NULL REFERENCES tblNode(nodeID) ON DELETE CASCADE,
                prinRolePrinID INTEGER NOT NULL REFERENCES tblPrincipal(prinID),
                prinRoleTypeID INTEGER NOT NULL REFERENCES tblRoleType(rtypeID), prinRoleUpdatedBy INTEGER,
                PRIMARY KEY (prinRoleNodeID, prinRolePrinID, prinRoleTypeID));
            CREATE TABLE tblSiopWhiteList (
                siopID TEXT PRIMARY KEY, siopName TEXT NOT NULL UNIQUE COLLATE NOCASE, siopUrl TEXT NOT NULL);
            CREATE TABLE tblEnumAttribute (attrID INTEGER PRIMARY KEY, attrName TEXT NOT NULL);
            CREATE TABLE tblEnumValue (
                attrID INTEGER NOT NULL REFERENCES tblEnumAttribute(attrID), enumValue INTEGER NOT NULL,
                enumName TEXT NOT NULL, PRIMARY KEY (attrID, enumValue));
            CREATE TABLE tblPrincipalInvites (
                prinID INTEGER NOT NULL REFERENCES tblPrincipal(prinID), invID INTEGER NOT NULL,
                nodeID INTEGER NOT NULL REFERENCES tblNode(nodeID) ON DELETE CASCADE, createdOn TEXT NOT NULL,
                PRIMARY KEY (prinID, nodeID));
            CREATE TABLE tblLastInviteId (prinID INTEGER PRIMARY KEY, lastInviteID INTEGER NOT NULL);
            CREATE TABLE tblChat (
                channelId INTEGER NOT NULL, chatId INTEGER NOT NULL, chatDate INTEGER NOT NULL,
                userId INTEGER NOT NULL, isAlert INTEGER NOT NULL DEFAULT 0, content TEXT NOT NULL, rtf BLOB,
                PRIMARY KEY (channelId, chatId));
            CREATE INDEX tblChatByUser ON tblChat(userId);
            CREATE TABLE tblLastChatId (nodeID INTEGER PRIMARY KEY, lastChatID INTEGER NOT NULL);
            CREATE TABLE tblConfig (confKey TEXT PRIMARY KEY COLLATE NOCASE, confValue TEXT);
            """)
        for (id, name, system, user) in principalTypes {
            try db.execute(sql: "INSERT INTO tblPrincipalType VALUES (?, ?, ?, ?)", arguments: [id, name, system, user])
        }
        for (id, name) in roleTypes {
            try db.execute(sql: "INSERT INTO tblRoleType (rtypeID, rtypeDesc) VALUES (?, ?)", arguments: [id, name])
        }
        // Attribute 1: room privacy as tblNode.visibility; attribute 2: room type as tblNode.behavior.
        try db.execute(sql: """
            INSERT INTO tblEnumAttribute VALUES (1, 'visibility'), (2, 'behavior');
            INSERT INTO tblEnumValue VALUES (1, 2, 'Secret'), (1, 3, 'Closed'), (1, 6, 'Open'), (2, 4, 'Normal'), (2, 5, 'Auditorium');
            INSERT INTO tblNode (nodeID, nodeGuid, parentID, nodeType, nodeName, invite, logged, filePost, visibility)
                VALUES (1, lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-' || lower(hex(randomblob(2))) || '-' || lower(hex(randomblob(2))) || '-' || lower(hex(randomblob(6))),
                        1, 1, 'Root', 1, 1, 1, 3);
            INSERT INTO tblConfig VALUES ('SchemaVersion', 'PersistentChat2013');
            """)
    }
}

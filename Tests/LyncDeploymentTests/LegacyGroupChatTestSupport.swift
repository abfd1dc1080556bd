import Foundation
import GRDB
@testable import LyncDeployment

/// A throw-away folder for legacy database files.
final class LegacyTestFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pcsh-legacy-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes a database from raw SQL, as the sqlite3 shell would from a dump.
    func rawDatabase(_ name: String, sql: String) throws -> String {
        let file = path(name)
        let queue = try DatabaseQueue(path: file)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
        return file
    }
}

/// A converted SQL Server database: SQL Server column types, columns in another order, extra
/// tables and columns, upper-case GUIDs. Tree: Root(1) > Eng(2) > Backend(3) > build(4);
/// Root > lobby(5); Eng > general(6, overrides members); Root > Sales(7) (scoped) > deals(8).
let convertedDumpSQL = """
    CREATE TABLE tblConfig (confKey nvarchar(64) NOT NULL PRIMARY KEY, confValue nvarchar(256));
    INSERT INTO tblConfig VALUES ('SchemaVersion', 'GroupChat2007R2'), ('ForestFqdn', 'litwareinc.com'),
        ('LookupServerUri', 'sip:ocschat@litwareinc.com'), ('FileStorePath', '\\\\fs\\chat'), ('Extra', 'x');
    CREATE TABLE tblPrincipalType (ptypeID int PRIMARY KEY, ptypeDesc nvarchar(64), ptypeIsSystemUser bit, ptypeIsUser bit, ptypeIsFederated bit);
    INSERT INTO tblPrincipalType VALUES (5, 'User', 0, 1, 0), (7, 'FederatedUser', 0, 1, 1), (9, 'Group', 0, 0, 0);
    CREATE TABLE tblPrincipal (prinID int NOT NULL PRIMARY KEY, prinTypeID int NOT NULL, prinGuid uniqueidentifier NOT NULL,
        prinUri nvarchar(256) NOT NULL, prinName nvarchar(256), prinCompanyName nvarchar(256), prinEmail nvarchar(256),
        prinADPath nvarchar(256), prinADUserPrincipalName nvarchar(256), prinDisabled bit NOT NULL DEFAULT 0,
        prinAllowedPermSet bigint, prinUseInheritedPerms bit, prinAddedOn bigint, prinUpdatedOn bigint);
    INSERT INTO tblPrincipal (prinID, prinTypeID, prinGuid, prinUri, prinName, prinADPath, prinDisabled, prinAddedOn) VALUES
        (10, 5, 'A1B2C3D4-0000-4000-8000-00000000000A', 'sip:Ken@LitwareInc.com', 'Ken Myer', 'CN=Ken Myer,CN=Users,DC=litwareinc,DC=com', 0, 634000000000000000),
        (11, 9, 'A1B2C3D4-0000-4000-8000-00000000000B', 'ma-grp:A1B2C3D4-0000-4000-8000-00000000000B@u.g', 'Engineering', 'CN=Engineering,DC=litwareinc,DC=com', 0, NULL),
        (12, 7, 'A1B2C3D4-0000-4000-8000-00000000000C', 'sip:partner@fabrikam.com', 'Partner', NULL, 0, NULL),
        (13, 5, 'A1B2C3D4-0000-4000-8000-00000000000D', 'sip:former@litwareinc.com', 'Former', NULL, 1, NULL);
    CREATE TABLE tblPrincipalAffiliations (principalID int NOT NULL, affiliationID int NOT NULL, "index" int, PRIMARY KEY (principalID, affiliationID));
    INSERT INTO tblPrincipalAffiliations VALUES (10, 10, -1), (11, 11, -1), (12, 12, -1), (13, 13, -1), (10, 11, 0), (13, 11, 0);
    CREATE TABLE tblNode (nodeID int NOT NULL PRIMARY KEY, nodeGuid uniqueidentifier NOT NULL, parentID int NOT NULL, nodeType bit NOT NULL,
        nodeName nvarchar(256) NOT NULL, nodeDesc nvarchar(256), topic nvarchar(256), filestoreURI nvarchar(256), inheritance bit,
        scopeChange bit, overrideMember bit NOT NULL DEFAULT 0, invite bit, logged bit, filePost bit, disabled bit NOT NULL DEFAULT 0,
        restrictChildCreate bit, behavior smallint NOT NULL DEFAULT 4, visibility smallint, siopID uniqueidentifier,
        nodeAddedBy int, nodeAddedOn bigint, nodeUpdatedBy int, nodeUpdatedOn bigint);
    INSERT INTO tblNode (nodeID, nodeGuid, parentID, nodeType, nodeName, invite, logged, filePost, visibility, behavior, overrideMember, disabled, topic, siopID) VALUES
        (1, 'F0000000-0000-4000-8000-000000000001', 1, 1, 'Root', 0, 1, 1, 3, 4, 0, 0, NULL, NULL),
        (2, 'F0000000-0000-4000-8000-000000000002', 1, 1, 'Eng', 1, NULL, NULL, NULL, 4, 0, 0, NULL, NULL),
        (3, 'F0000000-0000-4000-8000-000000000003', 2, 1, 'Backend', NULL, 0, NULL, 2, 4, 0, 0, NULL, NULL),
        (4, 'F0000000-0000-4000-8000-000000000004', 3, 0, 'build', NULL, NULL, 0, NULL, 5, 0, 0, 'Builds', 'E0000000-0000-4000-8000-0000000000AA'),
        (5, 'F0000000-0000-4000-8000-000000000005', 1, 0, 'lobby', 1, NULL, NULL, NULL, 4, 0, 1, NULL, NULL),
        (6, 'F0000000-0000-4000-8000-000000000006', 2, 0, 'general', NULL, NULL, NULL, NULL, 4, 1, 0, NULL, NULL),
        (7, 'F0000000-0000-4000-8000-000000000007', 1, 1, 'Sales', NULL, NULL, NULL, NULL, 4, 0, 0, NULL, NULL),
        (8, 'F0000000-0000-4000-8000-000000000008', 7, 0, 'deals', NULL, NULL, NULL, NULL, 4, 0, 0, NULL, NULL);
    CREATE TABLE tblRoleType (rtypeID int PRIMARY KEY, rtypeDesc nvarchar(64));
    INSERT INTO tblRoleType VALUES (1, 'Member'), (2, 'Manager'), (3, 'Voiced'), (4, 'Creator');
    CREATE TABLE tblPrincipalRole (prinRoleNodeID int, prinRolePrinID int, prinRoleTypeID int, PRIMARY KEY (prinRoleNodeID, prinRolePrinID, prinRoleTypeID));
    INSERT INTO tblPrincipalRole VALUES (1, 10, 2), (2, 11, 1), (3, 12, 1), (4, 10, 3), (6, 13, 1), (2, 10, 4);
    CREATE TABLE tblScopePrincipal (scopeNodeID int, scopePrinID int, PRIMARY KEY (scopeNodeID, scopePrinID));
    INSERT INTO tblScopePrincipal VALUES (1, 11), (7, 10), (7, 12);
    CREATE TABLE tblSiopWhiteList (siopID uniqueidentifier PRIMARY KEY, siopName nvarchar(50) NOT NULL, siopUrl nvarchar(255) NOT NULL);
    INSERT INTO tblSiopWhiteList VALUES ('E0000000-0000-4000-8000-0000000000AA', 'Dashboard', 'https://intranet/dash');
    CREATE TABLE tblChat (channelId int NOT NULL, chatId bigint NOT NULL, chatDate bigint NOT NULL, userId int NOT NULL,
        isAlert bit NOT NULL DEFAULT 0, content nvarchar(4000) NOT NULL, rtf varbinary(8000), PRIMARY KEY (channelId, chatId));
    INSERT INTO tblChat VALUES (4, 7, 634345668000000000, 10, 1, 'later', NULL), (4, 3, 634345600000000000, 12, 0, 'ma-filelink:///x/a.txt', X'7BE97D'),
        (5, 1, 634300000000000000, 10, 0, '', NULL);
    CREATE TABLE tblLastChatId (channelId int, lastId bigint);
    CREATE TABLE Logs (line text);
    """

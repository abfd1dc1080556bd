import Foundation
import GRDB

/// The Central Management Store's schema, as versioned migrations. A migration, once shipped, is
/// never edited: later changes are new migrations appended to the list.
enum CmsSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-deployment", migrate: createV1)
        migrator.registerMigration("v2-persistent-chat-settings", migrate: createV2)
        migrator.registerMigration("v3-collocated-roles") { db in
            // The roles a pool carries besides its main one (comma-separated), so SQL can ask.
            try db.execute(sql: "ALTER TABLE pool ADD COLUMN collocatedRoles TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration("v4-security-generation", migrate: createSecurityGeneration)
        migrator.registerMigration("v5-audit-process") { db in
            // Which process runs a Started command ("pid:start time"), so the next open can tell
            // a command still running from one whose process was killed.
            try db.execute(sql: "ALTER TABLE auditEntry ADD COLUMN process TEXT")
            try db.execute(sql: "CREATE INDEX auditEntryStarted ON auditEntry(outcome) WHERE outcome = 'Started'")
        }
        migrator.registerMigration("v6-user-telephony", migrate: createUserTelephony)
        migrator.registerMigration("v7-domain-guid") { db in
            // The domain's objectGUID (Get-ADDomain), fixed once like its SID.
            try db.execute(sql: "INSERT OR IGNORE INTO setting (key, value) VALUES ('DomainGuid', ?)",
                           arguments: [UUID().uuidString.lowercased()])
        }
        migrator.registerMigration("v8-group-chat-migration-stages") { db in
            // The stages of a Group Chat to Persistent Chat migration, as its scripts record them
            // (Set-CsGroupChatMigrationStage); listed in the order they were first recorded.
            try db.execute(sql: """
                CREATE TABLE groupChatMigrationStage (
                    stageId INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    status TEXT NOT NULL CHECK (status IN ('Started', 'Completed', 'Failed', 'Skipped')),
                    startedAt REAL, finishedAt REAL, user TEXT NOT NULL, detail TEXT)
                """)
        }
        migrator.registerMigration("v9-management-logins") { db in
            // Which directory user a Unix login acts as through the management endpoint, when the
            // login name is not the SamAccountName. A change moves the security generation.
            try db.execute(sql: """
                CREATE TABLE managementLogin (
                    loginName TEXT NOT NULL PRIMARY KEY, samAccountName TEXT NOT NULL COLLATE NOCASE,
                    whenChanged REAL NOT NULL, changedBy TEXT NOT NULL)
                """)
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER managementLogin\(event.prefix(1) + event.dropFirst().lowercased())Generation AFTER \(event) ON managementLogin
                    BEGIN UPDATE setting SET value = CAST(value AS INTEGER) + 1 WHERE key = 'SecurityGeneration'; END
                    """)
            }
        }
        return migrator
    }

    private static func createV1(_ db: Database) throws {
        // Facts about the deployment: who created it, its forest, the local computer.
        try db.execute(sql: """
            CREATE TABLE setting (key TEXT PRIMARY KEY COLLATE NOCASE, value TEXT NOT NULL);

            -- Every published topology document; the newest is the current one.
            CREATE TABLE topologyDocument (
                version INTEGER PRIMARY KEY AUTOINCREMENT, publishedAt REAL NOT NULL, publishedBy TEXT NOT NULL,
                sourceFile TEXT, content TEXT NOT NULL, enabledAt REAL);
            CREATE TABLE site (
                siteId INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, description TEXT,
                city TEXT, state TEXT, country TEXT);
            CREATE TABLE pool (
                fqdn TEXT PRIMARY KEY COLLATE NOCASE, siteId INTEGER NOT NULL REFERENCES site(siteId),
                role TEXT NOT NULL, homePool TEXT COLLATE NOCASE, sqlInstance TEXT, databaseName TEXT,
                fileStore TEXT, version TEXT);
            CREATE TABLE computer (
                fqdn TEXT PRIMARY KEY COLLATE NOCASE,
                pool TEXT NOT NULL REFERENCES pool(fqdn) ON DELETE CASCADE ON UPDATE CASCADE);
            -- The services Enable-CsTopology installed on each computer, with their state.
            CREATE TABLE service (
                computer TEXT NOT NULL COLLATE NOCASE REFERENCES computer(fqdn) ON DELETE CASCADE,
                name TEXT NOT NULL COLLATE NOCASE, displayName TEXT NOT NULL, roleNames TEXT NOT NULL,
                status TEXT NOT NULL, activityLevel TEXT NOT NULL DEFAULT '', changedAt REAL,
                PRIMARY KEY (computer, name));

            -- The directory. Distinguished names are derived from the forest and the OU path,
            -- so only the OU part (without the DC= components) is stored.
            CREATE TABLE organizationalUnit (path TEXT PRIMARY KEY COLLATE NOCASE, whenCreated REAL NOT NULL);
            CREATE TABLE directoryUser (
                samAccountName TEXT PRIMARY KEY COLLATE NOCASE, objectGuid TEXT NOT NULL UNIQUE,
                sid TEXT NOT NULL UNIQUE, ou TEXT NOT NULL COLLATE NOCASE, name TEXT NOT NULL,
                displayName TEXT, givenName TEXT, surname TEXT,
                userPrincipalName TEXT UNIQUE COLLATE NOCASE, sipAddress TEXT UNIQUE COLLATE NOCASE,
                enabled INTEGER NOT NULL DEFAULT 1, csEnabled INTEGER NOT NULL DEFAULT 0,
                registrarPool TEXT, description TEXT, whenCreated REAL NOT NULL);
            CREATE TABLE directoryGroup (
                samAccountName TEXT PRIMARY KEY COLLATE NOCASE, objectGuid TEXT NOT NULL UNIQUE,
                sid TEXT NOT NULL UNIQUE, ou TEXT NOT NULL COLLATE NOCASE, name TEXT NOT NULL,
                displayName TEXT, description TEXT, groupScope TEXT NOT NULL DEFAULT 'Universal',
                groupCategory TEXT NOT NULL DEFAULT 'Security', isBuiltin INTEGER NOT NULL DEFAULT 0,
                whenCreated REAL NOT NULL);
            CREATE TABLE groupMember (
                groupName TEXT NOT NULL COLLATE NOCASE REFERENCES directoryGroup(samAccountName) ON DELETE CASCADE ON UPDATE CASCADE,
                memberKind TEXT NOT NULL CHECK (memberKind IN ('user', 'group')),
                memberName TEXT NOT NULL COLLATE NOCASE,
                PRIMARY KEY (groupName, memberKind, memberName));
            -- Contact objects: Persistent Chat endpoints and trusted application endpoints.
            CREATE TABLE contact (
                objectGuid TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('PersistentChat', 'TrustedApplication')),
                sipAddress TEXT NOT NULL UNIQUE COLLATE NOCASE, displayName TEXT,
                pool TEXT NOT NULL COLLATE NOCASE, applicationId TEXT COLLATE NOCASE,
                displayNumber TEXT, lineUri TEXT, enabled INTEGER NOT NULL DEFAULT 1,
                enabledForFederation INTEGER NOT NULL DEFAULT 0, enterpriseVoiceEnabled INTEGER NOT NULL DEFAULT 1,
                exchangeArchivingPolicy TEXT NOT NULL DEFAULT 'Uninitialized', primaryLanguage TEXT,
                secondaryLanguages TEXT NOT NULL DEFAULT '[]', whenCreated REAL NOT NULL);

            -- Trusted applications, their pools and computers, and the Trusted Service Entries
            -- (one directory record per application).
            CREATE TABLE trustedApplicationPool (
                fqdn TEXT PRIMARY KEY COLLATE NOCASE, siteId INTEGER, registrar TEXT COLLATE NOCASE,
                serviceNumber INTEGER NOT NULL, outboundOnly INTEGER NOT NULL DEFAULT 0,
                requiresReplication INTEGER NOT NULL DEFAULT 1, throttleAsServer INTEGER NOT NULL DEFAULT 1,
                treatAsAuthenticated INTEGER NOT NULL DEFAULT 1,
                audioPortStart INTEGER, audioPortCount INTEGER, videoPortStart INTEGER, videoPortCount INTEGER,
                appSharingPortStart INTEGER, appSharingPortCount INTEGER);
            CREATE TABLE trustedApplicationComputer (
                fqdn TEXT PRIMARY KEY COLLATE NOCASE,
                pool TEXT NOT NULL COLLATE NOCASE REFERENCES trustedApplicationPool(fqdn) ON DELETE CASCADE);
            CREATE TABLE trustedApplication (
                pool TEXT NOT NULL COLLATE NOCASE REFERENCES trustedApplicationPool(fqdn) ON DELETE CASCADE,
                applicationId TEXT NOT NULL COLLATE NOCASE, port INTEGER NOT NULL,
                enableTcp INTEGER NOT NULL DEFAULT 0, legacyApplicationName TEXT,
                PRIMARY KEY (pool, applicationId));
            CREATE TABLE trustedServiceEntry (
                objectGuid TEXT PRIMARY KEY, pool TEXT NOT NULL COLLATE NOCASE,
                applicationId TEXT NOT NULL COLLATE NOCASE, whenCreated REAL NOT NULL,
                UNIQUE (pool, applicationId),
                FOREIGN KEY (pool, applicationId) REFERENCES trustedApplication(pool, applicationId) ON DELETE CASCADE);

            -- RBAC roles. Built-in roles keep cmdlets NULL: their cmdlets come from the catalog.
            CREATE TABLE adminRole (
                identity TEXT PRIMARY KEY COLLATE NOCASE, sid TEXT NOT NULL UNIQUE, template TEXT,
                isStandardRole INTEGER NOT NULL, cmdlets TEXT, scriptModules TEXT NOT NULL DEFAULT '[]',
                configScopes TEXT NOT NULL DEFAULT '["Global"]', userScopes TEXT NOT NULL DEFAULT '["Global"]');

            -- Every state-changing command, allowed or denied.
            CREATE TABLE auditEntry (
                id INTEGER PRIMARY KEY AUTOINCREMENT, time REAL NOT NULL, user TEXT NOT NULL,
                roles TEXT NOT NULL, command TEXT NOT NULL, parameters TEXT NOT NULL,
                whatIf INTEGER NOT NULL, outcome TEXT NOT NULL, detail TEXT);
            CREATE INDEX auditEntryByTime ON auditEntry(time);
            CREATE INDEX auditEntryByUser ON auditEntry(user COLLATE NOCASE);
            """)
    }

    /// Persistent Chat policies (global, per site, per user) and configurations, and the
    /// failover state of each Persistent Chat pool.
    private static func createV2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE persistentChatPolicy (
                identity TEXT PRIMARY KEY COLLATE NOCASE, description TEXT,
                enablePersistentChat INTEGER NOT NULL DEFAULT 0);
            INSERT INTO persistentChatPolicy (identity, enablePersistentChat) VALUES ('Global', 0);
            CREATE TABLE persistentChatPolicyAssignment (
                samAccountName TEXT PRIMARY KEY COLLATE NOCASE
                    REFERENCES directoryUser(samAccountName) ON DELETE CASCADE ON UPDATE CASCADE,
                policy TEXT NOT NULL COLLATE NOCASE REFERENCES persistentChatPolicy(identity) ON UPDATE CASCADE);
            CREATE TABLE persistentChatConfiguration (
                identity TEXT PRIMARY KEY COLLATE NOCASE, defaultChatHistory INTEGER NOT NULL DEFAULT 30,
                maxFileSizeKB INTEGER NOT NULL DEFAULT 20000, participantUpdateLimit INTEGER NOT NULL DEFAULT 75,
                roomManagementUrl TEXT);
            INSERT INTO persistentChatConfiguration (identity) VALUES ('Global');
            CREATE TABLE persistentChatState (
                pool TEXT PRIMARY KEY COLLATE NOCASE, poolState TEXT NOT NULL DEFAULT 'Normal'
                    CHECK (poolState IN ('Normal', 'FailedOver')), changedAt REAL);
            """)
    }

    /// What Enable-CsUser and Set-CsUser keep on a user besides the SIP address and registrar
    /// pool: the e-mail address (a source of SIP addresses) and the telephony settings.
    private static func createUserTelephony(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE directoryUser ADD COLUMN mail TEXT COLLATE NOCASE;
            ALTER TABLE directoryUser ADD COLUMN lineUri TEXT COLLATE NOCASE;
            ALTER TABLE directoryUser ADD COLUMN lineServerUri TEXT;
            ALTER TABLE directoryUser ADD COLUMN privateLine TEXT COLLATE NOCASE;
            ALTER TABLE directoryUser ADD COLUMN enterpriseVoiceEnabled INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE directoryUser ADD COLUMN audioVideoDisabled INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE directoryUser ADD COLUMN remoteCallControlTelephonyEnabled INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX directoryUserLineUri ON directoryUser(lineUri) WHERE lineUri IS NOT NULL;
            """)
    }

    /// A counter that every change to users, groups, memberships or roles increments (by
    /// triggers, so no writer can forget): the role check reuses what it read until it moves.
    private static func createSecurityGeneration(_ db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO setting (key, value) VALUES ('SecurityGeneration', '0')")
        for table in ["directoryUser", "directoryGroup", "groupMember", "adminRole"] {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)\(event.prefix(1) + event.dropFirst().lowercased())Generation AFTER \(event) ON \(table)
                    BEGIN UPDATE setting SET value = CAST(value AS INTEGER) + 1 WHERE key = 'SecurityGeneration'; END
                    """)
            }
        }
    }
}

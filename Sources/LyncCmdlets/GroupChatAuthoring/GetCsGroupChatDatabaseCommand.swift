import LyncDeployment
import PSRuntime

/// Get-CsGroupChatDatabase: validates a legacy Group Chat database and summarises it.
final class GetCsGroupChatDatabaseCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsGroupChatDatabaseCommand.self, name: "Get-CsGroupChatDatabase",
        synopsis: "Checks a legacy Group Chat database and shows what it holds.",
        description: """
            Opens the SQLite file -Path read-only through the same reader the migration uses, so it also checks \
            that the file follows the legacy store contract: every table and column present, a SchemaVersion of \
            GroupChat2010 or GroupChat2007R2, a root category and a sound category tree. Files written by other \
            tools (a converted SQL Server database, the sqlite3 shell) are fine. Writes one object with the \
            configuration facts and the number of principals, categories (the root not counted), rooms, add-ins \
            and messages. A file that breaks the contract is an error naming what is wrong.
            """,
        module: "GroupChatAuthoring", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Path",
        outputTypes: [GroupChatAuthoringOutput.databaseType],
        examples: [
            HelpExample("Get-CsGroupChatDatabase -Path ./legacy.db", "Shows the forest, schema version and counts of legacy.db."),
            HelpExample("(Get-CsGroupChatDatabase ./legacy.db).Messages", "Counts the messages in legacy.db."),
            HelpExample("Get-CsGroupChatDatabase -DBInstance ./legacy.db",
                        "Names the database as Export-CsPersistentChatData -DBInstance does: a file, a sqlite: URI, or a SQL instance (fqdn\\instance) with -DBName, such as the legacy pool's atl-sql-002.litwareinc.com\\groupchat -DBName GroupChat."),
        ],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: [.byValue, .byPropertyName],
                      aliases: ["Database", "FullName"], files: .reads, help: "The legacy database file."),
            Parameter("DBInstance", \.dbInstance, mandatory: true, sets: ["Instance"],
                      help: "The SQL instance (fqdn\\instance) holding the database, as Export-CsPersistentChatData takes it."),
            Parameter("DBName", \.dbName, sets: ["Instance"], help: "The database's name in the instance.", defaultValue: "mgc"),
        ])

    var path = ""
    var dbInstance = ""
    var dbName = "mgc"

    func process(_ context: CommandContext) throws {
        var file = try GroupChatAuthoringOutput.resolve(path, .reads, context)
        if !dbInstance.isEmpty {
            let home = try context.store().home
            file = try MigrationLocations.databaseFile(dbInstance, database: dbName, context: context, home: home, use: .reads).path
        }
        try context.write(try context.domain { try GroupChatAuthoringOutput.summary(path: file) })
    }
}

import LyncDeployment
import PSRuntime

/// New-CsGroupChatDatabase: creates an empty legacy Group Chat database file.
final class NewCsGroupChatDatabaseCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsGroupChatDatabaseCommand.self, name: "New-CsGroupChatDatabase",
        synopsis: "Creates an empty legacy Group Chat database (the source of a migration to Persistent Chat).",
        description: """
            Writes a new SQLite file at -Path laid out like a Lync Server 2010 or OCS 2007 R2 Group Chat database: \
            the tables and columns of the legacy store contract, the static principal and role types, the \
            configuration facts (-SchemaVersion, -ForestFqdn, -LookupServerUri, -FileStorePath) and the root \
            category (named -RootName, invitations off, history and file posting on, rooms visible in scope). Fill \
            it with Add-CsGroupChatPrincipal, New-CsGroupChatCategory, New-CsGroupChatRoom, New-CsGroupChatAddin \
            and Add-CsGroupChatMessage, or use New-CsGroupChatTestData for a large generated one. An existing file \
            is left alone unless you pass -Force. Writes the summary of the new database.
            """,
        module: "GroupChatAuthoring", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        outputTypes: [GroupChatAuthoringOutput.databaseType],
        examples: [
            HelpExample("New-CsGroupChatDatabase -Path ./legacy.db -ForestFqdn litwareinc.com -LookupServerUri sip:ocschat@litwareinc.com",
                        "Creates legacy.db in the current folder for the forest litwareinc.com with the usual Lookup Server address."),
            HelpExample("New-CsGroupChatDatabase -Path ./r2.db -SchemaVersion GroupChat2007R2 -RootName Litware -Force",
                        "Replaces r2.db with an empty OCS 2007 R2 database whose root category is called Litware."),
        ],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, files: .writes, help: "The database file to create."),
            Parameter("ForestFqdn", \.forestFqdn, help: "The legacy deployment's forest (tblConfig ForestFqdn). Default: litwareinc.com."),
            Parameter("LookupServerUri", \.lookupServerUri, help: "The SIP URI of the Lookup Server account, e.g. sip:ocschat@litwareinc.com."),
            Parameter("FileStorePath", \.fileStorePath, help: "The folder that holds posted files (one sub-folder per room GUID)."),
            Parameter("SchemaVersion", \.schemaVersion, validate: [.set(["GroupChat2010", "GroupChat2007R2"], ignoreCase: true)],
                      help: "GroupChat2010 (default) or GroupChat2007R2."),
            Parameter("RootName", \.rootName, help: "The name of the root category. Default: Root."),
            .switchParameter("Force", \.force, help: "Replaces an existing file at -Path."),
        ])

    var path = ""
    var forestFqdn = "litwareinc.com"
    var lookupServerUri: String?
    var fileStorePath: String?
    var schemaVersion = "GroupChat2010"
    var rootName = "Root"
    var force = false

    func process(_ context: CommandContext) throws {
        let file = try GroupChatAuthoringOutput.resolve(path, .writes, context)
        guard try context.shouldProcess(target: file, action: "New legacy Group Chat database") else { return }
        let options = LegacyGroupChatSchema.Options(schemaVersion: schemaVersion, forestFqdn: forestFqdn, lookupServerUri: lookupServerUri,
                                                    fileStorePath: fileStorePath, rootName: rootName)
        let summary = try context.domain {
            _ = try LegacyGroupChatWriter.create(path: file, options: options, overwrite: force)
            return try GroupChatAuthoringOutput.summary(path: file)
        }
        try context.write(summary)
    }
}

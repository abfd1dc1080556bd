import PSCmdlets
import PSRuntime

/// The cmdlets that author legacy Group Chat databases (the migration's source) and their views.
enum GroupChatAuthoringCmdlets {
    static var all: [CmdletDeclaration] {
        [NewCsGroupChatDatabaseCommand.declaration, GetCsGroupChatDatabaseCommand.declaration,
         AddCsGroupChatPrincipalCommand.declaration, NewCsGroupChatCategoryCommand.declaration,
         NewCsGroupChatRoomCommand.declaration, NewCsGroupChatAddinCommand.declaration,
         AddCsGroupChatMessageCommand.declaration, NewCsGroupChatTestDataCommand.declaration,
         ImportCsGroupChatBcpDataCommand.declaration]
    }

    static func registerViews(_ context: ExecutionContext) {
        FormatData.registerListView(context, name: "LegacyGroupChatDatabase", typeNames: [GroupChatAuthoringOutput.databaseType], properties: [
            "Path", "SchemaVersion", "ForestFqdn", "LookupServerUri", "FileStorePath", "RootName", "Principals", "Categories",
            "Rooms", "Addins", "Messages",
        ])
        FormatData.registerTableView(context, name: "LegacyGroupChatPrincipal", typeNames: [GroupChatAuthoringOutput.principalType], columns: [
            FormatData.Column("Id", width: 6, alignRight: true), FormatData.Column("Uri", width: 40), FormatData.Column("Name", width: 24),
            FormatData.Column("Type", width: 14), FormatData.Column("Disabled", width: 8),
        ])
        FormatData.registerTableView(context, name: "LegacyGroupChatNode", typeNames: [GroupChatAuthoringOutput.nodeType], columns: [
            FormatData.Column("Id", width: 6, alignRight: true), FormatData.Column("Kind", width: 8), FormatData.Column("Path", width: 40),
            FormatData.Column("Invite", width: 7), FormatData.Column("Logged", width: 7), FormatData.Column("FilePost", width: 8),
            FormatData.Column("Visibility", width: 10),
        ])
        FormatData.registerTableView(context, name: "LegacyGroupChatAddin", typeNames: [GroupChatAuthoringOutput.addinType], columns: [
            FormatData.Column("Name", width: 24), FormatData.Column("Url", width: 60),
        ])
        FormatData.registerTableView(context, name: "LegacyGroupChatMessage", typeNames: [GroupChatAuthoringOutput.messageType], columns: [
            FormatData.Column("Room", width: 16), FormatData.Column("ChatId", width: 7, alignRight: true), FormatData.Column("Author", width: 30),
            FormatData.Column("Content", width: 50),
        ])
        FormatData.registerListView(context, name: "LegacyGroupChatTestData", typeNames: [GroupChatAuthoringOutput.testDataType], properties: [
            "Path", "Principals", "Groups", "Federated", "Disabled", "Categories", "Rooms", "Addins", "Messages", "Seconds",
        ])
        FormatData.registerTableView(context, name: "LegacyGroupChatBcpTable", typeNames: [GroupChatAuthoringOutput.bcpTableType], columns: [
            FormatData.Column("Table", width: 24), FormatData.Column("Rows", width: 10, alignRight: true), FormatData.Column("File", width: 30),
            FormatData.Column("Format", width: 9),
        ])
    }
}

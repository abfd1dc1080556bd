import PSCmdlets
import PSRuntime

/// The Persistent Chat management cmdlets (categories, rooms, add-ins, messages, state,
/// policies, configuration) and their default views.
enum PersistentChatCmdlets {
    static var all: [CmdletDeclaration] {
        [
            GetCsPersistentChatCategoryCommand.declaration, NewCsPersistentChatCategoryCommand.declaration,
            SetCsPersistentChatCategoryCommand.declaration, RemoveCsPersistentChatCategoryCommand.declaration,
            GetCsPersistentChatRoomCommand.declaration, NewCsPersistentChatRoomCommand.declaration,
            SetCsPersistentChatRoomCommand.declaration, RemoveCsPersistentChatRoomCommand.declaration,
            ClearCsPersistentChatRoomCommand.declaration, RemoveCsPersistentChatMessageCommand.declaration,
            GetCsPersistentChatAddinCommand.declaration, NewCsPersistentChatAddinCommand.declaration,
            SetCsPersistentChatAddinCommand.declaration, RemoveCsPersistentChatAddinCommand.declaration,
            GetCsPersistentChatStateCommand.declaration, SetCsPersistentChatStateCommand.declaration,
            GetCsPersistentChatEligiblePrincipalCommand.declaration,
            GetCsPersistentChatPolicyCommand.declaration, NewCsPersistentChatPolicyCommand.declaration,
            SetCsPersistentChatPolicyCommand.declaration, RemoveCsPersistentChatPolicyCommand.declaration,
            GrantCsPersistentChatPolicyCommand.declaration,
            GetCsPersistentChatConfigurationCommand.declaration, SetCsPersistentChatConfigurationCommand.declaration,
        ]
    }

    static func registerViews(_ context: ExecutionContext) {
        FormatData.registerTableView(context, name: "PersistentChatCategoryTable", typeNames: [PersistentChatOutput.categoryType], columns: [
            FormatData.Column("Identity", width: 40), FormatData.Column("Invitations", width: 11),
            FormatData.Column("FileUpload", width: 10), FormatData.Column("ChatHistory", width: 11),
        ])
        FormatData.registerListView(context, name: "PersistentChatCategoryList", typeNames: [PersistentChatOutput.categoryType], properties: [
            "Identity", "Name", "Description", "Invitations", "FileUpload", "ChatHistory", "AllowedMembers", "DeniedMembers", "Creators",
        ], asDefault: false)
        FormatData.registerTableView(context, name: "PersistentChatRoomTable", typeNames: [PersistentChatOutput.roomType], columns: [
            FormatData.Column("Name", width: 24), FormatData.Column("Category", width: 36), FormatData.Column("Privacy", width: 7),
            FormatData.Column("Type", width: 10), FormatData.Column("Disabled", width: 8),
        ])
        FormatData.registerListView(context, name: "PersistentChatRoomList", typeNames: [PersistentChatOutput.roomType], properties: [
            "Identity", "Name", "Description", "Category", "Disabled", "Invitations", "Privacy", "Type", "Addin",
            "Managers", "Members", "Presenters",
        ], asDefault: false)
        FormatData.registerTableView(context, name: "PersistentChatAddinTable", typeNames: [PersistentChatOutput.addinType], columns: [
            FormatData.Column("Identity", width: 48), FormatData.Column("Url", width: 50),
        ])
        FormatData.registerListView(context, name: "PersistentChatAddinList", typeNames: [PersistentChatOutput.addinType], properties: [
            "Identity", "Name", "Url", "PersistentChatPoolFqdn",
        ], asDefault: false)
        FormatData.registerTableView(context, name: "PersistentChatStateTable", typeNames: [PersistentChatOutput.stateType], columns: [
            FormatData.Column("Identity", width: 60), FormatData.Column("PoolState", width: 10),
        ])
        FormatData.registerListView(context, name: "PersistentChatPolicyList", typeNames: [PersistentChatOutput.policyType], properties: [
            "Identity", "Description", "EnablePersistentChat",
        ])
        FormatData.registerListView(context, name: "PersistentChatConfigurationList", typeNames: [PersistentChatOutput.configurationType],
                                    properties: ["Identity", "DefaultChatHistory", "MaxFileSizeKB", "ParticipantUpdateLimit", "RoomManagementUrl"])
        FormatData.registerTableView(context, name: "PersistentChatEligiblePrincipalTable", typeNames: [PersistentChatOutput.principalType],
                                     columns: [FormatData.Column("Name", width: 24), FormatData.Column("SipAddress", width: 40)])
    }
}

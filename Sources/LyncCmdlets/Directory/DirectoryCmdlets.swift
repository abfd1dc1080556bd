import PSCmdlets
import PSRuntime

/// The directory cmdlets (the ActiveDirectory module's user and group cmdlets, Get-CsUser and
/// Disable-CsUser) and their default views.
enum DirectoryCmdlets {
    static var all: [CmdletDeclaration] {
        [GetADUserCommand.declaration, NewADUserCommand.declaration, RemoveADUserCommand.declaration,
         GetADGroupCommand.declaration, NewADGroupCommand.declaration, RemoveADGroupCommand.declaration,
         GetADGroupMemberCommand.declaration, AddADGroupMemberCommand.declaration, RemoveADGroupMemberCommand.declaration,
         GetCsUserCommand.declaration, DisableCsUserCommand.declaration]
    }

    static func registerViews(_ context: ExecutionContext) {
        FormatData.registerTableView(context, name: "ADPrincipal", typeNames: [DirectoryOutput.adPrincipalType], columns: [
            FormatData.Column("SamAccountName", width: 22), FormatData.Column("objectClass", label: "ObjectClass", width: 11),
            FormatData.Column("name", label: "Name", width: 28), FormatData.Column("distinguishedName", label: "DistinguishedName"),
        ])
        FormatData.registerListView(context, name: "OCSADUser", typeNames: [DirectoryOutput.csUserType], properties: [
            "Identity", "RegistrarPool", "Enabled", "SipAddress", "LineURI", "EnterpriseVoiceEnabled", "DisplayName",
            "SamAccountName", "UserPrincipalName", "PersistentChatPolicy",
        ])
    }
}

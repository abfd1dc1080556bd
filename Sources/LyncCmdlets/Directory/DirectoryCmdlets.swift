import PSCmdlets
import PSRuntime

/// The directory cmdlets (the ActiveDirectory module's domain, user and group cmdlets, and
/// Get/Enable/Set/Disable-CsUser) and their default views.
enum DirectoryCmdlets {
    static var all: [CmdletDeclaration] {
        [GetADUserCommand.declaration, NewADUserCommand.declaration, RemoveADUserCommand.declaration,
         GetADGroupCommand.declaration, NewADGroupCommand.declaration, RemoveADGroupCommand.declaration,
         GetADGroupMemberCommand.declaration, AddADGroupMemberCommand.declaration, RemoveADGroupMemberCommand.declaration,
         GetCsUserCommand.declaration, EnableCsUserCommand.declaration, SetCsUserCommand.declaration,
         DisableCsUserCommand.declaration, GetADDomainCommand.declaration,
         DisableADAccountCommand.declaration, EnableADAccountCommand.declaration]
    }

    static func registerViews(_ context: ExecutionContext) {
        FormatData.registerTableView(context, name: "ADPrincipal", typeNames: [DirectoryOutput.adPrincipalType], columns: [
            FormatData.Column("SamAccountName", width: 22), FormatData.Column("objectClass", label: "ObjectClass", width: 11),
            FormatData.Column("name", label: "Name", width: 28), FormatData.Column("distinguishedName", label: "DistinguishedName"),
        ])
        FormatData.registerListView(context, name: "OCSADUser", typeNames: [DirectoryOutput.csUserType], properties: [
            "Identity", "RegistrarPool", "Enabled", "SipAddress", "LineURI", "EnterpriseVoiceEnabled", "DisplayName",
            "SamAccountName", "UserPrincipalName", "LineServerURI", "PrivateLine", "AudioVideoDisabled",
            "RemoteCallControlTelephonyEnabled", "PersistentChatPolicy",
        ])
    }
}

import Foundation
import LyncDeployment
import PSCmdlets
import PSRuntime

/// The management endpoint's login mappings: which directory user a Unix login acts as when its
/// name is not that user's SamAccountName.
enum ManagementLoginCmdlets {
    static let typeName = "Pcsh.Deployment.ManagementLogin"

    static var all: [CmdletDeclaration] {
        [GetCsManagementLoginCommand.declaration, SetCsManagementLoginCommand.declaration, RemoveCsManagementLoginCommand.declaration]
    }

    static func registerViews(_ context: ExecutionContext) {
        FormatData.registerTableView(context, name: "ManagementLogin", typeNames: [typeName], columns: [
            FormatData.Column("LoginName", width: 20), FormatData.Column("SamAccountName", width: 20),
            FormatData.Column("WhenChanged", width: 22), FormatData.Column("ChangedBy"),
        ])
    }

    static func object(_ login: ManagementLogin) -> PSValue {
        DeploymentObjects.object(typeName, [
            ("LoginName", .string(login.loginName)), ("SamAccountName", .string(login.samAccountName)),
            ("WhenChanged", .dateTime(login.whenChanged)), ("ChangedBy", .string(login.changedBy)),
        ])
    }
}

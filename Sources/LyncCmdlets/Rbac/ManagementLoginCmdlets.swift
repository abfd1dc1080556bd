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

/// Get-CsManagementLogin: lists the login mappings.
final class GetCsManagementLoginCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsManagementLoginCommand.self, name: "Get-CsManagementLogin",
        synopsis: "Lists which directory user each mapped Unix login acts as through the management endpoint.",
        description: "A login without a mapping acts as the directory user whose SamAccountName is the login name.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, outputTypes: [ManagementLoginCmdlets.typeName],
        examples: [HelpExample("Get-CsManagementLogin", "Lists every mapping.")],
        parameters: [
            Parameter("Identity", \.identity, position: 0, help: "A login name (wildcards allowed)."),
        ])

    var identity: String?

    func end(_ context: CommandContext) throws {
        let store = try context.store()
        let logins = try context.domain { try store.read { try ManagementLoginRepository.all(in: $0) } }
        let pattern = identity.map { WildcardPattern($0) }
        for login in logins where pattern?.matches(login.loginName) ?? true {
            try context.write(ManagementLoginCmdlets.object(login))
        }
    }
}

/// Set-CsManagementLogin: maps a Unix login to a directory user.
final class SetCsManagementLoginCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetCsManagementLoginCommand.self, name: "Set-CsManagementLogin",
        synopsis: "Maps a Unix login to the directory user it acts as through the management endpoint.",
        description: "The endpoint learns a client's login from the kernel; this says which directory user (and so which roles) that login has. An earlier mapping of the login is replaced. The change applies to open sessions at their next command.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, supportsShouldProcess: true, confirmImpact: .Medium,
        outputTypes: [ManagementLoginCmdlets.typeName],
        examples: [HelpExample("Set-CsManagementLogin -Identity kmyer -SamAccountName kenmyer",
                               "The login kmyer now works as the directory user kenmyer.")],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byPropertyName, aliases: ["LoginName"],
                      help: "The Unix login name."),
            Parameter("SamAccountName", \.samAccountName, position: 1, mandatory: true, pipeline: .byPropertyName,
                      help: "The directory user the login acts as."),
        ])

    var identity = ""
    var samAccountName = ""

    func process(_ context: CommandContext) throws {
        guard try context.shouldProcess(target: identity, action: "Map the login to the directory user '\(samAccountName)'") else { return }
        let store = try context.store()
        let changedBy = context.session.deployment?.userName ?? ""
        let login = try context.domain {
            try store.write { try ManagementLoginRepository.set(login: identity, samAccountName: samAccountName, changedBy: changedBy, in: $0) }
        }
        try context.write(ManagementLoginCmdlets.object(login))
    }
}

/// Remove-CsManagementLogin: removes a login's mapping.
final class RemoveCsManagementLoginCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemoveCsManagementLoginCommand.self, name: "Remove-CsManagementLogin",
        synopsis: "Removes a Unix login's mapping to a directory user.",
        description: "Afterwards the login acts as the directory user of the same name, if there is one.",
        module: "Lync", securityArea: SecurityArea.rbac.rawValue, supportsShouldProcess: true, confirmImpact: .Medium,
        examples: [HelpExample("Remove-CsManagementLogin -Identity kmyer", "The login kmyer no longer acts as another directory user.")],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byPropertyName, aliases: ["LoginName"],
                      help: "The Unix login name."),
        ])

    var identity = ""

    func process(_ context: CommandContext) throws {
        guard try context.shouldProcess(target: identity, action: "Remove the login mapping") else { return }
        let store = try context.store()
        let removed = try context.domain { try store.write { try ManagementLoginRepository.remove(login: identity, in: $0) } }
        if !removed {
            try context.writeError("The login '\(identity)' has no mapping; Get-CsManagementLogin lists them.",
                                   id: "ManagementLoginNotFound", category: .ObjectNotFound, target: .string(identity))
        }
    }
}

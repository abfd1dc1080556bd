import LyncDeployment
import PSRuntime

/// New-ADGroup: creates a group.
final class NewADGroupCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewADGroupCommand.self, name: "New-ADGroup",
        synopsis: "Creates a group in the deployment's directory.",
        description: """
            Adds a group named -Name with the scope -GroupScope (DomainLocal, Global or Universal) and the \
            category -GroupCategory (Security unless told otherwise). The SamAccountName defaults to the name; \
            it must not be used by any user or group. -Path puts the group in an OU, created when missing.
            """,
        module: "ActiveDirectory", securityArea: SecurityArea.directory.rawValue, supportsShouldProcess: true,
        outputTypes: [DirectoryOutput.adGroupType],
        examples: [
            HelpExample("New-ADGroup -Name ChatUsers -GroupScope Universal", "Creates the universal security group ChatUsers in CN=Users."),
            HelpExample("New-ADGroup -Name 'Sales Team' -SamAccountName SalesTeam -GroupScope Global -GroupCategory Distribution -Path 'OU=Sales,DC=litwareinc,DC=com' -PassThru",
                        "Creates a distribution group in the Sales OU and shows it."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, mandatory: true, help: "The group's name (the CN of its distinguished name)."),
            Parameter("GroupScope", \.groupScope, position: 1, mandatory: true, help: "DomainLocal, Global or Universal."),
            Parameter("SamAccountName", \.samAccountName, help: "The group's account name; defaults to the name."),
            Parameter("GroupCategory", \.groupCategory, help: "Security (the default) or Distribution."),
            Parameter("Path", \.path, help: "The OU (distinguished name) to create the group in; created when missing."),
            Parameter("Description", \.groupDescription, help: "A free-text description."),
            Parameter("DisplayName", \.displayName, help: "The name shown in address lists."),
            .switchParameter("PassThru", \.passThru, help: "Writes the new group to the pipeline."),
        ])

    var name = ""
    var groupScope: ADGroupScope = .Global
    var samAccountName: String?
    var groupCategory: ADGroupCategory?
    var path: String?
    var groupDescription: String?
    var displayName: String?
    var passThru = false

    func process(_ context: CommandContext) throws {
        let spec = NewDirectoryGroup(name: name, samAccountName: samAccountName,
                                     groupScope: GroupScope(rawValue: groupScope.rawValue) ?? .global,
                                     groupCategory: GroupCategory(rawValue: (groupCategory ?? .Security).rawValue) ?? .security,
                                     path: path, description: groupDescription, displayName: displayName)
        let store = try context.store()
        let target = (try? store.read { db in
            DirectoryNames.distinguishedName(name: name, ou: try DirectoryRepository.organizationalUnitPath(path, in: db),
                                             forest: try CentralManagementStore.forestFqdn(in: db))
        }) ?? name
        guard try context.shouldProcess(target: target, action: "New") else { return }
        let object = try context.domain {
            try store.write { db in try GetADGroupCommand.fullObject(try DirectoryRepository.createGroup(spec, in: db), in: db) }
        }
        if passThru {
            try context.write(try DirectoryOutput.select(object, defaults: DirectoryOutput.groupDefaultProperties,
                                                         requested: [], context: context))
        }
    }
}

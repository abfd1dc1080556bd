import LyncDeployment
import PSRuntime

/// New-ADGroup: creates a group.
final class NewADGroupCommand: NewADObjectCommand, Cmdlet {
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
        parameters: objectParameters(noun: "group") + [
            Parameter("GroupScope", \.groupScope, position: 1, mandatory: true, help: "DomainLocal, Global or Universal."),
            Parameter("GroupCategory", \.groupCategory, help: "Security (the default) or Distribution."),
        ])

    var groupScope: ADGroupScope = .Global
    var groupCategory: ADGroupCategory?

    func process(_ context: CommandContext) throws {
        let spec = NewDirectoryGroup(name: name, samAccountName: samAccountName,
                                     groupScope: GroupScope(rawValue: groupScope.rawValue) ?? .global,
                                     groupCategory: GroupCategory(rawValue: (groupCategory ?? .Security).rawValue) ?? .security,
                                     path: path, description: objectDescription, displayName: displayName)
        let store = try context.store()
        guard try context.shouldProcess(target: target(store), action: "New") else { return }
        let object = try context.domain {
            try store.write { db in try GetADGroupCommand.fullObject(try DirectoryRepository.createGroup(spec, in: db), in: db) }
        }
        if passThru {
            try context.write(try DirectoryOutput.select(object, defaults: DirectoryOutput.groupDefaultProperties,
                                                         requested: [], context: context))
        }
    }
}

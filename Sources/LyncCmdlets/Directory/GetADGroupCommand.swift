import LyncDeployment
import PSRuntime

/// Get-ADGroup: reads groups of the deployment's directory.
final class GetADGroupCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetADGroupCommand.self, name: "Get-ADGroup",
        synopsis: "Gets groups from the deployment's directory.",
        description: """
            Returns one group named by -Identity (SamAccountName, distinguished name, GUID or SID) or every group \
            that passes -Filter, with the default properties DistinguishedName, GroupCategory, GroupScope, Name, \
            ObjectClass, ObjectGUID, SamAccountName and SID. -Properties adds others, such as Description, \
            Members and MemberOf. The RTCUniversal* groups and one group per RBAC role exist in every deployment.
            """,
        module: "ActiveDirectory", securityArea: SecurityArea.directory.rawValue, defaultParameterSet: "Filter",
        outputTypes: [DirectoryOutput.adGroupType],
        examples: [
            HelpExample("Get-ADGroup -Identity RTCUniversalServerAdmins", "Shows the group of the deployment's administrators."),
            HelpExample("Get-ADGroup -Filter {Name -like 'Cs*'} -Properties Members", "Lists the RBAC role groups with their members."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, mandatory: true, sets: ["Identity"], pipeline: .byValue,
                      help: "The group: its SamAccountName, distinguished name, ObjectGUID or SID, or a piped group object."),
            Parameter("Filter", \.filter, mandatory: true, sets: ["Filter"],
                      help: "Which groups to return: * for all, or comparisons such as {GroupScope -eq 'Universal'} joined with -and / -or."),
            Parameter("Properties", \.properties, aliases: ["Property"],
                      help: "Properties to add to the default ones: names (wildcards allowed) or * for all."),
            Parameter("SearchBase", \.searchBase, sets: ["Filter"], help: "An OU distinguished name; only groups in it and below it are returned."),
        ])

    var identity: PSValue?
    var filter: PSValue?
    var properties: [String] = []
    var searchBase: String?

    func process(_ context: CommandContext) throws {
        let store = try context.store()
        if let identity {
            let text = DirectoryOutput.identityText(identity, context: context)
            guard let object = try context.reportingErrors({
                try store.read { db in try Self.fullObject(try DirectoryRepository.requireGroup(text, in: db), in: db) }
            }) else { return }
            try context.write(try DirectoryOutput.select(object, defaults: DirectoryOutput.groupDefaultProperties,
                                                         requested: properties, context: context))
            return
        }
        let parsed = try DirectoryFilter.parse(filter ?? .string("*"), context: context)
        let objects = try context.domain {
            try store.read { db in
                let base = try searchBase.map { try DirectoryRepository.organizationalUnitPath($0, in: db) }
                return try DirectoryRepository.groups(in: db)
                    .filter { group in base.map { DirectoryNames.isWithin(group.ou, $0) } ?? true }
                    .map { try Self.fullObject($0, in: db) }
            }
        }
        for object in objects where parsed.matches(object) {
            try context.write(try DirectoryOutput.select(object, defaults: DirectoryOutput.groupDefaultProperties,
                                                         requested: properties, context: context))
        }
    }

    static func fullObject(_ group: DirectoryGroup, in db: DirectoryRepository.Transaction) throws -> PSObject {
        DirectoryOutput.fullGroup(group, forest: try CentralManagementStore.forestFqdn(in: db),
                                  members: try DirectoryRepository.memberNames(of: group, in: db),
                                  memberOf: try DirectoryRepository.memberOf(.group(group), in: db))
    }
}

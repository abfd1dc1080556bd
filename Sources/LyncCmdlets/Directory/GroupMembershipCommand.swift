import LyncDeployment
import PSRuntime

/// What Add-ADGroupMember and Remove-ADGroupMember share: the group, the members, and the
/// all-or-nothing change (every member is resolved before any is changed).
class GroupMembershipCommand {
    var identity: PSValue = .null
    var members: [PSValue] = []

    required init() {}

    /// `Add` or `Remove`, for the ShouldProcess action.
    class var actionVerb: String { "" }

    /// Changes one membership inside the write transaction.
    func apply(_ principal: DirectoryPrincipal, to group: DirectoryGroup, in db: DirectoryRepository.Transaction) throws {}

    /// `-Identity` (the group) and `-Members`; `verb` ("add", "remove") words their help.
    static func membershipParameters<C: GroupMembershipCommand & Cmdlet>(verb: String) -> [Parameter<C>] {
        [
            Parameter("Identity", \.identity, position: 0, mandatory: true, pipeline: .byValue,
                      help: "The group: SamAccountName, distinguished name, ObjectGUID or SID."),
            Parameter("Members", \.members, position: 1, mandatory: true, aliases: ["Member"],
                      help: "The users and groups to \(verb)."),
        ]
    }

    func process(_ context: CommandContext) throws {
        let groupText = DirectoryOutput.identityText(identity, context: context)
        let memberTexts = members.map { DirectoryOutput.identityText($0, context: context) }
        let store = try context.store()
        let (group, principals) = try context.domain {
            try store.read { db in
                (try DirectoryRepository.requireGroup(groupText, in: db),
                 try memberTexts.map { try DirectoryRepository.requirePrincipal($0, in: db) })
            }
        }
        let names = principals.map(\.samAccountName).joined(separator: ", ")
        guard try context.shouldProcess(target: group.samAccountName, action: "\(Self.actionVerb) member(s) \(names)") else { return }
        try context.domain {
            try store.write { db in
                for principal in principals { try apply(principal, to: group, in: db) }
            }
        }
    }
}

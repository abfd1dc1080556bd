import LyncDeployment
import PSRuntime

/// What every cmdlet that writes into an existing legacy Group Chat database shares: the
/// -Database parameter, declared once, and its resolution against the current location.
class GroupChatAuthoringCommand {
    var database = ""

    required init() {}

    static func databaseParameter<C: GroupChatAuthoringCommand & Cmdlet>() -> Parameter<C> {
        Parameter("Database", \.database, position: 0, mandatory: true, files: .writes, help: "The legacy database file.")
    }

    /// The database file, resolved against the session's current location.
    func databaseFile(_ context: CommandContext) throws -> String {
        try GroupChatAuthoringOutput.resolve(database, .writes, context)
    }
}

/// What New-CsGroupChatCategory and New-CsGroupChatRoom share: a named node with the inheritable
/// settings and the role lists, declared once.
class GroupChatNodeCommand: GroupChatAuthoringCommand {
    var name = ""
    var description: String?
    var invite: Bool?
    var logged: Bool?
    var filePost: Bool?
    var visibility: String?
    var managers: [String] = []
    var members: [String] = []
    var voiced: [String] = []
    var overrideMember = false

    /// -Database and -Name, the two positional parameters every node cmdlet starts with.
    static func nodeHeadParameters<C: GroupChatNodeCommand & Cmdlet>(noun: String) -> [Parameter<C>] {
        [databaseParameter(), Parameter("Name", \.name, position: 1, mandatory: true, help: "The \(noun)'s name.")]
    }

    /// The settings and roles; `reach` says where a role given on this node applies.
    static func nodeSettingParameters<C: GroupChatNodeCommand & Cmdlet>(reach: String) -> [Parameter<C>] {
        [
            Parameter("Description", \.description, help: "A description."),
            Parameter("Invite", \.invite, help: "Send invitations to members: $true, $false, or leave out to inherit."),
            Parameter("Logged", \.logged, help: "Keep chat history: $true, $false, or leave out to inherit."),
            Parameter("FilePost", \.filePost, help: "Allow file posting: $true, $false, or leave out to inherit."),
            Parameter("Visibility", \.visibility, validate: [.set(["Private", "Scoped"], ignoreCase: true)],
                      help: "Room visibility, Private or Scoped; leave out to inherit."),
            Parameter("Managers", \.managers, help: "Principals who manage \(reach)."),
            Parameter("Members", \.members, help: "Principals who are members of \(reach)."),
            Parameter("Voiced", \.voiced, help: "Principals who may post in \(reach) when it is an auditorium."),
            .switchParameter("OverrideMember", \.overrideMember,
                             help: "Starts a new member list instead of inheriting the parent's."),
        ]
    }

    /// The node's settings as the legacy writer takes them.
    var settings: LegacyGroupChatWriter.NodeSettings {
        .init(invite: invite, logged: logged, filePost: filePost,
              visibility: GroupChatAuthoringOutput.visibilityValue(visibility), overrideMember: overrideMember)
    }
}

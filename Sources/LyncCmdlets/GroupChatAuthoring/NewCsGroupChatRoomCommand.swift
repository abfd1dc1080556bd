import LyncDeployment
import PSRuntime

/// New-CsGroupChatRoom: adds a chat room to a category of a legacy Group Chat database.
final class NewCsGroupChatRoomCommand: GroupChatNodeCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsGroupChatRoomCommand.self, name: "New-CsGroupChatRoom",
        synopsis: "Adds a chat room to a legacy Group Chat database.",
        description: """
            Writes a room (a tblNode row of type 0) into the category -Category; name the root category to put \
            the room directly under the root. Every legacy room setting can be given: -Topic, -Description, \
            -Invite, -Logged and -FilePost ($true, $false, or left out to inherit from the category), -Disabled, \
            -Type Normal or Auditorium, -Visibility Private or Scoped (left out: inherited), -OverrideMember (the \
            room does not inherit the category's members), -Addin (a registered add-in's name), and the roles \
            -Managers, -Members and -Voiced (presenters of an auditorium), given as URIs or display names. Room \
            names are unique among rooms (case-insensitive).
            """,
        module: "GroupChatAuthoring", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        outputTypes: [GroupChatAuthoringOutput.nodeType],
        examples: [
            HelpExample("New-CsGroupChatRoom -Database ./legacy.db -Name build -Category Backend -Topic 'Build status' -Members Engineering",
                        "Adds the room build to Backend; the Engineering group are its members."),
            HelpExample("New-CsGroupChatRoom ./legacy.db -Name townhall -Category Root -Type Auditorium -Voiced sip:kenmyer@litwareinc.com",
                        "Adds an auditorium directly under the root where only Ken Myer may post."),
            HelpExample("New-CsGroupChatRoom ./legacy.db -Name oldproject -Category Eng -Disabled", "Adds a disabled room (the migration skips it)."),
        ],
        parameters: nodeHeadParameters(noun: "room") + [
            Parameter("Category", \.category, mandatory: true, help: "The category the room goes in (the root's name for the root)."),
            Parameter("Topic", \.topic, help: "The room's topic line."),
            Parameter("Type", \.type, validate: [.set(["Normal", "Auditorium"], ignoreCase: true)], help: "Normal (default) or Auditorium."),
            Parameter("Addin", \.addin, help: "The name of a registered add-in shown in the room."),
            .switchParameter("Disabled", \.disabled, help: "Creates the room disabled."),
        ] + nodeSettingParameters(reach: "the room"))

    var category = ""
    var topic: String?
    var type = "Normal"
    var addin: String?
    var disabled = false

    func process(_ context: CommandContext) throws {
        let file = try databaseFile(context)
        guard try context.shouldProcess(target: name, action: "New legacy Group Chat room in \(file)") else { return }
        let spec = LegacyGroupChatWriter.RoomSpec(
            name: name, category: category, description: description, topic: topic,
            settings: settings, disabled: disabled, auditorium: type.caseInsensitiveCompare("Auditorium") == .orderedSame, addin: addin,
            roles: .init(managers: managers, members: members, voiced: voiced))
        let output = try context.domain {
            let writer = try LegacyGroupChatWriter.open(path: file)
            let node = try writer.addRoom(spec)
            return GroupChatAuthoringOutput.node(node, path: try writer.path(of: node.id),
                                                 addin: try node.addinID.flatMap { try writer.addinName(id: $0) })
        }
        try context.write(output)
    }
}

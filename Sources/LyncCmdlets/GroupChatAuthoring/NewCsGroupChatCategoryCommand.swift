import LyncDeployment
import PSRuntime

/// New-CsGroupChatCategory: adds a category (at any depth) to a legacy Group Chat database.
final class NewCsGroupChatCategoryCommand: GroupChatNodeCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsGroupChatCategoryCommand.self, name: "New-CsGroupChatCategory",
        synopsis: "Adds a category to a legacy Group Chat database, under the root or under another category.",
        description: """
            Legacy categories nest: -Parent names the category the new one goes under (default: the root). \
            -Invite, -Logged and -FilePost take $true or $false; leaving one out stores NULL, meaning the value is \
            inherited from the parent. -Visibility sets the default visibility of the rooms below (Private: members \
            only; Scoped: everyone in scope); left out it is inherited too. -Scope lists the principals who may be \
            made members (a category without scope inherits its parent's). -Managers, -Members, -Voiced and \
            -Creators give roles on the category; they reach every room below it. -OverrideMember starts a new \
            member list instead of inheriting the parent's. Principals are named by URI or display name. \
            Category names are unique among categories (case-insensitive) and may not contain '/'.
            """,
        module: "GroupChatAuthoring", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        outputTypes: [GroupChatAuthoringOutput.nodeType],
        examples: [
            HelpExample("New-CsGroupChatCategory -Database ./legacy.db -Name Eng -Managers sip:kenmyer@litwareinc.com",
                        "Adds the category Eng under the root; Ken Myer manages every room in it."),
            HelpExample("New-CsGroupChatCategory ./legacy.db -Name Backend -Parent Eng -Logged $false -Visibility Private -Scope Engineering",
                        "Adds Backend inside Eng: no chat history, rooms visible to members only, members limited to the Engineering group."),
        ],
        parameters: nodeHeadParameters(noun: "category") + [
            Parameter("Parent", \.parent, help: "The parent category's name. Default: the root."),
            Parameter("Scope", \.scope, help: "Principals (URIs or names) who may be made members."),
            Parameter("Creators", \.creators, help: "Principals who may create rooms in the category."),
        ] + nodeSettingParameters(reach: "every room in the category"))

    var parent: String?
    var scope: [String] = []
    var creators: [String] = []

    func process(_ context: CommandContext) throws {
        let file = try databaseFile(context)
        guard try context.shouldProcess(target: name, action: "New legacy Group Chat category in \(file)") else { return }
        let spec = LegacyGroupChatWriter.CategorySpec(
            name: name, parent: parent, description: description,
            settings: settings, scope: scope, roles: .init(managers: managers, members: members, voiced: voiced, creators: creators))
        let output = try context.domain {
            let writer = try LegacyGroupChatWriter.open(path: file)
            let node = try writer.addCategory(spec)
            return GroupChatAuthoringOutput.node(node, path: try writer.path(of: node.id))
        }
        try context.write(output)
    }
}

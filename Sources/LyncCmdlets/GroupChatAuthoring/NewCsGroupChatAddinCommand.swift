import LyncDeployment
import PSRuntime

/// New-CsGroupChatAddin: registers an add-in in a legacy Group Chat database.
final class NewCsGroupChatAddinCommand: GroupChatAuthoringCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsGroupChatAddinCommand.self, name: "New-CsGroupChatAddin",
        synopsis: "Registers an add-in (a web page shown under the chat area) in a legacy Group Chat database.",
        description: """
            Adds a row to tblSiopWhiteList with a new GUID, the name -Name and the address -Url. Rooms refer to it \
            with New-CsGroupChatRoom -Addin. Names are unique (case-insensitive). Lengths are not limited here, so \
            a test can build a source the migration must refuse: Persistent Chat allows at most 50 characters for \
            the name and 255 for the URL.
            """,
        module: "GroupChatAuthoring", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        outputTypes: [GroupChatAuthoringOutput.addinType],
        examples: [
            HelpExample("New-CsGroupChatAddin -Database ./legacy.db -Name Dashboard -Url https://intranet.litwareinc.com/dashboard",
                        "Registers the add-in Dashboard."),
        ],
        parameters: [
            databaseParameter(),
            Parameter("Name", \.name, position: 1, mandatory: true, help: "The add-in's name."),
            Parameter("Url", \.url, position: 2, mandatory: true, help: "The address of the add-in's web page."),
        ])

    var name = ""
    var url = ""

    func process(_ context: CommandContext) throws {
        let file = try databaseFile(context)
        guard try context.shouldProcess(target: name, action: "New legacy Group Chat add-in in \(file)") else { return }
        let addin = try context.domain { try LegacyGroupChatWriter.open(path: file).addAddin(name: name, url: url) }
        try context.write(GroupChatAuthoringOutput.addin(addin))
    }
}

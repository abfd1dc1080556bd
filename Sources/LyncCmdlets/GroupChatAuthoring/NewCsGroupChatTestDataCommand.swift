import LyncDeployment
import PSRuntime

/// New-CsGroupChatTestData: generates a large legacy Group Chat database from a seed.
final class NewCsGroupChatTestDataCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        NewCsGroupChatTestDataCommand.self, name: "New-CsGroupChatTestData",
        synopsis: "Generates a large, realistic legacy Group Chat database for migration tests.",
        description: """
            Creates the file -Path and fills it with -Principals principals (mostly users; about one in fifty a \
            group with members, a few federated users and a federated group, about one user in a hundred \
            disabled), a category tree up to three levels deep, -Rooms rooms spread over the categories with \
            varied settings, roles, scopes and add-ins, and -Messages messages spread over the rooms (chatId \
            sequential per room, increasing dates from 2010, some ma-filelink: links and some RTF versions). The \
            same -Seed always gives the same data. The file is written in one pass without a journal, so a \
            million messages take seconds. Writes a summary with the counts and the time taken.
            """,
        module: "GroupChatAuthoring", securityArea: SecurityArea.persistentChat.rawValue, supportsShouldProcess: true,
        outputTypes: [GroupChatAuthoringOutput.testDataType],
        examples: [
            HelpExample("New-CsGroupChatTestData -Path ./big.db -Rooms 10000 -Principals 50000 -Messages 1000000 -Seed 1",
                        "Generates ten thousand rooms, fifty thousand principals and a million messages."),
            HelpExample("New-CsGroupChatTestData ./small.db -Rooms 20 -Principals 100 -Messages 500 -Seed 7 -Force",
                        "Replaces small.db with a small generated database."),
        ],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, files: .writes, help: "The database file to create."),
            Parameter("Rooms", \.rooms, validate: [.range(min: 0, max: 10_000_000)], help: "How many rooms. Default: 100."),
            Parameter("Principals", \.principals, validate: [.range(min: 0, max: 10_000_000)], help: "How many principals. Default: 500."),
            Parameter("Messages", \.messages, validate: [.range(min: 0, max: 1_000_000_000)], help: "How many messages. Default: 10000."),
            Parameter("Seed", \.seed, help: "The seed of the generator; the same seed gives the same data. Default: 1."),
            Parameter("ForestFqdn", \.forestFqdn, help: "The forest of the generated deployment. Default: litwareinc.com."),
            .switchParameter("Force", \.force, help: "Replaces an existing file at -Path."),
        ])

    var path = ""
    var rooms = 100
    var principals = 500
    var messages = 10_000
    var seed = 1
    var forestFqdn = "litwareinc.com"
    var force = false

    func process(_ context: CommandContext) throws {
        let file = try GroupChatAuthoringOutput.resolve(path, .writes, context)
        guard try context.shouldProcess(target: file, action: "Generate legacy Group Chat test data") else { return }
        let generator = LegacyTestDataGenerator(
            rooms: rooms, principals: principals, messages: messages, seed: UInt64(bitPattern: Int64(seed)),
            options: .init(forestFqdn: forestFqdn, lookupServerUri: "sip:ocschat@\(forestFqdn)"))
        let summary = try context.domain { try generator.generate(path: file, overwrite: force) }
        try context.write(DeploymentObjects.object(GroupChatAuthoringOutput.testDataType, [
            ("Path", .string(file)),
            ("Principals", .int(Int32(clamping: summary.principals))),
            ("Groups", .int(Int32(clamping: summary.groups))),
            ("Federated", .int(Int32(clamping: summary.federated))),
            ("Disabled", .int(Int32(clamping: summary.disabled))),
            ("Categories", .int(Int32(clamping: summary.categories))),
            ("Rooms", .int(Int32(clamping: summary.rooms))),
            ("Addins", .int(Int32(clamping: summary.addins))),
            ("Messages", .long(Int64(summary.messages))),
            ("Seconds", .double((summary.seconds * 1000).rounded() / 1000)),
        ]))
    }
}

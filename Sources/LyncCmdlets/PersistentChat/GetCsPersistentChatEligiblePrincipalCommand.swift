import LyncDeployment
import PSRuntime

/// Lists the directory users who may take part in a category's or room's rooms.
final class GetCsPersistentChatEligiblePrincipalCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsPersistentChatEligiblePrincipalCommand.self, name: "Get-CsPersistentChatEligiblePrincipal",
        synopsis: "Lists users who may be members, managers or presenters in a category or room.",
        description: """
            Returns the directory users enabled for Lync who fall inside a category's AllowedMembers \
            (directly, or through a group, OU or the domain) and outside its DeniedMembers: the people who \
            may be put on a room's lists. -Room uses the room's category; with -Presenters only an \
            Auditorium room has eligible presenters. -Filter matches SIP addresses or display names with \
            wildcards; -ResultSize caps the number returned.
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "Category",
        outputTypes: [PersistentChatOutput.principalType],
        examples: [
            HelpExample("Get-CsPersistentChatEligiblePrincipal -Category \"atl-cs-001.litwareinc.com\\IT\"", "Who may join the IT category's rooms."),
            HelpExample("Get-CsPersistentChatEligiblePrincipal -Room \"atl-cs-001.litwareinc.com\\ITChatRoom\" -Presenters -Filter \"*ken*\"",
                        "Users matching *ken* who could present in ITChatRoom."),
        ],
        parameters: [
            Parameter("Category", \.category, mandatory: true, sets: ["Category"], help: "The category: <pool FQDN>\\<name>."),
            Parameter("Room", \.room, mandatory: true, sets: ["Room"], help: "The room: <pool FQDN>\\<name>."),
            .switchParameter("Presenters", \.presenters, sets: ["Room"], help: "Only users who could be the room's presenters."),
            Parameter("Filter", \.filter, help: "SIP addresses or display names matching this wildcard pattern."),
            Parameter("ResultSize", \.resultSize, validate: [.range(min: 0, max: 2_147_483_647)], help: "At most this many users."),
        ])

    var category: String?
    var room: String?
    var presenters = false
    var filter: String?
    var resultSize: Int?

    func process(_ context: CommandContext) throws {
        let located = try context.locatePersistentChatItem(room ?? category ?? "", kind: room == nil ? .category : .room)
        let database = try context.persistentChatDatabase(located.pool)
        let repository = PersistentChatRepository(pool: located.pool.fqdn)
        let found: ChatCategory? = try context.domain {
            try database.read { db -> ChatCategory? in
                if room != nil {
                    let found = try repository.requireRoom(located.name, in: db)
                    // Only an auditorium has presenters.
                    if presenters && found.type != .auditorium { return nil }
                    return try repository.requireCategory(found.categoryName, in: db)
                }
                return try repository.requireCategory(located.name, in: db)
            }
        }
        guard let scope = found else { return }
        let allowed = Set(scope.allowedMembers.map { $0.uri.lowercased() })
        let denied = Set(scope.deniedMembers.map { $0.uri.lowercased() })
        guard !allowed.isEmpty else { return }
        let pattern = filter.map { WildcardPattern($0) }
        let store = try context.store()
        let eligible: [ChatPrincipal] = try context.domain {
            try store.read { db in
                try DirectoryRepository.users(in: db).compactMap { user -> ChatPrincipal? in
                    guard let sip = user.sipAddress, user.enabled else { return nil }
                    guard let principal = try? ChatPrincipalDirectory.resolve(sip, in: db) else { return nil }
                    let covers = Set(([principal.uri] + principal.affiliations.map(\.uri)).map { $0.lowercased() })
                    guard !covers.isDisjoint(with: allowed), covers.isDisjoint(with: denied) else { return nil }
                    if let pattern, !pattern.matches(principal.uri), !pattern.matches(principal.displayName ?? principal.name) { return nil }
                    return principal
                }
            }
        }
        for principal in eligible.prefix(resultSize ?? Int.max) {
            try context.write(PersistentChatOutput.principal(principal))
        }
    }
}

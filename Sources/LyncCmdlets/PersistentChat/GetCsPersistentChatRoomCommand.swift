import Foundation
import LyncDeployment
import PSRuntime

/// Lists chat rooms, by identity or through the documented filters.
final class GetCsPersistentChatRoomCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetCsPersistentChatRoomCommand.self, name: "Get-CsPersistentChatRoom",
        synopsis: "Shows Persistent Chat rooms.",
        description: """
            Returns chat rooms. -Identity (pool\\name) picks one room. Otherwise every room of every pool \
            (or of -PersistentChatPoolFqdn) is returned, narrowed by any of: -Category, -Disabled, \
            -Invitations (Inherit or False), -Privacy (Open, Closed, Secret), -Type (Normal, Auditorium), \
            -Addin, -Manager and -Member (a SIP address; a member through a group or OU counts), \
            -ChatContentExceedsMB (stored messages larger than this many megabytes), and -Filter (a name \
            pattern with wildcards, or the form {Name -like "…"}; with -SearchDescription the text is also \
            looked for in descriptions). -ResultSize caps the number of rooms returned (0 returns none).
            """,
        module: "Lync", securityArea: SecurityArea.persistentChat.rawValue, defaultParameterSet: "All",
        outputTypes: [PersistentChatOutput.roomType],
        examples: [
            HelpExample("Get-CsPersistentChatRoom", "Every room of every Persistent Chat pool."),
            HelpExample("Get-CsPersistentChatRoom -Identity \"atl-cs-001.litwareinc.com\\ITChatRoom\"", "One room."),
            HelpExample("Get-CsPersistentChatRoom -PersistentChatPoolFqdn \"atl-cs-001.litwareinc.com\"", "The rooms of one pool."),
            HelpExample("Get-CsPersistentChatRoom -Privacy Secret -Type Auditorium", "Secret auditoriums."),
            HelpExample("Get-CsPersistentChatRoom -SearchDescription -Filter \"budget\"", "Rooms whose name or description mentions budget."),
        ],
        parameters: [
            Parameter("Identity", \.identity, position: 0, sets: ["Identity"], help: "The room: <pool FQDN>\\<name>."),
            Parameter("PersistentChatPoolFqdn", \.poolFqdn, sets: ["All"], help: "Only this pool's rooms."),
            Parameter("Category", \.category, sets: ["All"], help: "Only the rooms of this category (name or pool\\name)."),
            Parameter("Disabled", \.disabled, sets: ["All"], help: "$True for disabled rooms, $False for active ones."),
            Parameter("Filter", \.filter, sets: ["All"], help: "A room name pattern (wildcards allowed), or {Name -like \"…\"}."),
            Parameter("Invitations", \.invitations, sets: ["All"], help: "Inherit or False."),
            Parameter("Manager", \.manager, sets: ["All"], help: "Only rooms this user manages (SIP address)."),
            Parameter("Member", \.member, sets: ["All"], help: "Only rooms this user is a member of (SIP address)."),
            Parameter("Privacy", \.privacy, sets: ["All"], help: "Open, Closed or Secret."),
            Parameter("Type", \.type, sets: ["All"], help: "Normal or Auditorium."),
            Parameter("Addin", \.addin, sets: ["All"], help: "Only rooms that show this add-in."),
            Parameter("ResultSize", \.resultSize, sets: ["All"], validate: [.range(min: 0, max: 2_147_483_647)],
                      help: "At most this many rooms (0 to 2147483647)."),
            .switchParameter("SearchDescription", \.searchDescription, sets: ["All"], help: "-Filter also searches the descriptions."),
            Parameter("ChatContentExceedsMB", \.contentExceedsMB, sets: ["All"], help: "Only rooms whose stored messages exceed this many megabytes."),
            .switchParameter("AsObject", \.asObject, help: "Shows display names instead of SIP addresses in the lists."),
        ])

    var identity: String?
    var poolFqdn: String?
    var category: String?
    var disabled: Bool?
    var filter: String?
    var invitations: RoomInvitations?
    var manager: String?
    var member: String?
    var privacy: RoomPrivacy?
    var type: RoomType?
    var addin: String?
    var resultSize: Int?
    var searchDescription = false
    var contentExceedsMB: Int?
    var asObject = false

    func process(_ context: CommandContext) throws {
        if let identity {
            let (pool, name) = try context.locatePersistentChatItem(identity, kind: .room)
            let database = try context.persistentChatDatabase(pool)
            let repository = PersistentChatRepository(pool: pool.fqdn)
            let room = try context.domain { try database.read { db in try repository.requireRoom(name, in: db) } }
            try context.write(PersistentChatOutput.room(room, pool: pool.fqdn, asObject: asObject))
            return
        }
        var remaining = resultSize ?? Int.max
        guard remaining > 0 else { return }
        var categoryPool: String?
        var categoryName = category
        if let category {
            // The category names its pool; the documented syntax keeps these apart.
            guard poolFqdn == nil, filter == nil else {
                throw context.terminatingError("-Category cannot be combined with -PersistentChatPoolFqdn or -Filter: the category already names its pool. Use -Category \"<pool FQDN>\\<name>\" alone, or -PersistentChatPoolFqdn with -Filter.",
                                               id: "CategoryWithPoolOrFilter", category: .InvalidArgument, target: .string(category))
            }
            let located = try context.locatePersistentChatItem(category, kind: .category)
            categoryPool = located.pool.fqdn
            categoryName = located.name
        }
        let pattern = filter.map(Self.namePattern)
        let manager = try self.manager.map { try context.chatPrincipals([$0]) }?.first
        let member = try self.member.map { try context.chatPrincipals([$0]) }?.first
        for pool in try context.persistentChatPools(poolFqdn ?? categoryPool) {
            let database = try context.persistentChatDatabase(pool)
            let repository = PersistentChatRepository(pool: pool.fqdn)
            let rooms = try context.domain {
                try database.read { db in
                    try repository.rooms(in: db).filter { room in
                        try matches(room, pattern: pattern, categoryName: categoryName, manager: manager, member: member) &&
                            (contentExceedsMB.map { limit in
                                try repository.contentBytes(ofRoom: room.nodeID, in: db) > Int64(limit) * 1_048_576
                            } ?? true)
                    }
                }
            }
            for room in rooms {
                try context.write(PersistentChatOutput.room(room, pool: pool.fqdn, asObject: asObject))
                remaining -= 1
                if remaining == 0 { return }
            }
        }
    }

    private func matches(_ room: ChatRoom, pattern: WildcardPattern?, categoryName: String?, manager: ChatPrincipal?,
                         member: ChatPrincipal?) throws -> Bool {
        if let categoryName, room.categoryName.caseInsensitiveCompare(categoryName) != .orderedSame { return false }
        if let disabled, room.disabled != disabled { return false }
        if let invitations, room.invitations != invitations { return false }
        if let privacy, room.privacy != privacy { return false }
        if let type, room.type != type { return false }
        if let addin, room.addinName?.caseInsensitiveCompare(addin) != .orderedSame { return false }
        if let manager, !Self.holds(room.managers, manager) { return false }
        if let member, !Self.holds(room.members, member) { return false }
        if let pattern {
            let inName = pattern.matches(room.name)
            let inDescription = searchDescription && (room.description.map(pattern.matches) ?? false)
            if !inName && !inDescription { return false }
        }
        return true
    }

    /// Whether `principal` is in the list, directly or through a group, OU or domain.
    static func holds(_ list: [ChatPrincipal], _ principal: ChatPrincipal) -> Bool {
        let covers = Set(([principal.uri] + principal.affiliations.map(\.uri)).map { $0.lowercased() })
        return list.contains { covers.contains($0.uri.lowercased()) }
    }

    /// `ITChat*`, `{Name -like "ITChat"}` or plain text (matched anywhere in the name).
    static func namePattern(_ filter: String) -> WildcardPattern {
        var text = filter.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("{") && text.hasSuffix("}") { text = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces) }
        if let like = text.range(of: "-like", options: .caseInsensitive) {
            text = String(text[like.upperBound...]).trimmingCharacters(in: .whitespaces)
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return WildcardPattern(text)
        }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        return WildcardPattern(text.contains("*") || text.contains("?") ? text : "*\(text)*")
    }
}

import PSRuntime

/// What an -Instance parameter takes, so help shows the documented type name.
protocol PersistentChatInstanceKind {
    static var typeName: String { get }
    /// The item in words (`room`) and the cmdlet whose objects -Instance takes.
    static var noun: String { get }
    static var getter: String { get }
}

enum CategoryInstanceKind: PersistentChatInstanceKind {
    static var typeName: String { "Category" }
    static var noun: String { "category" }
    static var getter: String { "Get-CsPersistentChatCategory" }
}
enum ChatRoomInstanceKind: PersistentChatInstanceKind {
    static var typeName: String { "ChatRoom" }
    static var noun: String { "room" }
    static var getter: String { "Get-CsPersistentChatRoom" }
}
enum AddinInstanceKind: PersistentChatInstanceKind {
    static var typeName: String { "Addin" }
    static var noun: String { "add-in" }
    static var getter: String { "Get-CsPersistentChatAddin" }
}
enum PolicyInstanceKind: PersistentChatInstanceKind {
    static var typeName: String { "PSObject" }
    static var noun: String { "policy" }
    static var getter: String { "Get-CsPersistentChatPolicy" }
}

/// An object piped to -Instance (normally from the matching Get- cmdlet); its Identity selects
/// the item to change.
struct PersistentChatInstance<Kind: PersistentChatInstanceKind>: ParameterValue {
    let value: PSValue

    static var parameterTypeName: String { Kind.typeName }
    static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue { value }
    init(coerced: PSValue) { value = coerced }
}

/// What the Set-, Remove- and Clear- cmdlets over one category, room or add-in share: the item
/// named by -Identity (`pool\\name`) or piped to -Instance, declared once.
class PersistentChatItemCommand<Kind: PersistentChatInstanceKind> {
    var identity = ""
    var instance: PersistentChatInstance<Kind>?

    required init() {}

    static func itemParameters<C: PersistentChatItemCommand<Kind> & Cmdlet>() -> [Parameter<C>] {
        [
            Parameter("Identity", \.identity, position: 0, mandatory: true, sets: ["Identity"],
                      help: "The \(Kind.noun): <pool FQDN>\\<name>."),
            Parameter("Instance", \.instance, position: 0, mandatory: true, sets: ["Instance"], pipeline: .byValue,
                      help: "A \(Kind.noun) object (from \(Kind.getter)); its Identity selects the \(Kind.noun)."),
        ]
    }

    /// The identity the command works on: the piped object's, else -Identity.
    func itemIdentity(_ context: CommandContext) throws -> String {
        try instance.map { try context.instanceIdentity($0.value) } ?? identity
    }
}

import PSRuntime

/// What an -Instance parameter takes, so help shows the documented type name.
protocol PersistentChatInstanceKind {
    static var typeName: String { get }
}

enum CategoryInstanceKind: PersistentChatInstanceKind { static var typeName: String { "Category" } }
enum ChatRoomInstanceKind: PersistentChatInstanceKind { static var typeName: String { "ChatRoom" } }
enum AddinInstanceKind: PersistentChatInstanceKind { static var typeName: String { "Addin" } }
enum PolicyInstanceKind: PersistentChatInstanceKind { static var typeName: String { "PSObject" } }

/// An object piped to -Instance (normally from the matching Get- cmdlet); its Identity selects
/// the item to change.
struct PersistentChatInstance<Kind: PersistentChatInstanceKind>: ParameterValue {
    let value: PSValue

    static var parameterTypeName: String { Kind.typeName }
    static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue { value }
    init(coerced: PSValue) { value = coerced }
}

/// A Persistent Chat category: one level under the root, with the settings its rooms inherit and
/// the principals who may be members (allowed − denied) and who may create rooms.
public struct ChatCategory: Sendable, Equatable {
    public var nodeID: Int64
    public var guid: String
    public var name: String
    public var description: String?
    public var invitations: Bool
    public var fileUpload: Bool
    public var chatHistory: Bool
    public var allowedMembers: [ChatPrincipal]
    public var deniedMembers: [ChatPrincipal]
    public var creators: [ChatPrincipal]
}

/// A Persistent Chat room.
public struct ChatRoom: Sendable, Equatable {
    public var nodeID: Int64
    public var guid: String
    public var name: String
    public var description: String?
    public var categoryID: Int64
    public var categoryName: String
    public var disabled: Bool
    public var invitations: RoomInvitations
    public var privacy: RoomPrivacy
    public var type: RoomType
    public var addinName: String?
    public var managers: [ChatPrincipal]
    public var members: [ChatPrincipal]
    public var presenters: [ChatPrincipal]
}

/// An add-in: a web page shown with a room.
public struct ChatAddin: Sendable, Equatable {
    public var id: String
    public var name: String
    public var url: String
}

/// Who can find and join a room (stored as tblNode.visibility).
public enum RoomPrivacy: String, CaseIterable, Sendable {
    case open = "Open", closed = "Closed", secret = "Secret"

    public var visibility: Int {
        switch self {
        case .open: 6
        case .closed: 3
        case .secret: 2
        }
    }

    public init?(visibility: Int) {
        guard let value = Self.allCases.first(where: { $0.visibility == visibility }) else { return nil }
        self = value
    }
}

/// Who can post in a room (stored as tblNode.behavior).
public enum RoomType: String, CaseIterable, Sendable {
    case normal = "Normal", auditorium = "Auditorium"

    public var behavior: Int { self == .normal ? 4 : 5 }

    public init?(behavior: Int) {
        guard let value = Self.allCases.first(where: { $0.behavior == behavior }) else { return nil }
        self = value
    }
}

/// A room's invitations: as its category says, or off (stored as tblNode.invite NULL or 0).
public enum RoomInvitations: String, CaseIterable, Sendable {
    case inherit = "Inherit", `false` = "False"
}

/// The roles a principal can hold on a node (tblRoleType ids).
enum ChatRole: Int {
    case member = 1, manager = 2, voiced = 3, creator = 4
}

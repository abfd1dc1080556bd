import LyncDeployment
import PSRuntime

// The room settings and the message match clause take their documented names as parameter values.

extension RoomPrivacy: ParameterEnum {
    public static var parameterTypeName: String { "ChatRoomPrivacy" }
}

extension RoomType: ParameterEnum {
    public static var parameterTypeName: String { "ChatRoomType" }
}

extension RoomInvitations: ParameterEnum {
    public static var parameterTypeName: String { "ChatRoomInvitations" }
}

extension PersistentChatRepository.MessageSelection.Match: ParameterEnum {
    public static var parameterTypeName: String { "AndOr" }
}

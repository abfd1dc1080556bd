import LyncDeployment
import PSRuntime

/// The objects the Persistent Chat cmdlets write, with the documented type and property names.
enum PersistentChatOutput {
    // The reference pages name these output types; the -Instance parameters call them
    // Category, ChatRoom and Addin, kept as second type names.
    static let categoryType = "Microsoft.Rtc.Management.PersistentChat.Cmdlets.CategoryObject"
    static let roomType = "Microsoft.Rtc.Management.PersistentChat.Cmdlets.ChatRoomObject"
    static let addinType = "Microsoft.Rtc.Management.PersistentChat.Cmdlets.AddinObject"
    static let categoryAlias = "Microsoft.Rtc.Management.Chat.Cmdlets.Category"
    static let roomAlias = "Microsoft.Rtc.Management.Chat.Cmdlets.ChatRoom"
    static let addinAlias = "Microsoft.Rtc.Management.Chat.Cmdlets.Addin"
    static let stateType = "Microsoft.Rtc.Management.WritableConfig.Settings.PersistentChat.PersistentChatState"
    static let policyType = "Microsoft.Rtc.Management.WritableConfig.Policy.PersistentChat.PersistentChatPolicy"
    static let configurationType = "Microsoft.Rtc.Management.WritableConfig.Settings.PersistentChat.PersistentChatConfiguration"
    static let principalType = "Microsoft.Rtc.Management.Chat.Cmdlets.EligiblePrincipal"

    /// An object whose first type names are `typeName` and then `alias`.
    static func object(_ typeName: String, alias: String, _ properties: [(String, PSValue)]) -> PSValue {
        let object = PSObject(properties, typeName: typeName)
        object.typeNames.insert(alias, at: 1)
        return .object(object)
    }

    static func principals(_ list: [ChatPrincipal], asObject: Bool) -> PSValue {
        DeploymentObjects.strings(list.map { $0.listText(asObject: asObject) })
    }

    static func category(_ category: ChatCategory, pool: String, asObject: Bool) -> PSValue {
        object(categoryType, alias: categoryAlias, [
            ("Identity", .string("\(pool)\\\(category.name)")),
            ("Name", .string(category.name)),
            ("Description", DeploymentObjects.string(category.description)),
            ("PersistentChatPoolFqdn", .string(pool)),
            // The reference pages show both names: Invitations in the syntax, Invites in an example.
            ("Invitations", .bool(category.invitations)),
            ("Invites", .bool(category.invitations)),
            ("FileUpload", .bool(category.fileUpload)),
            ("ChatHistory", .bool(category.chatHistory)),
            ("AllowedMembers", principals(category.allowedMembers, asObject: asObject)),
            ("DeniedMembers", principals(category.deniedMembers, asObject: asObject)),
            ("Creators", principals(category.creators, asObject: asObject)),
        ])
    }

    static func room(_ room: ChatRoom, pool: String, asObject: Bool) -> PSValue {
        object(roomType, alias: roomAlias, [
            ("Identity", .string("\(pool)\\\(room.name)")),
            ("Name", .string(room.name)),
            ("Description", DeploymentObjects.string(room.description)),
            ("Category", .string("\(pool)\\\(room.categoryName)")),
            ("Disabled", .bool(room.disabled)),
            ("Invitations", .string(room.invitations.rawValue)),
            ("Privacy", .string(room.privacy.rawValue)),
            ("Type", .string(room.type.rawValue)),
            ("Addin", DeploymentObjects.string(room.addinName)),
            ("Managers", principals(room.managers, asObject: asObject)),
            ("Members", principals(room.members, asObject: asObject)),
            ("Presenters", principals(room.presenters, asObject: asObject)),
            ("PersistentChatPoolFqdn", .string(pool)),
        ])
    }

    static func addin(_ addin: ChatAddin, pool: String) -> PSValue {
        object(addinType, alias: addinAlias, [
            ("Identity", .string("\(pool)\\\(addin.name)")),
            ("Name", .string(addin.name)),
            ("Url", .string(addin.url)),
            ("PersistentChatPoolFqdn", .string(pool)),
        ])
    }

    static func state(pool: String, state: String) -> PSValue {
        DeploymentObjects.object(stateType, [
            ("Identity", .string("PersistentChatServer:\(pool)")),
            ("PoolState", .string(state)),
        ])
    }

    static func policy(_ policy: PersistentChatSettings.Policy) -> PSValue {
        DeploymentObjects.object(policyType, [
            ("Identity", .string(policy.identity)),
            ("Description", DeploymentObjects.string(policy.description)),
            ("EnablePersistentChat", .bool(policy.enablePersistentChat)),
        ])
    }

    static func configuration(_ configuration: PersistentChatSettings.Configuration) -> PSValue {
        DeploymentObjects.object(configurationType, [
            ("Identity", .string(configuration.identity)),
            ("DefaultChatHistory", .int(Int32(clamping: configuration.defaultChatHistory))),
            ("MaxFileSizeKB", .int(Int32(clamping: configuration.maxFileSizeKB))),
            ("ParticipantUpdateLimit", .int(Int32(clamping: configuration.participantUpdateLimit))),
            ("RoomManagementUrl", DeploymentObjects.string(configuration.roomManagementUrl)),
        ])
    }

    static func principal(_ principal: ChatPrincipal) -> PSValue {
        DeploymentObjects.object(principalType, [
            ("Name", .string(principal.displayName ?? principal.name)),
            ("SipAddress", .string(principal.uri)),
            ("DistinguishedName", DeploymentObjects.string(principal.adPath)),
        ])
    }
}

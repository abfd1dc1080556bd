import Foundation
import LyncDeployment
import PSRuntime

/// The objects the Group Chat authoring cmdlets write, and the small conversions they share.
enum GroupChatAuthoringOutput {
    static let databaseType = "Pcsh.LegacyGroupChat.Database"
    static let principalType = "Pcsh.LegacyGroupChat.Principal"
    static let nodeType = "Pcsh.LegacyGroupChat.Node"
    static let addinType = "Pcsh.LegacyGroupChat.Addin"
    static let messageType = "Pcsh.LegacyGroupChat.Message"
    static let testDataType = "Pcsh.LegacyGroupChat.TestDataSummary"
    static let bcpTableType = "Pcsh.LegacyGroupChat.BcpTable"

    /// A path given to a cmdlet, resolved against the session's current location.
    static func resolve(_ path: String, _ use: FileUse, _ context: CommandContext) throws -> String {
        let full = context.session.resolvePath(path)
        try context.authorizeFile(full, use)
        return full
    }

    /// The summary of a database, read through the validating reader.
    static func summary(path: String) throws -> PSValue {
        let database = try LegacyGroupChatDatabase(path: path)
        let snapshot = try database.snapshot()
        return DeploymentObjects.object(databaseType, [
            ("Path", .string(path)),
            ("SchemaVersion", DeploymentObjects.string(snapshot.config.schemaVersion)),
            ("ForestFqdn", DeploymentObjects.string(snapshot.config.forestFqdn)),
            ("LookupServerUri", DeploymentObjects.string(snapshot.config.lookupServerUri)),
            ("FileStorePath", DeploymentObjects.string(snapshot.config.fileStorePath)),
            ("RootName", .string(snapshot.root.name)),
            ("Principals", .int(Int32(clamping: snapshot.principals.count))),
            ("Categories", .int(Int32(clamping: snapshot.categories.count - 1))),
            ("Rooms", .int(Int32(clamping: snapshot.rooms.count))),
            ("Addins", .int(Int32(clamping: snapshot.addins.count))),
            ("Messages", .long(Int64(try database.messageCount()))),
        ])
    }

    static func principal(_ principal: LegacyPrincipal) -> PSValue {
        DeploymentObjects.object(principalType, [
            ("Id", .int(Int32(clamping: principal.id))),
            ("Uri", .string(principal.uri)),
            ("Name", DeploymentObjects.string(principal.name)),
            ("Type", .string(principal.type?.description ?? "\(principal.typeID)")),
            ("Disabled", .bool(principal.isDisabled)),
            ("Federated", .bool(principal.isFederated)),
            ("Guid", .string(principal.guid)),
            ("ADPath", DeploymentObjects.string(principal.adPath)),
        ])
    }

    static func setting(_ value: Bool?) -> PSValue { value.map(PSValue.bool) ?? .string("Inherit") }

    static func node(_ node: LegacyNode, path: String, addin: String? = nil) -> PSValue {
        var properties: [(String, PSValue)] = [
            ("Id", .int(Int32(clamping: node.id))),
            ("Name", .string(node.name)),
            ("Kind", .string(node.isCategory ? "Category" : "Room")),
            ("Path", .string(path)),
            ("Description", DeploymentObjects.string(node.description)),
        ]
        if node.isRoom {
            properties += [("Topic", DeploymentObjects.string(node.topic)), ("Type", .string(node.isAuditorium ? "Auditorium" : "Normal")),
                           ("Disabled", .bool(node.isDisabled)), ("Addin", DeploymentObjects.string(addin))]
        }
        properties += [
            ("Invite", setting(node.invite)), ("Logged", setting(node.logged)), ("FilePost", setting(node.filePost)),
            ("Visibility", .string(visibilityName(node.visibility))), ("OverrideMember", .bool(node.overrideMember)),
            ("Guid", .string(node.guid)),
        ]
        return DeploymentObjects.object(nodeType, properties)
    }

    static func visibilityName(_ value: Int?) -> String {
        switch value {
        case nil: "Inherit"
        case LegacyNode.privateVisibility: "Private"
        case LegacyNode.scopedVisibility: "Scoped"
        case let other?: "\(other)"
        }
    }

    static func visibilityValue(_ name: String?) -> Int? {
        switch name?.lowercased() {
        case "private": LegacyNode.privateVisibility
        case "scoped": LegacyNode.scopedVisibility
        default: nil
        }
    }

    static func addin(_ addin: LegacyAddin) -> PSValue {
        DeploymentObjects.object(addinType, [("Name", .string(addin.name)), ("Url", .string(addin.url)), ("Id", .string(addin.id))])
    }

    static func message(_ message: LegacyMessage, room: String, author: String) -> PSValue {
        DeploymentObjects.object(messageType, [
            ("Room", .string(room)), ("ChatId", .long(message.chatID)), ("Date", .dateTime(message.dateValue)),
            ("Author", .string(author)), ("IsAlert", .bool(message.isAlert)), ("Content", .string(message.content)),
            ("RtfBytes", message.rtf.map { .int(Int32(clamping: $0.count)) } ?? .null),
        ])
    }

    /// `-Rtf`: a byte array, or a string holding base64.
    static func rtfBytes(_ value: PSValue?, _ context: CommandContext) throws -> Data? {
        guard let value, !value.baseValue.isNull else { return nil }
        if let items = value.baseValue.enumerated {
            var bytes: [UInt8] = []
            for item in items {
                let number = try LanguagePrimitives.toInt64(item)
                guard (0...255).contains(number) else {
                    throw context.terminatingError("-Rtf holds \(number), which is not a byte (0-255).", id: "InvalidRtfBytes",
                                                   category: .InvalidArgument)
                }
                bytes.append(UInt8(number))
            }
            return Data(bytes)
        }
        let text = LanguagePrimitives.toString(value, context: context.session)
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw context.terminatingError("-Rtf must be a byte array or a base64 string; '\(text.prefix(40))' is neither.",
                                           id: "InvalidRtfBytes", category: .InvalidArgument)
        }
        return data
    }
}

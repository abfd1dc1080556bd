import Foundation

/// Turns each XML part of an export file into the model, checking the documented shapes:
/// `Pool/<list>/<item>` for the data parts, `Manifest` for the manifest.
enum ChatExportPartParser {
    typealias Reader = ChatExportXmlReader

    static func manifest(_ data: Data) throws -> ChatExportManifest {
        let part = ChatExportFormat.manifest
        var manifest: ChatExportManifest?
        try Reader.walk(InputStream(data: data), part: part, start: { element in
            switch (element.depth, element.name) {
            case (0, "Manifest"):
                guard let version = try Reader.int(element, "formatVersion", part: part) else {
                    throw Reader.invalid(part, line: element.line, "<Manifest> lacks formatVersion")
                }
                guard version == ChatExportFormat.formatVersion else {
                    throw DeploymentError(.invalidData, id: "ExportFormatVersionNotSupported",
                                          "The export file has format version \(version); this pcsh reads version \(ChatExportFormat.formatVersion). Export the data again with this pcsh.",
                                          target: part)
                }
                let sourceText = try Reader.requiredText(element, "source", part: part)
                guard let source = ChatExportFormat.SourceKind(caseInsensitive: sourceText) else {
                    throw Reader.invalid(part, line: element.line, "the source '\(sourceText)' is unknown (GroupChat2010, GroupChat2007R2 or PersistentChat2013)")
                }
                let levelText = try Reader.requiredText(element, "level", part: part)
                guard let level = ChatExportFormat.Level(caseInsensitive: levelText) else {
                    throw Reader.invalid(part, line: element.line, "the level '\(levelText)' is unknown")
                }
                var value = ChatExportManifest(source: source, level: level)
                value.producer = try Reader.text(element, "producer", part: part) ?? ""
                value.exportedAt = try Reader.text(element, "exportedAt", part: part) ?? ""
                value.dbInstance = try Reader.text(element, "dbInstance", part: part) ?? ""
                value.dbName = try Reader.text(element, "dbName", part: part) ?? ""
                value.forestFqdn = try Reader.text(element, "forestFqdn", part: part)
                value.lookupServerUri = try Reader.text(element, "lookupServerUri", part: part)
                value.fileStorePath = try Reader.text(element, "fileStorePath", part: part)
                value.startDateTicks = try Reader.int64(element, "startDate", part: part)
                manifest = value
            case (0, let other):
                throw Reader.invalid(part, line: element.line, "the root element is <\(other)>, not <Manifest>")
            case (2, "Category"):
                manifest?.scope.append(try Reader.requiredText(element, "name", part: part))
            case (1, "Part"):
                let name = try Reader.requiredText(element, "name", part: part)
                guard ChatExportFormat.allParts.contains(name) else {
                    throw Reader.invalid(part, line: element.line, "it lists the unknown part '\(name)'")
                }
                guard manifest?.partCounts[name] == nil else {
                    throw Reader.invalid(part, line: element.line, "it lists the part '\(name)' twice")
                }
                manifest?.partCounts[name] = try Reader.requiredInt(element, "count", part: part)
            default: break
            }
        }, end: { _ in })
        guard let manifest else { throw Reader.invalid(part, "it has no <Manifest> element") }
        return manifest
    }

    /// Checks the `Pool/<list>` frame and hands each item element (depth 2) to `item`.
    private static func pool(_ input: InputStream, part: String, list: String, item: String,
                             start: (ChatExportXmlReader.Element) throws -> Void = { _ in },
                             end: (ChatExportXmlReader.Element) throws -> Void) throws {
        var sawList = false
        try Reader.walk(input, part: part, start: { element in
            switch element.depth {
            case 0 where element.name != "Pool":
                throw Reader.invalid(part, line: element.line, "the root element is <\(element.name)>, not <Pool>")
            case 1:
                guard element.name == list else { throw Reader.invalid(part, line: element.line, "<Pool> holds <\(element.name)>, not <\(list)>") }
                sawList = true
            case 2 where element.name != item:
                throw Reader.invalid(part, line: element.line, "<\(list)> holds <\(element.name)>, not <\(item)>")
            default: break
            }
            try start(element)
        }, end: end)
        guard sawList else { throw Reader.invalid(part, "it has no <\(list)> element") }
    }

    /// `expected`: how many the list should hold, reserved up front (a list grown by doubling
    /// briefly holds twice its size, and keeps up to half of it unused).
    static func principals(_ input: InputStream, part: String, list: String, item: String, expected: Int = 0) throws -> [ExportedPrincipal] {
        var result: [ExportedPrincipal] = []
        result.reserveCapacity(expected)
        try pool(input, part: part, list: list, item: item, end: { element in
            guard element.depth == 2 else { return }
            let principal = ExportedPrincipal(
                id: try Reader.requiredInt(element, "principalId", part: part), guid: try Reader.requiredText(element, "guid", part: part),
                uri: try Reader.requiredText(element, "uri", part: part), typeID: try Reader.requiredInt(element, "type", part: part),
                disabled: try Reader.int(element, "disabled", part: part) ?? 0, name: try Reader.text(element, "name", part: part),
                displayName: try Reader.text(element, "displayName", part: part), companyName: try Reader.text(element, "companyName", part: part),
                email: try Reader.text(element, "email", part: part), adPath: try Reader.text(element, "adPath", part: part),
                userPrincipalName: try Reader.text(element, "UserPrincipalName", part: part),
                addedOn: try Reader.int64(element, "addedOn", part: part), updatedOn: try Reader.int64(element, "updatedOn", part: part))
            result.append(principal)
        })
        return result
    }

    /// `expected`: how many there should be, reserved up front (see `principals`).
    static func affiliations(_ input: InputStream, expected: Int = 0) throws -> [ExportedAffiliation] {
        let part = ChatExportFormat.adAffiliations
        var result: [ExportedAffiliation] = []
        result.reserveCapacity(expected)
        var current: Int?
        try pool(input, part: part, list: "AdAffiliations", item: "User", start: { element in
            if element.depth == 2 { current = try Reader.requiredInt(element, "id", part: part) }
            if element.depth == 4, element.name == "Group", let current {
                result.append(ExportedAffiliation(principalID: current, affiliationID: try Reader.requiredInt(element, "id", part: part),
                                                  index: try Reader.int(element, "index", part: part)))
            }
        }, end: { _ in })
        return result
    }

    /// Categories.xml or ChatRooms.xml into `data` (nodes, roles, scopes).
    static func nodes(_ input: InputStream, rooms: Bool, into data: inout ChatExportData) throws {
        let part = rooms ? ChatExportFormat.chatRooms : ChatExportFormat.categories
        var node: ExportedNode?
        var nodes: [ExportedNode] = [], roles: [ExportedRole] = [], scopes: [ExportedScope] = []
        var section = ""
        try pool(input, part: part, list: rooms ? "ChatRooms" : "Categories", item: rooms ? "ChatRoom" : "Category", start: { element in
            switch element.depth {
            case 2:
                var item = ExportedNode(id: try Reader.requiredInt(element, "id", part: part), guid: try Reader.requiredText(element, "guid", part: part),
                                        parentID: try Reader.requiredInt(element, rooms ? "categoryId" : "parentId", part: part),
                                        isCategory: !rooms, name: "")
                item.disabled = try Reader.flag(element, "isDisabled", part: part) ?? false
                item.invite = try Reader.flag(element, "invite", part: part)
                item.logged = try Reader.flag(element, "logged", part: part)
                item.filePost = try Reader.flag(element, "filePost", part: part)
                item.behavior = try Reader.int(element, "behavior", part: part) ?? 4
                item.visibility = try Reader.int(element, "visibility", part: part)
                item.overrideMember = try Reader.flag(element, "overrideMember", part: part) ?? false
                item.addinID = try Reader.text(element, "addin", part: part)
                item.addedOn = try Reader.int64(element, "addedOn", part: part)
                item.updatedOn = try Reader.int64(element, "updatedOn", part: part)
                item.isContext = try Reader.flag(element, "context", part: part) ?? false
                node = item
                section = ""
            case 3:
                section = element.name
            case 4 where element.name == "Principal":
                guard let id = node?.id else { return }
                let principal = try Reader.requiredInt(element, "id", part: part)
                if section == "Roles" {
                    for (attribute, role) in [("isMember", ExportedRole.member), ("isManager", ExportedRole.manager),
                                              ("isVoiced", ExportedRole.voiced), ("isCreator", ExportedRole.creator)]
                    where try Reader.flag(element, attribute, part: part) == true {
                        roles.append(ExportedRole(nodeID: id, principalID: principal, roleTypeID: role))
                    }
                } else if section == "Scope" {
                    scopes.append(ExportedScope(nodeID: id, principalID: principal, denied: try Reader.flag(element, "isDenied", part: part) ?? false))
                }
            default: break
            }
        }, end: { element in
            if element.depth == 3 {
                switch element.name {
                case "Name": node?.name = try Reader.elementText(element, part: part) ?? ""
                case "Desc": node?.description = try Reader.elementText(element, part: part)
                case "Topic": node?.topic = try Reader.elementText(element, part: part)
                default: break
                }
            } else if element.depth == 2, let finished = node {
                guard !finished.name.isEmpty else { throw Reader.invalid(part, line: element.line, "the item with id \(finished.id) has no <Name>") }
                nodes.append(finished)
                node = nil
            }
        })
        data.nodes += nodes
        data.roles += roles
        data.scopes += scopes
    }

    static func addins(_ input: InputStream) throws -> [ExportedAddin] {
        let part = ChatExportFormat.addins
        var result: [ExportedAddin] = []
        var current: ExportedAddin?
        try pool(input, part: part, list: "Addins", item: "Addin", start: { element in
            if element.depth == 2 { current = ExportedAddin(id: try Reader.requiredText(element, "id", part: part), name: "", url: "") }
        }, end: { element in
            if element.depth == 3 {
                if element.name == "Name" { current?.name = try Reader.elementText(element, part: part) ?? "" }
                if element.name == "Url" { current?.url = try Reader.elementText(element, part: part) ?? "" }
            } else if element.depth == 2, let addin = current {
                result.append(addin)
                current = nil
            }
        })
        return result
    }
}

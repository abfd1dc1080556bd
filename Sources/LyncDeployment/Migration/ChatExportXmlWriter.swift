import Foundation
import Markup

/// Writes the XML parts of an export file. Text that XML 1.0 cannot hold (control characters,
/// U+FFFE/U+FFFF) is written as base64 of its UTF-8 (`name.b64="…"`, or `b64="1"` on an
/// element); an absent attribute, or `nil="1"` on an element, is NULL.
enum ChatExportXmlWriter {
    static let declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"

    /// Called after each item with the text so far; it may write the text out and empty it, so a
    /// large part never sits whole in memory. The functions return what is left.
    typealias Flush = (inout String) throws -> Void

    static func manifest(_ manifest: ChatExportManifest) -> String {
        var out = declaration + "<Manifest"
        attribute("formatVersion", String(manifest.formatVersion), to: &out)
        attribute("producer", manifest.producer, to: &out)
        attribute("exportedAt", manifest.exportedAt, to: &out)
        attribute("source", manifest.source.rawValue, to: &out)
        attribute("level", manifest.level.rawValue, to: &out)
        attribute("dbInstance", manifest.dbInstance, to: &out)
        attribute("dbName", manifest.dbName, to: &out)
        attribute("forestFqdn", manifest.forestFqdn, to: &out)
        attribute("lookupServerUri", manifest.lookupServerUri, to: &out)
        attribute("fileStorePath", manifest.fileStorePath, to: &out)
        attribute("startDate", manifest.startDateTicks.map(String.init), to: &out)
        out += ">\n"
        if !manifest.scope.isEmpty {
            out += "  <Scope>\n"
            for name in manifest.scope {
                out += "    <Category"
                attribute("name", name, to: &out)
                out += "/>\n"
            }
            out += "  </Scope>\n"
        }
        for part in ChatExportFormat.allParts where manifest.partCounts[part] != nil {
            out += "  <Part"
            attribute("name", part, to: &out)
            attribute("count", String(manifest.partCounts[part] ?? 0), to: &out)
            out += "/>\n"
        }
        return out + "</Manifest>\n"
    }

    /// AdUsers.xml, AdGroups.xml or References.xml: `Pool/<list>/<element>` with every column.
    static func principals(_ principals: some Sequence<ExportedPrincipal>, list: String, element: String,
                           flush: Flush = { _ in }) rethrows -> String {
        var out = declaration + "<Pool>\n  <\(list)>\n"
        for principal in principals {
            out += "    <\(element)"
            attribute("principalId", String(principal.id), to: &out)
            attribute("UserPrincipalName", principal.userPrincipalName, to: &out)
            attribute("guid", principal.guid, to: &out)
            attribute("uri", principal.uri, to: &out)
            attribute("type", String(principal.typeID), to: &out)
            attribute("disabled", String(principal.disabled), to: &out)
            attribute("name", principal.name, to: &out)
            attribute("displayName", principal.displayName, to: &out)
            attribute("companyName", principal.companyName, to: &out)
            attribute("email", principal.email, to: &out)
            attribute("adPath", principal.adPath, to: &out)
            attribute("addedOn", principal.addedOn.map(String.init), to: &out)
            attribute("updatedOn", principal.updatedOn.map(String.init), to: &out)
            out += "/>\n"
            try flush(&out)
        }
        return out + "  </\(list)>\n</Pool>\n"
    }

    static func affiliations(_ affiliations: [ExportedAffiliation], flush: Flush = { _ in }) rethrows -> String {
        var out = declaration + "<Pool>\n  <AdAffiliations>\n"
        let byPrincipal = Dictionary(grouping: affiliations, by: \.principalID)
        for principalID in byPrincipal.keys.sorted() {
            out += "    <User id=\"\(principalID)\">\n      <Groups>\n"
            for row in byPrincipal[principalID] ?? [] {
                out += "        <Group id=\"\(row.affiliationID)\""
                attribute("index", row.index.map(String.init), to: &out)
                out += "/>\n"
            }
            out += "      </Groups>\n    </User>\n"
            try flush(&out)
        }
        return out + "  </AdAffiliations>\n</Pool>\n"
    }

    /// Categories.xml (`Pool/Categories/Category`) or ChatRooms.xml (`Pool/ChatRooms/ChatRoom`).
    static func nodes(_ nodes: some Sequence<ExportedNode>, data: ChatExportData, rooms: Bool, flush: Flush = { _ in }) rethrows -> String {
        let list = rooms ? "ChatRooms" : "Categories", item = rooms ? "ChatRoom" : "Category"
        let rolesByNode = Dictionary(grouping: data.roles, by: \.nodeID)
        let scopeByNode = Dictionary(grouping: data.scopes, by: \.nodeID)
        var out = declaration + "<Pool>\n  <\(list)>\n"
        for node in nodes {
            out += "    <\(item)"
            attribute("isDisabled", node.disabled ? "1" : "0", to: &out)
            attribute("id", String(node.id), to: &out)
            attribute("guid", node.guid, to: &out)
            attribute(rooms ? "categoryId" : "parentId", String(node.parentID), to: &out)
            attribute("invite", flag(node.invite), to: &out)
            attribute("logged", flag(node.logged), to: &out)
            attribute("filePost", flag(node.filePost), to: &out)
            attribute("behavior", String(node.behavior), to: &out)
            attribute("visibility", node.visibility.map(String.init), to: &out)
            attribute("overrideMember", node.overrideMember ? "1" : "0", to: &out)
            attribute("addin", node.addinID, to: &out)
            attribute("addedOn", node.addedOn.map(String.init), to: &out)
            attribute("updatedOn", node.updatedOn.map(String.init), to: &out)
            if node.isContext { attribute("context", "1", to: &out) }
            out += ">\n"
            element("Name", node.name, to: &out)
            element("Desc", node.description, to: &out)
            out += "      <Roles>\n"
            var order: [Int] = []
            var held: [Int: Set<Int>] = [:]
            for row in rolesByNode[node.id] ?? [] {
                if held[row.principalID] == nil { order.append(row.principalID) }
                held[row.principalID, default: []].insert(row.roleTypeID)
            }
            for principal in order {
                let roles = held[principal] ?? []
                out += "        <Principal id=\"\(principal)\" isManager=\"\(roles.contains(ExportedRole.manager) ? 1 : 0)\""
                    + " isMember=\"\(roles.contains(ExportedRole.member) ? 1 : 0)\" isCreator=\"\(roles.contains(ExportedRole.creator) ? 1 : 0)\""
                    + " isVoiced=\"\(roles.contains(ExportedRole.voiced) ? 1 : 0)\"/>\n"
            }
            out += "      </Roles>\n"
            if let scope = scopeByNode[node.id], !scope.isEmpty {
                out += "      <Scope>\n"
                for row in scope { out += "        <Principal id=\"\(row.principalID)\" isDenied=\"\(row.denied ? 1 : 0)\"/>\n" }
                out += "      </Scope>\n"
            }
            if rooms || node.topic != nil { element("Topic", node.topic, to: &out) }
            out += "    </\(item)>\n"
            try flush(&out)
        }
        return out + "  </\(list)>\n</Pool>\n"
    }

    static func addins(_ addins: [ExportedAddin]) -> String {
        var out = declaration + "<Pool>\n  <Addins>\n"
        for addin in addins {
            out += "    <Addin"
            attribute("id", addin.id, to: &out)
            out += ">\n"
            element("Name", addin.name, to: &out)
            element("Url", addin.url, to: &out)
            out += "    </Addin>\n"
        }
        return out + "  </Addins>\n</Pool>\n"
    }

    // MARK: Values

    private static func flag(_ value: Bool?) -> String? { value.map { $0 ? "1" : "0" } }

    static func attribute(_ name: String, _ value: String?, to out: inout String) {
        guard let value else { return }
        if Markup.isXmlCharacterData(value) {
            out += " \(name)=\"\(Markup.attribute(value))\""
        } else {
            out += " \(name).b64=\"\(Data(value.utf8).base64EncodedString())\""
        }
    }

    static func element(_ name: String, _ value: String?, to out: inout String) {
        guard let value else {
            out += "      <\(name) nil=\"1\"/>\n"
            return
        }
        if Markup.isXmlCharacterData(value) {
            out += "      <\(name)>\(Markup.text(value))</\(name)>\n"
        } else {
            out += "      <\(name) b64=\"1\">\(Data(value.utf8).base64EncodedString())</\(name)>\n"
        }
    }
}

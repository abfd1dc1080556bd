import Foundation

extension TopologyDocument {
    /// Reads and checks a topology file: JSON syntax, property names, types, then every rule of
    /// `validate`. Errors name the file, the item and what to change.
    public static func load(_ data: Data, file: String, home: DeploymentHome) throws -> TopologyDocument {
        let document = try parse(data, file: file)
        try document.validate(home: home, file: file)
        return document
    }

    /// Decodes a topology file without checking its rules.
    public static func parse(_ data: Data, file: String) throws -> TopologyDocument {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw DeploymentError(.invalidData, id: "TopologySyntaxError",
                                  "The topology file '\(file)' is not valid JSON: \(syntaxDetail(error, data: data)) Fix the file and publish it again.",
                                  target: file)
        }
        var problems: [String] = []
        checkKeys(json, allowed: CodingKeys.allCases.map(\.rawValue), path: "", problems: &problems)
        if let top = json as? [String: Any], let sites = top["Sites"] as? [Any] {
            for (s, site) in sites.enumerated() {
                checkKeys(site, allowed: Site.CodingKeys.allCases.map(\.rawValue), path: "Sites[\(s)]", problems: &problems)
                guard let pools = (site as? [String: Any])?["Pools"] as? [Any] else { continue }
                for (p, pool) in pools.enumerated() {
                    checkKeys(pool, allowed: Pool.CodingKeys.allCases.map(\.rawValue), path: "Sites[\(s)].Pools[\(p)]", problems: &problems)
                }
            }
        }
        if !problems.isEmpty { throw invalid(file, problems) }
        do {
            return try JSONDecoder().decode(TopologyDocument.self, from: data)
        } catch let error as DecodingError {
            throw invalid(file, [describe(error)])
        }
    }

    static func invalid(_ file: String, _ problems: [String]) -> DeploymentError {
        let list = problems.count == 1 ? " " + problems[0] : problems.map { "\n  - " + $0 }.joined()
        return DeploymentError(.invalidData, id: "InvalidTopology",
                               "The topology file '\(file)' has \(problems.count == 1 ? "an error" : "\(problems.count) errors"); nothing was published:\(list)",
                               target: file)
    }

    /// Unknown property names are refused (a misspelt `HomePool` would otherwise vanish).
    private static func checkKeys(_ value: Any, allowed: [String], path: String, problems: inout [String]) {
        guard let object = value as? [String: Any] else {
            problems.append("\(path.isEmpty ? "The file" : path) must be a JSON object ({ ... }).")
            return
        }
        for key in object.keys.sorted() where !allowed.contains(key) {
            let where_ = path.isEmpty ? "top level" : path
            if let match = allowed.first(where: { $0.caseInsensitiveCompare(key) == .orderedSame }) {
                problems.append("\(where_): property '\(key)' must be spelt '\(match)' (names are case-sensitive).")
            } else {
                problems.append("\(where_): unknown property '\(key)'; allowed: \(allowed.joined(separator: ", ")).")
            }
        }
    }

    /// The parser's message, with the line and column when it gives a character offset.
    private static func syntaxDetail(_ error: Error, data: Data) -> String {
        let nsError = error as NSError
        var text = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let more = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
            text += " " + more
        }
        if !text.lowercased().contains("line"), let offset = errorOffset(nsError, text: text) {
            let prefix = data.prefix(offset)
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = offset - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            let position = "at line \(line), column \(column)"
            let replaced = text.replacingOccurrences(of: "around character \(offset)", with: position)
            text = replaced != text ? replaced : text + " (\(position))"
        }
        return text.hasSuffix(".") ? text : text + "."
    }

    /// The byte offset the parser reports, in its user info or as "around character N".
    private static func errorOffset(_ error: NSError, text: String) -> Int? {
        if let index = error.userInfo["NSJSONSerializationErrorIndex"] as? Int { return index }
        guard let range = text.range(of: "character ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let owner = path(context.codingPath)
            return "\(owner.isEmpty ? "top level" : owner): the property '\(key.stringValue)' is required."
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(jsonKind(type))."
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func jsonKind(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is String.Type: "a string in double quotes"
        case is [String].Type: "a list of strings ([\"a\", \"b\"])"
        default: String(describing: type).hasPrefix("Array") ? "a list ([ ... ])" : "an object ({ ... })"
        }
    }
}

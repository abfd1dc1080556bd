import Foundation
import PSRuntime

/// Reads a CLIXML document back into values (see `Clixml`).
struct ClixmlReader {
    private var typeNames: [String: [String]] = [:]
    private var objects: [String: PSValue] = [:]

    /// The top-level objects of a document.
    mutating func read(_ text: String) throws -> [PSValue] {
        let document = try XmlNodeValue.parse(text)
        guard let root = document.documentElement, root.name == "Objs" else {
            throw ClixmlError.notClixml
        }
        return try root.elements.map { try value($0) }
    }

    enum ClixmlError: Error {
        case notClixml
        case badValue(String, String)
    }

    private mutating func value(_ node: XmlNodeValue) throws -> PSValue {
        let text = node.innerText
        func number<T>(_ parse: (String) -> T?) throws -> T {
            guard let v = parse(text.trimmingCharacters(in: .whitespaces)) else { throw ClixmlError.badValue(node.name, text) }
            return v
        }
        switch node.name {
        case "Nil": return .null
        case "S", "XD", "URI": return .string(Clixml.decode(text))
        case "B": return .bool(text.trimmingCharacters(in: .whitespaces).lowercased() == "true")
        case "I32": return .int(try number { Int32($0) })
        case "I16": return .int16(try number { Int16($0) })
        case "SB": return .sbyte(try number { Int8($0) })
        case "U16": return .uint16(try number { UInt16($0) })
        case "I64": return .long(try number { Int64($0) })
        case "U32": return .uint32(try number { UInt32($0) })
        case "U64": return .uint64(try number { UInt64($0) })
        case "By": return .byte(try number { UInt8($0) })
        case "Db", "Sg":
            switch text {
            case "NaN": return .double(.nan)
            case "INF": return .double(.infinity)
            case "-INF": return .double(-.infinity)
            default: return .double(try number { Double($0) })
            }
        case "D":
            let scale = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
            return .decimal(try number { Decimal(string: $0) }, scale: scale)
        case "C": return .char(try number { UInt16($0) })
        case "DT": return .dateTime(try number { Clixml.parseDate($0) })
        case "TS": return .timeSpan(ticks: try number { Clixml.parseDuration($0) })
        case "G": return .guid(try number { UUID(uuidString: $0) })
        case "Version": return .object(try number { Self.version($0) })
        case "SBK": return .string(Clixml.decode(text))
        case "BA": return .object(PSArray((Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? Data()).map { .byte($0) }))
        case "Ref":
            guard let id = node.attribute("RefId"), let known = objects[id] else { throw ClixmlError.badValue("Ref", text) }
            return known
        case "Obj": return try object(node)
        default: throw ClixmlError.badValue(node.name, text)
        }
    }

    private static func version(_ text: String) -> VersionValue? {
        let parts = text.split(separator: ".").compactMap { Int($0) }
        guard parts.count >= 2 else { return nil }
        return VersionValue(major: parts[0], minor: parts[1], build: parts.count > 2 ? parts[2] : -1, revision: parts.count > 3 ? parts[3] : -1)
    }

    private mutating func object(_ node: XmlNodeValue) throws -> PSValue {
        var names: [String] = []
        for child in node.elements {
            if child.name == "TN" {
                names = child.elements.filter { $0.name == "T" }.map { $0.innerText }
                if let id = child.attribute("RefId") { typeNames[id] = names }
            } else if child.name == "TNRef", let id = child.attribute("RefId") {
                names = typeNames[id] ?? []
            }
        }
        let result: PSValue
        if let list = node.elements.first(where: { ["LST", "IE", "STK", "QUE"].contains($0.name) }) {
            let items = try list.elements.map { try value($0) }
            result = .object(PSArray(items, isList: names.first == "System.Collections.ArrayList"))
        } else if let dictionary = node.elements.first(where: { $0.name == "DCT" }) {
            let table = PSHashtable(ordered: names.first == "System.Collections.Specialized.OrderedDictionary")
            for entry in dictionary.elements where entry.name == "En" {
                var key: PSValue = .null, item: PSValue = .null
                for part in entry.elements {
                    if part.attribute("N") == "Key" { key = try value(part) } else if part.attribute("N") == "Value" { item = try value(part) }
                }
                table[key] = item
            }
            result = .object(table)
        } else if let primitive = node.elements.first(where: { !["TN", "TNRef", "ToString", "Props", "MS"].contains($0.name) }),
                  names.first.map(Self.isPrimitiveTypeName) ?? false {
            // A primitive with notes: the value itself (its notes are dropped).
            result = try value(primitive)
        } else {
            let object = PSObject(typeNames: names.map { name in
                name.hasPrefix("Deserialized.") ? name : "Deserialized." + name
            })
            for group in node.elements where group.name == "Props" || group.name == "MS" {
                for property in group.elements {
                    guard let name = property.attribute("N") else { continue }
                    object[Clixml.decode(name)] = try value(property)
                }
            }
            if object.properties.isEmpty, let text = node.elements.first(where: { $0.name == "ToString" }) {
                object.customText = Clixml.decode(text.innerText)
            }
            result = .object(object)
        }
        if let id = node.attribute("RefId") { objects[id] = result }
        return result
    }

    private static func isPrimitiveTypeName(_ name: String) -> Bool {
        ["System.String", "System.Int32", "System.Int64", "System.Double", "System.Boolean", "System.DateTime",
         "System.Char", "System.Decimal", "System.Guid", "System.TimeSpan", "System.Byte"].contains(name)
    }
}

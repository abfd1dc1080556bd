import Foundation
import PSRuntime

/// CLIXML, PowerShell's object serialization format: an `<Objs>` document whose children are
/// primitives (`<S>`, `<I32>`, `<DT>`…) or `<Obj>` elements with type names (`<TN>`),
/// collections (`<LST>`, `<DCT>`) and properties (`<MS>` for added ones, `<Props>` for a
/// type's own). Deserialized objects are property bags whose type names carry the
/// `Deserialized.` prefix; primitives, lists and hashtables come back as themselves.
enum Clixml {
    static let namespace = "http://schemas.microsoft.com/powershell/2004/04"

    /// The primitive elements of the integer types other than Int32, Int64 and Byte.
    static let integerTags = ["System.SByte": "SB", "System.Int16": "I16", "System.UInt16": "U16",
                              "System.UInt32": "U32", "System.UInt64": "U64"]

    // MARK: Writing

    /// Writes one top-level object at a time into a document.
    final class Writer {
        private var lines: [String] = ["<Objs Version=\"1.1.0.1\" xmlns=\"\(Clixml.namespace)\">"]
        private var nextObjectId = 0
        private var typeNameIds: [[String]: Int] = [:]
        private let depth: Int
        private let context: ExecutionContext

        init(depth: Int, context: ExecutionContext) {
            self.depth = depth
            self.context = context
        }

        func add(_ value: PSValue) { lines.append(contentsOf: element(value, name: nil, depth: depth, indent: "  ")) }

        var document: String { (lines + ["</Objs>"]).joined(separator: "\n") }

        private func element(_ value: PSValue, name: String?, depth: Int, indent: String) -> [String] {
            let n = name.map { " N=\"\(Clixml.escapeAttribute($0))\"" } ?? ""
            func simple(_ tag: String, _ text: String) -> [String] { ["\(indent)<\(tag)\(n)>\(text)</\(tag)>"] }
            switch value {
            case .null: return ["\(indent)<Nil\(n) />"]
            case .bool(let b): return simple("B", b ? "true" : "false")
            case .int(let i): return simple("I32", String(i))
            case .long(let l): return simple("I64", String(l))
            case .double(let d): return simple("Db", Clixml.doubleText(d))
            case .string(let s): return simple("S", Clixml.encode(s))
            case .char(let c): return simple("C", String(c))
            case .dateTime(let d): return simple("DT", Clixml.dateText(d))
            case .object(let o):
                if let ticks = value.asTimeSpanTicks { return simple("TS", Clixml.durationText(ticks)) }
                if let g = value.asGuid { return simple("G", g.uuidString.lowercased()) }
                if let d = value.asDecimal, o is DecimalValue {
                    return simple("D", LanguagePrimitives.toString(.decimal(d), context: nil))
                }
                if let b = o as? BoxedValue<UInt8> { return simple("By", String(b.value)) }
                if let tag = Clixml.integerTags[LanguagePrimitives.typeName(of: value)] {
                    return simple(tag, LanguagePrimitives.toString(value, context: nil))
                }
                if o is VersionValue { return simple("Version", LanguagePrimitives.toString(value, context: nil)) }
                if let block = o as? ScriptBlock { return simple("SBK", Clixml.encode(block.text)) }
                return complex(value, o, name: n, depth: depth, indent: indent)
            }
        }

        private func complex(_ value: PSValue, _ o: AnyObject, name n: String, depth: Int, indent: String) -> [String] {
            let text = LanguagePrimitives.toString(value, context: context)
            // Past the depth limit an object is written as its string form.
            if depth < 0 { return ["\(indent)<S\(n)>\(Clixml.encode(text))</S>"] }
            let id = nextObjectId
            nextObjectId += 1
            let inner = indent + "  ", deeper = inner + "  "
            var out = ["\(indent)<Obj\(n) RefId=\"\(id)\">"]
            if let array = o as? PSArray {
                out += typeNames(array.isList ? ["System.Collections.ArrayList", "System.Object"]
                                               : ["System.Object[]", "System.Array", "System.Object"], indent: inner)
                out.append("\(inner)<LST>")
                for item in array.items { out += element(item, name: nil, depth: depth - 1, indent: deeper) }
                out.append("\(inner)</LST>")
            } else if let table = o as? PSHashtable {
                out += typeNames(table.isOrdered ? ["System.Collections.Specialized.OrderedDictionary", "System.Object"]
                                                 : ["System.Collections.Hashtable", "System.Object"], indent: inner)
                out.append("\(inner)<DCT>")
                for (key, item) in zip(table.keys, table.values) {
                    out.append("\(deeper)<En>")
                    out += element(key, name: "Key", depth: depth - 1, indent: deeper + "  ")
                    out += element(item, name: "Value", depth: depth - 1, indent: deeper + "  ")
                    out.append("\(deeper)</En>")
                }
                out.append("\(inner)</DCT>")
            } else if let object = o as? PSObject {
                let names = object.typeNames.isEmpty ? PSObject.customObjectTypeNames : object.typeNames
                out += typeNames(names, indent: inner)
                let custom = names.first == PSObject.customObjectTypeNames[0] || object.isScriptCustomObject
                if !custom { out.append("\(inner)<ToString>\(Clixml.encode(text))</ToString>") }
                let tag = custom ? "MS" : "Props"
                out.append("\(inner)<\(tag)>")
                for property in object.properties {
                    let propertyValue = (try? Members.getMember(value, property.name, context: context)) ?? property.value
                    out += element(propertyValue, name: property.name, depth: depth - 1, indent: deeper)
                }
                out.append("\(inner)</\(tag)>")
            } else {
                out += typeNames(LanguagePrimitives.typeNames(of: value), indent: inner)
                out.append("\(inner)<ToString>\(Clixml.encode(text))</ToString>")
                let names = Members.propertyNames(of: value)
                if !names.isEmpty {
                    out.append("\(inner)<Props>")
                    for name in names {
                        let v = (try? Members.getMember(value, name, context: context)) ?? .null
                        out += element(v, name: name, depth: depth - 1, indent: deeper)
                    }
                    out.append("\(inner)</Props>")
                }
            }
            out.append("\(indent)</Obj>")
            return out
        }

        /// `<TN RefId>` the first time a list of type names appears, `<TNRef>` after that.
        private func typeNames(_ names: [String], indent: String) -> [String] {
            if let known = typeNameIds[names] { return ["\(indent)<TNRef RefId=\"\(known)\" />"] }
            let id = typeNameIds.count
            typeNameIds[names] = id
            return ["\(indent)<TN RefId=\"\(id)\">"] + names.map { "\(indent)  <T>\(Clixml.escape($0))</T>" } + ["\(indent)</TN>"]
        }
    }

    // MARK: Text forms

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func escapeAttribute(_ s: String) -> String { encode(s).replacingOccurrences(of: "\"", with: "&quot;") }

    /// Escapes XML specials, and writes control characters (and an underscore that would read as
    /// an escape) as `_xHHHH_`, as PowerShell does.
    static func encode(_ s: String) -> String {
        var out = ""
        let units = Array(s.utf16)
        var i = 0
        while i < units.count {
            let u = units[i]
            if u < 0x20 || u == 0xFFFE || u == 0xFFFF || (u >= 0xD800 && u <= 0xDFFF && !isPairedSurrogate(units, i)) {
                out += String(format: "_x%04X_", u)
            } else if u == 0x5F, looksLikeEscape(units, i) {
                out += "_x005F_"
            } else if let scalar = Unicode.Scalar(u) {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                default: out.unicodeScalars.append(scalar)
                }
            } else {
                // A valid surrogate pair: keep both halves.
                out += String(decoding: units[i...i + 1], as: UTF16.self)
                i += 1
            }
            i += 1
        }
        return out
    }

    private static func isPairedSurrogate(_ units: [UInt16], _ i: Int) -> Bool {
        let u = units[i]
        guard u >= 0xD800 && u <= 0xDBFF, i + 1 < units.count else { return false }
        return units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF
    }

    /// `_x` followed by four hex digits and `_`.
    private static func looksLikeEscape(_ units: [UInt16], _ i: Int) -> Bool {
        guard i + 6 < units.count, units[i + 1] == 0x78, units[i + 6] == 0x5F else { return false }
        return units[(i + 2)...(i + 5)].allSatisfy { Character(Unicode.Scalar($0) ?? "g").isHexDigit }
    }

    /// Undoes `encode`'s `_xHHHH_` escapes (the XML parser has already undone the entities).
    static func decode(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var units: [UInt16] = []
        let source = Array(s.utf16)
        var i = 0
        while i < source.count {
            if source[i] == 0x5F, looksLikeEscape(source, i),
               let code = UInt16(String(decoding: source[(i + 2)...(i + 5)], as: UTF16.self), radix: 16) {
                units.append(code)
                i += 7
            } else {
                units.append(source[i])
                i += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func doubleText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-INF" : "INF" }
        return LanguagePrimitives.toString(.double(d), context: nil).replacingOccurrences(of: "E+", with: "E+")
    }

    /// Round-trip date text with seven fraction digits and the local offset.
    static func dateText(_ date: Date) -> String {
        let offset = TimeZone.current.secondsFromGMT(for: date)
        let local = date.addingTimeInterval(TimeInterval(offset))
        let totalTicks = Int64((local.timeIntervalSince1970 * 10_000_000).rounded(.down))
        let secondsPart = Int64((Double(totalTicks) / 10_000_000).rounded(.down))
        let fraction = totalTicks - secondsPart * 10_000_000
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(secondsPart)))
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        let sign = offset < 0 ? "-" : "+"
        let zone = "\(sign)\(two(abs(offset) / 3600)):\(two(abs(offset) % 3600 / 60))"
        return String(format: "%04d", c.year ?? 1) + "-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))."
            + String(format: "%07lld", fraction) + zone
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        // ISO8601DateFormatter reads at most millisecond fractions reliably: keep the ticks apart.
        var trimmed = text
        var extra: Double = 0
        if let dot = text.firstIndex(of: "."), let zoneStart = text[dot...].firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" }) {
            let digits = text[text.index(after: dot)..<zoneStart]
            extra = Double("0." + digits) ?? 0
            trimmed = String(text[..<dot]) + String(text[zoneStart...])
            formatter.formatOptions = [.withInternetDateTime]
        } else if !text.contains(".") {
            formatter.formatOptions = [.withInternetDateTime]
        }
        if let date = formatter.date(from: trimmed) { return date.addingTimeInterval(extra) }
        // No zone at all: local time.
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return local.date(from: String(trimmed.prefix(19))).map { $0.addingTimeInterval(extra) }
    }

    /// An xsd:duration (`P1DT2H30M`, `PT0.5S`), as .NET writes a TimeSpan.
    static func durationText(_ ticks: Int64) -> String {
        if ticks == 0 { return "PT0S" }
        var t = ticks.magnitude
        let days = t / 864_000_000_000; t %= 864_000_000_000
        let hours = t / 36_000_000_000; t %= 36_000_000_000
        let minutes = t / 600_000_000; t %= 600_000_000
        let seconds = t / 10_000_000, fraction = t % 10_000_000
        var text = ticks < 0 ? "-P" : "P"
        if days > 0 { text += "\(days)D" }
        if hours > 0 || minutes > 0 || seconds > 0 || fraction > 0 {
            text += "T"
            if hours > 0 { text += "\(hours)H" }
            if minutes > 0 { text += "\(minutes)M" }
            if seconds > 0 || fraction > 0 {
                text += "\(seconds)"
                if fraction > 0 {
                    var digits = String(format: "%07llu", fraction)
                    while digits.hasSuffix("0") { digits.removeLast() }
                    text += "." + digits
                }
                text += "S"
            }
        }
        return text
    }

    static func parseDuration(_ text: String) -> Int64? {
        var s = Substring(text)
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
        guard s.hasPrefix("P") else { return nil }
        s = s.dropFirst()
        var total: Double = 0
        var inTime = false
        var number = ""
        for ch in s {
            if ch == "T" { inTime = true; continue }
            if ch.isNumber || ch == "." { number.append(ch); continue }
            guard let value = Double(number) else { return nil }
            number = ""
            switch (ch, inTime) {
            case ("Y", false): total += value * 365 * 86_400
            case ("M", false): total += value * 30 * 86_400
            case ("D", false): total += value * 86_400
            case ("H", true): total += value * 3600
            case ("M", true): total += value * 60
            case ("S", true): total += value
            default: return nil
            }
        }
        let ticks = Int64((total * 10_000_000).rounded())
        return negative ? -ticks : ticks
    }
}

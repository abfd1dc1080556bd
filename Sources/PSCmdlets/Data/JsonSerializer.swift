import Foundation
import PSRuntime

/// Turns pipeline values into a JSON tree the way ConvertTo-Json does: scalars as themselves,
/// dictionaries and objects as JSON objects, collections as arrays, and anything nested deeper
/// than `maxDepth` as its string form (with one warning).
final class JsonSerializer {
    let maxDepth: Int
    /// Enumeration values by name (-EnumsAsStrings) instead of by number.
    let enumsAsStrings: Bool
    let context: CommandContext
    private(set) var truncated = false

    init(maxDepth: Int, enumsAsStrings: Bool = false, context: CommandContext) {
        self.maxDepth = maxDepth
        self.enumsAsStrings = enumsAsStrings
        self.context = context
    }

    func convert(_ value: PSValue, depth: Int = 0) throws -> JsonValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .number(String(i))
        case .long(let l): return .number(String(l))
        case .double(let d): return JsonNumberFormat.double(d)
        case .string(let s): return .string(s)
        case .char(let c): return .string(String(utf16CodeUnits: [c], count: 1))
        case .dateTime(let d): return .string(Self.isoDate(d))
        case .object(let o): return try convertObject(o, value: value, depth: depth)
        }
    }

    private func convertObject(_ o: AnyObject, value: PSValue, depth: Int) throws -> JsonValue {
        if let d = o as? DecimalValue {
            let text = NSDecimalNumber(decimal: d.value).description(withLocale: Locale(identifier: "en_US_POSIX"))
            return .number(text.contains(".") ? text : text + ".0")
        }
        if let e = o as? EnumValue { return enumsAsStrings ? .string(e.name) : .number(String(e.value)) }
        if let b = o as? BoxedValue<UInt8> { return .number(String(b.value)) }
        // The other integer types and BigInteger are JSON numbers too.
        if LanguagePrimitives.isNumeric(value), !(o is PSObject) { return .number(LanguagePrimitives.toString(value, context: nil)) }
        if let g = o as? BoxedValue<UUID> { return .string(g.value.uuidString.lowercased()) }
        if let t = o as? BoxedValue<Int64>, t.typeName == "System.TimeSpan" {
            return depth > maxDepth ? truncate(value) : timeSpan(t.value)
        }
        if let p = o as? PSObject { return try convertPSObject(p, depth: depth) }
        if depth > maxDepth { return truncate(value) }
        if let h = o as? PSHashtable {
            var members: [(String, JsonValue)] = []
            for (key, item) in h.pairs {
                guard case .string(let name) = key.baseValue else {
                    throw context.terminatingError("A dictionary whose keys are not all strings cannot become JSON (type \(h.typeName)).",
                                                   id: "NonStringKeyInDictionary", category: .InvalidOperation,
                                                   target: value, exceptionType: "System.InvalidOperationException")
                }
                members.append((name, try convert(item, depth: depth + 1)))
            }
            return .object(members)
        }
        if let items = value.enumerated {
            return .array(try items.map { try convert($0, depth: depth + 1) })
        }
        return .string(LanguagePrimitives.toString(value, context: context.session))
    }

    private func convertPSObject(_ p: PSObject, depth: Int) throws -> JsonValue {
        let wrapped = PSValue.object(p)
        if let base = p.baseObject, case .object(let o) = base, Self.isObjectWithMembers(o) {
            // An object of its own (FileInfo, PathInfo, …) serializes as its properties.
            if depth > maxDepth { return truncate(wrapped) }
            return .object(try p.properties.map { ($0.name, try convert(propertyValue($0, of: wrapped), depth: depth + 1)) })
        }
        if let base = p.baseObject {
            let inner = try convert(base, depth: depth)
            // Notes added to a string or a date are not serialized (pwsh does the same).
            switch base {
            case .string, .dateTime: return inner
            default: break
            }
            if p.properties.isEmpty || depth > maxDepth { return inner }
            var members: [(String, JsonValue)]
            if case .object(let existing) = inner, base.asHashtable != nil {
                members = existing
            } else {
                members = [("value", inner)]
            }
            for property in p.properties where !members.contains(where: { $0.0.equalsIgnoringCase(property.name) }) {
                members.append((property.name, try convert(propertyValue(property, of: wrapped), depth: depth + 1)))
            }
            return .object(members)
        }
        if depth > maxDepth { return truncate(wrapped) }
        var members: [(String, JsonValue)] = []
        for property in p.properties {
            members.append((property.name, try convert(propertyValue(property, of: wrapped), depth: depth + 1)))
        }
        return .object(members)
    }

    /// True for runtime objects that are neither collections nor boxed scalars.
    private static func isObjectWithMembers(_ o: AnyObject) -> Bool {
        !(o is PSArray || o is PSHashtable || o is PSObject || o is DecimalValue || o is PSEnumerable
          || o is BoxedValue<UInt8> || o is BoxedValue<UUID> || o is BoxedValue<Int64> || o is ScriptBlock)
    }

    private func propertyValue(_ property: PSProperty, of object: PSValue) -> PSValue {
        if property.getter == nil { return property.value }
        // Script properties are evaluated; one that fails counts as null, as in pwsh.
        return (try? Members.getMember(object, property.name, context: context.session)) ?? .null
    }

    private func truncate(_ value: PSValue) -> JsonValue {
        if !truncated {
            truncated = true
            try? context.writeWarning("Resulting JSON is truncated as serialization has exceeded the set depth of \(maxDepth).")
        }
        return .string(LanguagePrimitives.toString(value, context: context.session))
    }

    private func timeSpan(_ ticks: Int64) -> JsonValue {
        let total = Double(ticks)
        func part(_ v: Int64) -> JsonValue { .number(String(v)) }
        return .object([
            ("Ticks", part(ticks)),
            ("Days", part(ticks / 864_000_000_000)),
            ("Hours", part(ticks / 36_000_000_000 % 24)),
            ("Milliseconds", part(ticks / 10_000 % 1000)),
            ("Microseconds", part(ticks / 10 % 1000)),
            ("Nanoseconds", part(ticks % 10 * 100)),
            ("Minutes", part(ticks / 600_000_000 % 60)),
            ("Seconds", part(ticks / 10_000_000 % 60)),
            ("TotalDays", JsonNumberFormat.double(total / 864_000_000_000)),
            ("TotalHours", JsonNumberFormat.double(total / 36_000_000_000)),
            ("TotalMilliseconds", JsonNumberFormat.double(total / 10_000)),
            ("TotalMicroseconds", JsonNumberFormat.double(total / 10)),
            ("TotalNanoseconds", JsonNumberFormat.double(total * 100)),
            ("TotalMinutes", JsonNumberFormat.double(total / 600_000_000)),
            ("TotalSeconds", JsonNumberFormat.double(total / 10_000_000)),
        ])
    }

    /// ISO 8601 in local wall-clock time, fractional seconds only when present
    /// (Json.NET's `yyyy-MM-ddTHH:mm:ss.FFFFFFF` for dates without a time-zone kind).
    static func isoDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ v: Int?, _ width: Int) -> String {
            let s = String(v ?? 0)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var text = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        // Ticks below the second, from the time value itself (Calendar rounds nanoseconds).
        let seconds = date.timeIntervalSince1970
        var ticks = Int64(((seconds - seconds.rounded(.down)) * 10_000_000).rounded())
        if ticks >= 10_000_000 { ticks = 9_999_999 }
        if ticks > 0 {
            var fraction = pad(Int(ticks), 7)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }
}

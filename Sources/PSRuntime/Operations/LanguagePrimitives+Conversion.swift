import Foundation

extension LanguagePrimitives {
    public static func toDate(_ v: PSValue) throws -> Date {
        switch v {
        case .dateTime(let d): return d
        case .string(let s):
            if let d = DateFormatting.parse(s) { return d }
            throw castError(v, "System.DateTime", id: "InvalidCastParseTargetInvocation",
                            reason: "String '\(s)' was not recognized as a valid DateTime.")
        case .int, .long:
            return DateFormatting.date(fromTicks: try toInt64(v))
        case .object(let o):
            if let p = o as? PSObject, let base = p.baseObject { return try toDate(base) }
            throw finalCastError(v, "System.DateTime")
        default:
            throw finalCastError(v, "System.DateTime")
        }
    }

    /// Converts with PowerShell's cast rules (`[int]"5"`, `[string[]]$x`, `[pscustomobject]@{…}`).
    public static func convert(_ v: PSValue, to type: PSTypeInfo, context: ExecutionContext?) throws -> PSValue {
        // Fast paths for the common casts.
        switch (type.kind, v) {
        case (.int32, .int), (.int64, .long), (.double, .double), (.string, .string), (.bool, .bool): return v
        default: break
        }
        switch type.kind {
        case .object: return v
        case .psobject, .pscustomobject:
            if let h = v.asHashtable, type.kind == .pscustomobject { return .object(customObject(from: h)) }
            return v
        case .void: return .null
        case .other: if let converted = try DotNetTypes.convert(v, to: type, context: context) { return converted }
        default: break
        }
        if let definition = type.scriptType, !definition.isEnum {
            return try ScriptClasses.convert(v, to: definition, context: context)
        }
        let value = v.baseValue
        if value.isNull { return try convertNull(type, context: context) }
        switch type.kind {
        case .enumeration: return .object(try EnumTypes.convert(value, to: type))
        case .string: return .string(toString(value, context: context))
        case .bool: return .bool(isTrue(value))
        case .switchParameter: return .object(SwitchValue(isTrue(value)))
        case .int32: return .int(try toInt32(value))
        case .int64: return .long(try toInt64(value))
        case .double: return .double(try toDouble(value))
        case .single: return .single(Float(try toDouble(value)))
        case .decimal: return try toDecimalValue(value)
        case .bigInteger: return .bigInteger(try toBigInteger(value))
        case .byte: return .byte(UInt8(try integer(value, min: 0, max: Int128(UInt8.max), typeName: type.fullName)))
        case .sbyte: return .sbyte(Int8(try integer(value, min: Int128(Int8.min), max: Int128(Int8.max), typeName: type.fullName)))
        case .int16: return .int16(Int16(try integer(value, min: Int128(Int16.min), max: Int128(Int16.max), typeName: type.fullName)))
        case .uint16: return .uint16(UInt16(try integer(value, min: 0, max: Int128(UInt16.max), typeName: type.fullName)))
        case .uint32: return .uint32(UInt32(try integer(value, min: 0, max: Int128(UInt32.max), typeName: type.fullName)))
        case .uint64: return .uint64(UInt64(try integer(value, min: 0, max: Int128(UInt64.max), typeName: type.fullName)))
        case .char: return .char(try toChar(value))
        case .dateTime: return .dateTime(try toDate(value))
        case .timeSpan: return .timeSpan(ticks: try toTimeSpanTicks(value))
        case .guid:
            if value.asGuid != nil { return value }
            let text = toString(value, context: context).trimmingCharacters(in: CharacterSet(charactersIn: "{} "))
            if let u = UUID(uuidString: text) { return .guid(u) }
            throw castError(value, type.fullName, id: "InvalidCastParseTargetInvocation",
                            reason: "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).")
        case .version:
            if case .object(let o) = value, o is VersionValue { return value }
            if let n = Numeric.of(value), case .int(let i) = n { return .object(VersionValue(major: Int(i), minor: 0)) }
            if let ver = VersionValue(parsing: toString(value, context: context)) { return .object(ver) }
            throw castError(value, type.fullName, id: "InvalidCastParseTargetInvocation", reason: "Version string portion was too short or too long.")
        case .regex:
            if case .object(let o) = value, o is RegexValue { return value }
            let pattern = toString(value, context: context)
            return .object(RegexValue(pattern: pattern, regex: try RegexCache.on(context).regex(pattern, ignoreCase: false), ignoreCase: false))
        case .xml:
            if case .object(let o) = value, let x = o as? XmlNodeValue, x.kind == .document { return value }
            let text: String
            if let items = value.enumerated { text = items.map { toString($0, context: context) }.joined(separator: "\n") } else {
                text = toString(value, context: context)
            }
            return .object(try XmlNodeValue.parse(text))
        case .scriptBlock:
            if value.asScriptBlock != nil { return value }
            if case .string(let s) = value, let context { return .object(try context.createScriptBlock(s)) }
            throw finalCastError(value, type.fullName)
        case .hashtable:
            if let h = value.asHashtable {
                if !h.isOrdered { return value }
                let c = h.copy()
                c.isOrdered = false
                return .object(c)
            }
            throw finalCastError(value, type.fullName)
        case .ordered:
            if let h = value.asHashtable {
                if h.isOrdered { return value }
                let c = h.copy()
                c.isOrdered = true
                return .object(c)
            }
            throw finalCastError(value, type.fullName)
        case .array:
            if let a = value.asArray, !a.isList { return value }
            return .array(value.enumerated ?? [value])
        case .typedArray:
            return try convertToArray(value, element: type.elementType ?? TypeRegistry.object, context: context)
        case .arrayList:
            return .object(PSArray(value.enumerated ?? [value], isList: true))
        case .list:
            let element = type.elementType ?? TypeRegistry.object
            let items = try (value.enumerated ?? [value]).map { try convert($0, to: element, context: context) }
            return .object(PSArray(items, elementTypeName: element.fullName, isList: true))
        case .type:
            if case .object(let o) = value, o is PSTypeInfo { return value }
            let name = toString(value, context: context)
            if let t = PSTypeInfo.resolve(name: name) { return .object(t) }
            throw castError(value, type.fullName, id: "InvalidCastFromStringToType",
                            reason: "Unable to find type [\(name)].")
        case .stringBuilder:
            return .object(StringBuilderValue(toString(value, context: context)))
        default:
            if type.isInstance(value) { return value }
            throw finalCastError(value, type.fullName)
        }
    }

    private static func convertNull(_ type: PSTypeInfo, context: ExecutionContext?) throws -> PSValue {
        switch type.kind {
        case .string: return .string("")
        case .bool: return .bool(false)
        case .switchParameter: return .object(SwitchValue(false))
        case .int32: return .int(0)
        case .int64: return .long(0)
        case .double: return .double(0)
        case .single: return .single(0)
        case .decimal: return .decimal(0)
        case .byte: return .byte(0)
        case .sbyte: return .sbyte(0)
        case .int16: return .int16(0)
        case .uint16: return .uint16(0)
        case .uint32: return .uint32(0)
        case .uint64: return .uint64(0)
        case .bigInteger: return .bigInteger(0)
        case .char: return .char(0)
        case .dateTime: return .dateTime(DateFormatting.date(fromTicks: 0))
        case .timeSpan: return .timeSpan(ticks: 0)
        case .guid: return .guid(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        default: return .null
        }
    }

    static func toChar(_ value: PSValue) throws -> UInt16 {
        switch value {
        case .char(let c): return c
        case .string(let s):
            let units = Array(s.utf16)
            if units.count == 1 { return units[0] }
            throw castError(value, "System.Char", id: "InvalidCastParseTargetInvocation", reason: "String must be exactly one character long.")
        default:
            return UInt16(try integer(value, min: 0, max: Int128(UInt16.max), typeName: "System.Char"))
        }
    }

    static func toTimeSpanTicks(_ value: PSValue) throws -> Int64 {
        if let t = value.asTimeSpanTicks { return t }
        switch value {
        case .int, .long: return try toInt64(value)
        case .string(let s):
            if let t = TimeSpanFormatting.parse(s) { return t }
            throw castError(value, "System.TimeSpan", id: "InvalidCastParseTargetInvocation",
                            reason: "String '\(s)' was not recognized as a valid TimeSpan.")
        default: throw finalCastError(value, "System.TimeSpan")
        }
    }

    private static func convertToArray(_ value: PSValue, element: PSTypeInfo, context: ExecutionContext?) throws -> PSValue {
        var items = value.enumerated ?? [value]
        // `[char[]]'abc'` splits the string into its characters.
        if element.kind == .char, case .string(let s) = value { items = s.utf16.map { .char($0) } }
        let converted: [PSValue]
        if element.kind == .object {
            converted = items
        } else {
            converted = try items.map { try convert($0, to: element, context: context) }
        }
        return .object(PSArray(converted, elementTypeName: element.kind == .object ? nil : element.fullName))
    }

    /// `[pscustomobject]@{…}`: a custom object with the hashtable's keys in order.
    public static func customObject(from h: PSHashtable) -> PSObject {
        let o = PSObject()
        o.isScriptCustomObject = true
        for (k, v) in h.pairs {
            let name = toString(k, context: nil)
            // A `PSTypeName` key names the object's type (first in PSTypeNames), as in pwsh.
            if name.equalsIgnoringCase("PSTypeName") {
                o.typeNames.insert(toString(v, context: nil), at: 0)
                continue
            }
            o.add(name, v)
        }
        return o
    }

    /// `-as`: the conversion, or $null when it fails.
    public static func tryConvert(_ v: PSValue, to type: PSTypeInfo, context: ExecutionContext?) -> PSValue {
        (try? convert(v, to: type, context: context)) ?? .null
    }
}

import Foundation

/// Underlying types, ordering and formatting shared by `[Enum]::…`, `[T].GetEnum…()` and
/// an enumeration value's own methods.
extension EnumTypes {
    /// The integral types an enumeration can be based on, with their ranges.
    static let integralRanges: [String: ClosedRange<Int128>] = [
        "System.Byte": 0...Int128(UInt8.max), "System.SByte": Int128(Int8.min)...Int128(Int8.max),
        "System.Int16": Int128(Int16.min)...Int128(Int16.max), "System.UInt16": 0...Int128(UInt16.max),
        "System.Int32": Int128(Int32.min)...Int128(Int32.max), "System.UInt32": 0...Int128(UInt32.max),
        "System.Int64": Int128(Int64.min)...Int128(Int64.max), "System.UInt64": 0...Int128(UInt64.max),
    ]

    /// A member's value checked against the underlying type's range; a UInt64 beyond Int64 is
    /// kept by its bit pattern.
    static func rawValue(_ value: PSValue, underlying typeName: String) throws -> Int64 {
        if case .object(let o) = value.baseValue, let e = o as? EnumValue { return e.value }
        let range = integralRanges[typeName] ?? integralRanges["System.Int32"]!
        let n = try LanguagePrimitives.integer(value.baseValue, min: range.lowerBound, max: range.upperBound, typeName: typeName)
        return Int64(truncatingIfNeeded: n)
    }

    /// A raw value as a number of the underlying type (`value__`, `GetEnumValuesAsUnderlyingType`).
    static func typedValue(_ raw: Int64, underlying typeName: String) -> PSValue {
        switch typeName {
        case "System.Byte": return .byte(UInt8(truncatingIfNeeded: raw))
        case "System.SByte": return .sbyte(Int8(truncatingIfNeeded: raw))
        case "System.Int16": return .int16(Int16(truncatingIfNeeded: raw))
        case "System.UInt16": return .uint16(UInt16(truncatingIfNeeded: raw))
        case "System.UInt32": return .uint32(UInt32(truncatingIfNeeded: raw))
        case "System.Int64": return .long(raw)
        case "System.UInt64": return .uint64(UInt64(bitPattern: raw))
        default: return .int(Int32(truncatingIfNeeded: raw))
        }
    }

    /// Members in .NET's order: by value read as unsigned, declaration order among synonyms.
    static func sorted(_ members: [(name: String, value: Int64)]) -> [(name: String, value: Int64)] {
        members.enumerated().sorted {
            let (a, b) = (UInt64(bitPattern: $0.element.value), UInt64(bitPattern: $1.element.value))
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
    }

    static func underlyingTypeName(of type: PSTypeInfo) -> String {
        type.scriptType?.underlyingTypeName ?? "System.Int32"
    }

    /// `ToString(format)` / `[Enum]::Format`: G (name, or flag names for a flags enumeration),
    /// F (flag names always), D (the number), X (hex digits for the underlying type's width).
    static func format(_ e: EnumValue, _ format: String) throws -> String {
        let members = e.definition?.enumMembers ?? definitions[e.typeName] ?? DotNetTypes.enumDefinitions[e.typeName] ?? []
        switch format.uppercased() {
        case "", "G": return e.name
        case "F": return name(of: e.value, members: members, isFlags: true)
        case "D": return LanguagePrimitives.toString(typedValue(e.value, underlying: e.underlyingTypeName), context: nil)
        case "X":
            let width = e.underlyingTypeName.hasSuffix("Byte") ? 2 : e.underlyingTypeName.hasSuffix("16") ? 4
                : e.underlyingTypeName.hasSuffix("64") ? 16 : 8
            let bits = UInt64(bitPattern: e.value) & (width == 16 ? UInt64.max : (UInt64(1) << UInt64(width * 4)) - 1)
            let hex = String(bits, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, width - hex.count)) + hex
        default:
            throw RuntimeError("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".",
                               id: "FormatException", category: .NotSpecified, exceptionType: "System.FormatException")
        }
    }

    /// `[T].GetEnumNames()`, `GetEnumValues()`, `GetEnumName(v)`, `GetEnumUnderlyingType()`,
    /// `GetEnumValuesAsUnderlyingType()`, `IsEnumDefined(v)`.
    static func typeMethod(_ type: PSTypeInfo, _ call: MethodCall) throws -> PSValue? {
        let lower = call.name.lowercased()
        guard lower.hasPrefix("getenum") || lower == "isenumdefined" else { return nil }
        guard let members = members(of: type) else {
            throw call.failure("System.ArgumentException", "Type provided must be an Enum.")
        }
        let underlying = underlyingTypeName(of: type)
        switch lower {
        case "getenumnames":
            try call.count(0...0)
            return .array(members.map { .string($0.name) })
        case "getenumvalues":
            try call.count(0...0)
            return .array(members.map { .object(lookup($0.value, in: type)) })
        case "getenumvaluesasunderlyingtype":
            try call.count(0...0)
            return .array(members.map { typedValue($0.value, underlying: underlying) })
        case "getenumunderlyingtype":
            try call.count(0...0)
            return .object(PSTypeInfo(fullName: underlying))
        case "getenumname":
            try call.count(1...1)
            let n = try call.wrapping { try rawValue(call.arguments[0], underlying: underlying) }
            return members.first { $0.value == n }.map { .string($0.name) } ?? .null
        case "isenumdefined":
            try call.count(1...1)
            return try isDefined(call.arguments[0], members: members, underlying: underlying, call: call)
        default: return nil
        }
    }

    /// The value numbered `raw` of `type`, named as .NET names it (the first synonym in order).
    static func lookup(_ raw: Int64, in type: PSTypeInfo) -> EnumValue {
        (try? convert(.long(raw), to: type)) ?? EnumValue(typeName: type.fullName, name: String(raw), value: raw)
    }

    static func isDefined(_ value: PSValue, members: [EnumValue], underlying: String, call: MethodCall) throws -> PSValue {
        let v = value.baseValue
        if case .string(let s) = v { return .bool(members.contains { $0.name == s }) }
        let n = try call.wrapping { try rawValue(v, underlying: underlying) }
        return .bool(members.contains { $0.value == n })
    }
}

extension EnumTypes {
    /// `enum + n` and `enum - n` give a value of the enumeration (`[ConsoleColor]::Blue + 3` is Red),
    /// as does adding two values of one enumeration ('A, B' for flags); nil for anything else
    /// (`enum - enum` is a plain number).
    static func arithmetic(_ lhs: PSValue, _ rhs: PSValue, subtract: Bool) throws -> PSValue? {
        guard case .object(let o) = lhs.baseValue, let e = o as? EnumValue else { return nil }
        let right = rhs.baseValue
        let amount: Int64
        if case .object(let p) = right, let f = p as? EnumValue {
            guard f.typeName == e.typeName, !subtract else { return nil }
            amount = f.value
        } else {
            guard let n = Numeric.of(right), let whole = try? LanguagePrimitives.toInt64(n.value) else { return nil }
            amount = whole
        }
        return .object(try convert(.long(subtract ? e.value &- amount : e.value &+ amount), like: e))
    }
}

extension EnumValue {
    var underlyingTypeName: String { definition?.underlyingTypeName ?? "System.Int32" }
}

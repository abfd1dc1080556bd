import Foundation

/// A value of a .NET enumeration (`[DayOfWeek]::Friday`): shows as its name, counts as its
/// number, and converts from either.
public final class EnumValue: PSDynamicObject {
    public let typeName: String
    public let name: String
    public let value: Int64
    /// The script's `enum` this value belongs to; nil for a .NET enumeration.
    let definition: ScriptTypeDefinition?

    init(typeName: String, name: String, value: Int64, definition: ScriptTypeDefinition? = nil) {
        self.typeName = typeName
        self.name = name
        self.value = value
        self.definition = definition
    }

    public var dynamicTypeName: String { typeName }
    public var dynamicDescription: String { name }
    public var dynamicPropertyNames: [String] { [] }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        guard name.equalsIgnoringCase("value__") else { return nil }
        return EnumTypes.typedValue(value, underlying: underlyingTypeName)
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "tostring":
            guard let format = arguments.first, !format.isNull else { return .string(self.name) }
            return .string(try EnumTypes.format(self, LanguagePrimitives.toString(format, context: context)))
        case "gethashcode": return .long(value)
        case "hasflag":
            guard let flag = try arguments.first.map({ try EnumTypes.convert($0, like: self) }) else { return nil }
            return .bool(value & flag.value == flag.value)
        case "equals":
            guard case .object(let o)? = arguments.first?.baseValue, let other = o as? EnumValue else { return .bool(false) }
            return .bool(other.typeName == typeName && other.value == value)
        default: return nil
        }
    }
}

/// The .NET enumerations pcsh knows, with their members in declaration order.
enum EnumTypes {
    static let definitions: [String: [(name: String, value: Int64)]] = [
        "System.DayOfWeek": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
            .enumerated().map { ($0.element, Int64($0.offset)) },
        "System.ConsoleColor": ["Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow",
                                "Gray", "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White"]
            .enumerated().map { ($0.element, Int64($0.offset)) },
        "System.MidpointRounding": [("ToEven", 0), ("AwayFromZero", 1), ("ToZero", 2), ("ToNegativeInfinity", 3),
                                    ("ToPositiveInfinity", 4)],
        "System.DateTimeKind": [("Unspecified", 0), ("Utc", 1), ("Local", 2)],
        "System.StringComparison": [("CurrentCulture", 0), ("CurrentCultureIgnoreCase", 1), ("InvariantCulture", 2),
                                    ("InvariantCultureIgnoreCase", 3), ("Ordinal", 4), ("OrdinalIgnoreCase", 5)],
        "System.Management.Automation.ActionPreference": [("SilentlyContinue", 0), ("Stop", 1), ("Continue", 2),
                                                         ("Inquire", 3), ("Ignore", 4), ("Suspend", 5), ("Break", 6)],
        "System.Management.Automation.ConfirmImpact": [("None", 0), ("Low", 1), ("Medium", 2), ("High", 3)],
        "System.Management.Automation.ErrorCategory": ErrorCategory.allCases.enumerated().map { ($0.element.rawValue, Int64($0.offset)) },
    ]

    /// The member of `typeName` named (case-insensitively) or numbered by `value`.
    static func convert(_ value: PSValue, to typeName: String) throws -> EnumValue {
        guard let members = definitions[typeName] ?? DotNetTypes.enumDefinitions[typeName] else {
            throw LanguagePrimitives.invalidCast(value, typeName)
        }
        return try convert(value, typeName: typeName, members: members, definition: nil)
    }

    /// Converts to the enumeration `type` (a .NET one or a script's `enum`).
    static func convert(_ value: PSValue, to type: PSTypeInfo) throws -> EnumValue {
        guard let definition = type.scriptType else { return try convert(value, to: type.fullName) }
        return try convert(value, typeName: definition.name, members: definition.enumMembers, definition: definition)
    }

    /// Converts to the enumeration `sample` belongs to.
    static func convert(_ value: PSValue, like sample: EnumValue) throws -> EnumValue {
        guard let definition = sample.definition else { return try convert(value, to: sample.typeName) }
        return try convert(value, typeName: definition.name, members: definition.enumMembers, definition: definition)
    }

    private static func convert(_ value: PSValue, typeName: String, members: [(name: String, value: Int64)],
                                definition: ScriptTypeDefinition?) throws -> EnumValue {
        let base = value.baseValue
        if case .object(let o) = base, let e = o as? EnumValue, e.typeName == typeName { return e }
        let isFlags = definition?.isFlags ?? false
        func make(_ number: Int64) -> EnumValue {
            EnumValue(typeName: typeName, name: name(of: number, members: members, isFlags: isFlags), value: number,
                      definition: definition)
        }
        if let n = Numeric.of(base) { return make(n.asLong) }
        let text = LanguagePrimitives.toString(base, context: nil).trimmingCharacters(in: .whitespaces)
        if let number = Int64(text) { return make(number) }
        // A flags enumeration converts from a comma-separated list of names.
        let parts = isFlags ? text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : [text]
        var total: Int64 = 0
        for part in parts {
            guard let member = members.first(where: { $0.name.equalsIgnoringCase(part) }) else {
                let names = members.map(\.name).joined(separator: ", ")
                throw RuntimeError("Cannot convert value \"\(text)\" to type \"\(typeName)\". Error: \"Unable to match the identifier name \(part) to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(names)\"",
                                   id: "InvalidCastFromStringToEnum", category: .InvalidArgument,
                                   exceptionType: "System.Management.Automation.PSInvalidCastException", target: value)
            }
            if parts.count == 1 { return EnumValue(typeName: typeName, name: member.name, value: member.value, definition: definition) }
            total |= member.value
        }
        return make(total)
    }

    /// The name a value shows: its member's name, for a flags enumeration the names of the
    /// flags it combines ('A, B'), else the number.
    static func name(of number: Int64, members: [(name: String, value: Int64)], isFlags: Bool) -> String {
        if let member = members.first(where: { $0.value == number }) { return member.name }
        guard isFlags, number != 0 else { return String(number) }
        var remaining = number
        var names: [String] = []
        for member in members.sorted(by: { $0.value > $1.value }) where member.value != 0 && remaining & member.value == member.value {
            names.append(member.name)
            remaining &= ~member.value
        }
        return remaining == 0 ? names.reversed().joined(separator: ", ") : String(number)
    }

    /// A member by name, for `[T]::Name`.
    static func member(_ name: String, of type: PSTypeInfo) -> EnumValue? {
        let members = type.scriptType?.enumMembers ?? definitions[type.fullName] ?? DotNetTypes.enumDefinitions[type.fullName] ?? []
        guard let member = members.first(where: { $0.name.equalsIgnoringCase(name) }) else { return nil }
        return EnumValue(typeName: type.scriptType?.name ?? type.fullName, name: member.name, value: member.value,
                         definition: type.scriptType)
    }

    /// Members in .NET's order (by value), for `[Enum]::GetNames` and `GetValues`.
    static func members(of type: PSTypeInfo) -> [EnumValue]? {
        if let definition = type.scriptType {
            guard definition.isEnum else { return nil }
            return sorted(definition.enumMembers).map { EnumValue(typeName: definition.name, name: $0.name, value: $0.value, definition: definition) }
        }
        return (definitions[type.fullName] ?? DotNetTypes.enumDefinitions[type.fullName]).map(sorted)?.map { EnumValue(typeName: type.fullName, name: $0.name, value: $0.value) }
    }
}

extension Members {
    /// `[Enum]::GetNames([T])`, `GetValues`, `Parse`, `TryParse`, `IsDefined`, `ToObject`, `GetName`,
    /// `Format`, `GetUnderlyingType` (also reached as `[T]::IsDefined(…)` on an enumeration).
    static func enumStaticMethod(_ call: MethodCall) throws -> PSValue? {
        let known = ["getnames", "getvalues", "parse", "toobject", "isdefined", "getname", "format", "getunderlyingtype",
                     "tryparse", "getvaluesasunderlyingtype"]
        guard known.contains(call.name.lowercased()), let first = call.arguments.first else { return nil }
        let type = try Operators.resolveType(first, context: call.context)
        guard let members = EnumTypes.members(of: type) else {
            throw call.failure("System.ArgumentException", "Type provided must be an Enum.")
        }
        let underlying = EnumTypes.underlyingTypeName(of: type)
        switch call.name.lowercased() {
        case "getnames", "getvalues", "getvaluesasunderlyingtype":
            try call.count(1...1)
            return try EnumTypes.typeMethod(type, MethodCall(target: first, name: "GetEnum" + call.name.dropFirst(3), arguments: [],
                                                             context: call.context))
        case "getunderlyingtype":
            try call.count(1...1)
            return .object(PSTypeInfo(fullName: underlying))
        case "parse", "toobject":
            try call.count(2...3)
            return .object(try call.wrapping { try EnumTypes.convert(call.arguments[1], to: type) })
        case "tryparse":
            try call.count(3...4)
            guard case .object(let o) = call.arguments[call.arguments.count - 1], let reference = o as? PSReferenceValue else {
                throw RuntimeError("Argument: '\(call.arguments.count)' should be a System.Management.Automation.PSReference. Use [ref].",
                                   id: "NonRefArgumentToRefParameterMsg", category: .NotSpecified,
                                   exceptionType: "System.Management.Automation.MethodException", target: call.arguments.last)
            }
            let parsed = try? EnumTypes.convert(call.arguments[1], to: type)
            try reference.setValue(parsed.map { .object($0) } ?? .null, context: call.context)
            return .bool(parsed != nil)
        case "isdefined":
            try call.count(2...2)
            return try EnumTypes.isDefined(call.arguments[1], members: members, underlying: underlying, call: call)
        case "getname":
            try call.count(2...2)
            let n = try call.wrapping { try EnumTypes.rawValue(call.arguments[1], underlying: underlying) }
            return members.first { $0.value == n }.map { .string($0.name) } ?? .null
        case "format":
            try call.count(3...3)
            let value = try call.wrapping { try EnumTypes.convert(call.arguments[1], to: type) }
            return .string(try call.wrapping { try EnumTypes.format(value, call.string(2)) })
        default: return nil
        }
    }
}

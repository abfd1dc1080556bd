import Foundation

/// A value of a .NET enumeration (`[DayOfWeek]::Friday`): shows as its name, counts as its
/// number, and converts from either.
public final class EnumValue: PSDynamicObject {
    public let typeName: String
    public let name: String
    public let value: Int64

    init(typeName: String, name: String, value: Int64) {
        self.typeName = typeName
        self.name = name
        self.value = value
    }

    public var dynamicTypeName: String { typeName }
    public var dynamicDescription: String { name }
    public var dynamicPropertyNames: [String] { [] }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        name.equalsIgnoringCase("value__") ? .long(value) : nil
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "tostring": return .string(self.name)
        case "gethashcode": return .long(value)
        case "hasflag":
            guard let flag = try arguments.first.map({ try EnumTypes.convert($0, to: typeName) }) else { return nil }
            return .bool(value & flag.value == flag.value)
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
        let base = value.baseValue
        if case .object(let o) = base, let e = o as? EnumValue, e.typeName == typeName { return e }
        if let n = Numeric.of(base) {
            let number = n.asLong
            let name = members.first { $0.value == number }?.name ?? String(number)
            return EnumValue(typeName: typeName, name: name, value: number)
        }
        let text = LanguagePrimitives.toString(base, context: nil).trimmingCharacters(in: .whitespaces)
        if let number = Int64(text) {
            let name = members.first { $0.value == number }?.name ?? text
            return EnumValue(typeName: typeName, name: name, value: number)
        }
        if let member = members.first(where: { $0.name.equalsIgnoringCase(text) }) {
            return EnumValue(typeName: typeName, name: member.name, value: member.value)
        }
        let names = members.map(\.name).joined(separator: ", ")
        throw RuntimeError("Cannot convert value \"\(text)\" to type \"\(typeName)\". Error: \"Unable to match the identifier name \(text) to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(names)\"",
                           id: "InvalidCastFromStringToEnum", category: .InvalidArgument,
                           exceptionType: "System.Management.Automation.PSInvalidCastException", target: value)
    }

    /// A member by name, for `[T]::Name`.
    static func member(_ name: String, of typeName: String) -> EnumValue? {
        guard let member = (definitions[typeName] ?? DotNetTypes.enumDefinitions[typeName])?.first(where: { $0.name.equalsIgnoringCase(name) }) else { return nil }
        return EnumValue(typeName: typeName, name: member.name, value: member.value)
    }
}

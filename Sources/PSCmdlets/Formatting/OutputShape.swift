import Foundation
import PSRuntime

/// How one output value takes part in formatting, following PowerShell's rules: scalars and
/// property-less objects print as their string ("out of band"), error records as their message,
/// everything else is an object that a view (table, list, custom) formats.
enum OutputShape {
    /// `$null`: prints nothing.
    case nothing
    /// Printed as it is, outside any table or list.
    case text(String)
    case error(ErrorRecord)
    /// An object with properties, for a view.
    case object(PSValue)

    /// Auto-generated views: up to this many properties make a table, more a list.
    static let maxTableProperties = 4

    static func classify(_ value: PSValue, context: ExecutionContext) -> OutputShape {
        let base = value.baseValue
        switch base {
        case .null: return .nothing
        case .bool, .int, .long, .double, .string, .char: return .text(LanguagePrimitives.toString(base, context: context))
        case .dateTime: return .object(value)
        case .object(let o):
            if let record = o as? ErrorRecord {
                // Get-Error's records show as the detailed view, not as an error.
                return value.asPSObject?.typeNames.first == ErrorDetailView.typeName ? .object(value) : .error(record)
            }
            if o is DecimalValue || o is ScriptBlock { return .text(LanguagePrimitives.toString(base, context: context)) }
            if isScalarTypeName(FormatTypeNames.typeName(of: base)) { return .text(LanguagePrimitives.toString(base, context: context)) }
            if FormatTypeNames.of(value).contains(where: { $0 == "System.TimeSpan" || $0 == "System.Guid" }) { return .object(value) }
            if let pso = o as? PSObject, !pso.properties.isEmpty { return .object(value) }
            if let pso = value.asPSObject, !pso.properties.isEmpty { return .object(value) }
            // Objects the member adapter gives properties (XML elements, versions, regex matches)
            // show those properties, as in pwsh.
            if !(o is PSTypeInfo), !(o is PSDynamicObject), !Members.propertyNames(of: base).isEmpty { return .object(value) }
            // A dynamic object with a registered view (PSSession) shows through it.
            if o is PSDynamicObject, DefaultFormatter.of(context).views.view(for: FormatTypeNames.of(value)) != nil { return .object(value) }
            return .text(LanguagePrimitives.toString(value, context: context))
        }
    }

    /// PowerShell's "default scalar types": shown as text, and right-aligned in tables when numeric.
    static func isScalarTypeName(_ name: String) -> Bool {
        scalarTypeNames.contains(name)
    }

    /// True when a value in a table column should be right-aligned (numbers, booleans, chars).
    static func isRightAligned(_ value: PSValue) -> Bool {
        switch value.baseValue {
        case .bool, .int, .long, .double, .char: return true
        case .object(let o):
            // An enumeration's type code is its underlying integer's, so it aligns as a number.
            if o is DecimalValue || o is EnumValue { return true }
            return isScalarTypeName(FormatTypeNames.typeName(of: value.baseValue))
                && FormatTypeNames.typeName(of: value.baseValue) != "System.String"
        default: return false
        }
    }

    private static let scalarTypeNames: Set<String> = [
        "System.String", "System.SByte", "System.Byte", "System.Int16", "System.UInt16", "System.Int32",
        "System.UInt32", "System.Int64", "System.UInt64", "System.Char", "System.Single", "System.Double",
        "System.Boolean", "System.Decimal", "System.IntPtr", "System.Security.SecureString",
        "System.Numerics.BigInteger",
    ]

    /// Output values as formatting sees them: collections are unrolled and hashtables become
    /// their key/value entries (`System.Collections.DictionaryEntry`).
    static func expand(_ value: PSValue, depth: Int = 0, into result: inout [PSValue]) {
        let base = value.baseValue
        if let hashtable = base.asHashtable {
            for (key, entryValue) in hashtable.pairs { result.append(.object(Members.dictionaryEntry(key, entryValue))) }
            return
        }
        if depth < 8, let items = base.enumerated {
            for item in items { expand(item, depth: depth + 1, into: &result) }
            return
        }
        result.append(value)
    }
}

/// Type names and properties of values, for choosing and filling views.
enum FormatTypeNames {
    /// Most derived first, as `$x.pstypenames` shows them.
    static func of(_ value: PSValue) -> [String] {
        if let pso = value.asPSObject {
            if let base = pso.baseObject, pso.typeNames == PSObject.customObjectTypeNames {
                return of(base)
            }
            return pso.typeNames
        }
        return [typeName(of: value), "System.Object"]
    }

    /// The .NET type name of a plain value (boxed value types by their own name).
    static func typeName(of value: PSValue) -> String {
        if case .object(let o) = value {
            if let boxed = o as? BoxedValue<Int64> { return boxed.typeName }
            if let boxed = o as? BoxedValue<UUID> { return boxed.typeName }
            if let boxed = o as? BoxedValue<UInt8> { return boxed.typeName }
        }
        return LanguagePrimitives.typeName(of: value)
    }

    static func matches(_ value: PSValue, any typeNames: [String]) -> Bool {
        // An object from an endpoint (`Deserialized.X`) takes part in X's views.
        let names = of(value).map { $0.hasPrefix("Deserialized.") ? String($0.dropFirst("Deserialized.".count)) : $0 }
        return names.contains { name in typeNames.contains { $0.equalsIgnoringCase(name) } }
    }

    /// Property names of an object in declaration order (adapted ones for other objects).
    static func propertyNames(of value: PSValue) -> [String] {
        if let pso = value.asPSObject { return pso.propertyNames }
        return Members.propertyNames(of: value)
    }

    /// A property's value (script properties evaluated), or nil when the object has none of that name.
    static func property(_ name: String, of value: PSValue, context: ExecutionContext) -> PSValue? {
        if let pso = value.asPSObject {
            guard pso.hasProperty(name) else { return nil }
            if pso.property(name)?.getter != nil, let computed = try? Members.getMember(value, name, context: context) {
                return computed
            }
            return pso[name]
        }
        let member = try? Members.getMember(value, name, context: context)
        if let member, !member.isNull { return member }
        return nil
    }
}

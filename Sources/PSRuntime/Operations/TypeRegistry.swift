/// The table of types pcsh knows: full names, accelerators and base types.
enum TypeRegistry {
    struct Entry: Sendable {
        let fullName: String
        let kind: PSTypeInfo.Kind
        let bases: [String]
        let aliases: [String]
    }

    private static let valueType = ["System.ValueType", "System.Object"]
    private static let objectBase = ["System.Object"]
    private static let enumBase = ["System.Enum", "System.ValueType", "System.Object"]

    static let entries: [Entry] = [
        Entry(fullName: "System.Object", kind: .object, bases: [], aliases: ["object"]),
        Entry(fullName: "System.ValueType", kind: .valueType, bases: objectBase, aliases: []),
        Entry(fullName: "System.String", kind: .string, bases: objectBase, aliases: ["string"]),
        Entry(fullName: "System.Char", kind: .char, bases: valueType, aliases: ["char"]),
        Entry(fullName: "System.Boolean", kind: .bool, bases: valueType, aliases: ["bool"]),
        Entry(fullName: "System.Int32", kind: .int32, bases: valueType, aliases: ["int", "int32"]),
        Entry(fullName: "System.Int64", kind: .int64, bases: valueType, aliases: ["long", "int64"]),
        Entry(fullName: "System.Double", kind: .double, bases: valueType, aliases: ["double"]),
        Entry(fullName: "System.Single", kind: .single, bases: valueType, aliases: ["float", "single"]),
        Entry(fullName: "System.Decimal", kind: .decimal, bases: valueType, aliases: ["decimal"]),
        Entry(fullName: "System.Byte", kind: .byte, bases: valueType, aliases: ["byte"]),
        Entry(fullName: "System.SByte", kind: .sbyte, bases: valueType, aliases: ["sbyte"]),
        Entry(fullName: "System.Int16", kind: .int16, bases: valueType, aliases: ["short", "int16"]),
        Entry(fullName: "System.UInt16", kind: .uint16, bases: valueType, aliases: ["ushort", "uint16"]),
        Entry(fullName: "System.UInt32", kind: .uint32, bases: valueType, aliases: ["uint", "uint32"]),
        Entry(fullName: "System.UInt64", kind: .uint64, bases: valueType, aliases: ["ulong", "uint64"]),
        Entry(fullName: "System.Numerics.BigInteger", kind: .bigInteger, bases: valueType, aliases: ["bigint"]),
        Entry(fullName: "System.DateTime", kind: .dateTime, bases: valueType, aliases: ["datetime"]),
        Entry(fullName: "System.TimeSpan", kind: .timeSpan, bases: valueType, aliases: ["timespan"]),
        Entry(fullName: "System.Guid", kind: .guid, bases: valueType, aliases: ["guid"]),
        Entry(fullName: "System.Version", kind: .version, bases: objectBase, aliases: ["version"]),
        Entry(fullName: "System.Text.RegularExpressions.Regex", kind: .regex, bases: objectBase, aliases: ["regex"]),
        Entry(fullName: "System.Xml.XmlDocument", kind: .xml, bases: ["System.Xml.XmlNode", "System.Object"], aliases: ["xml"]),
        Entry(fullName: "System.Management.Automation.ScriptBlock", kind: .scriptBlock, bases: objectBase, aliases: ["scriptblock"]),
        Entry(fullName: "System.Collections.Hashtable", kind: .hashtable, bases: objectBase, aliases: ["hashtable"]),
        Entry(fullName: "System.Collections.Specialized.OrderedDictionary", kind: .ordered, bases: objectBase, aliases: ["ordered"]),
        Entry(fullName: "System.Management.Automation.PSCustomObject", kind: .pscustomobject, bases: objectBase, aliases: ["pscustomobject"]),
        Entry(fullName: "System.Management.Automation.PSObject", kind: .psobject, bases: objectBase, aliases: ["psobject"]),
        Entry(fullName: "System.Array", kind: .array, bases: objectBase, aliases: ["array"]),
        Entry(fullName: "System.Collections.ArrayList", kind: .arrayList, bases: objectBase, aliases: []),
        Entry(fullName: "System.Management.Automation.SwitchParameter", kind: .switchParameter, bases: valueType, aliases: ["switch"]),
        Entry(fullName: "System.Void", kind: .void, bases: valueType, aliases: ["void"]),
        Entry(fullName: "System.Type", kind: .type, bases: objectBase, aliases: ["type"]),
        Entry(fullName: "System.RuntimeType", kind: .type, bases: ["System.Type", "System.Object"], aliases: []),
        Entry(fullName: "System.Math", kind: .math, bases: objectBase, aliases: ["math"]),
        Entry(fullName: "System.Convert", kind: .convert, bases: objectBase, aliases: []),
        Entry(fullName: "System.Environment", kind: .environment, bases: objectBase, aliases: []),
        Entry(fullName: "System.IO.Path", kind: .path, bases: objectBase, aliases: []),
        Entry(fullName: "System.IO.File", kind: .file, bases: objectBase, aliases: []),
        Entry(fullName: "System.IO.Directory", kind: .directory, bases: objectBase, aliases: []),
        Entry(fullName: "System.Text.StringBuilder", kind: .stringBuilder, bases: objectBase, aliases: []),
        Entry(fullName: "System.Text.Encoding", kind: .encoding, bases: objectBase, aliases: []),
        Entry(fullName: "System.Security.SecureString", kind: .other, bases: objectBase, aliases: ["securestring"]),
        Entry(fullName: "System.Management.Automation.ErrorRecord", kind: .errorRecord, bases: objectBase, aliases: []),
        Entry(fullName: "System.Text.RegularExpressions.Match", kind: .other,
              bases: ["System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture", "System.Object"], aliases: []),
        Entry(fullName: "System.Enum", kind: .valueType, bases: valueType, aliases: ["enum"]),
        Entry(fullName: "System.DayOfWeek", kind: .enumeration, bases: enumBase, aliases: []),
        Entry(fullName: "System.ConsoleColor", kind: .enumeration, bases: enumBase, aliases: []),
        Entry(fullName: "System.MidpointRounding", kind: .enumeration, bases: enumBase, aliases: []),
        Entry(fullName: "System.DateTimeKind", kind: .enumeration, bases: enumBase, aliases: []),
        Entry(fullName: "System.StringComparison", kind: .enumeration, bases: enumBase, aliases: []),
        Entry(fullName: "System.Management.Automation.ActionPreference", kind: .enumeration, bases: enumBase, aliases: []),
        Entry(fullName: "System.Management.Automation.ConfirmImpact", kind: .enumeration, bases: enumBase, aliases: []),
        Entry(fullName: "System.Management.Automation.ErrorCategory", kind: .enumeration, bases: enumBase, aliases: []),
        Entry(fullName: "System.Collections.IEnumerable", kind: .interface, bases: [], aliases: []),
        Entry(fullName: "System.Collections.ICollection", kind: .interface, bases: [], aliases: []),
        Entry(fullName: "System.Collections.IList", kind: .interface, bases: [], aliases: []),
        Entry(fullName: "System.Collections.IDictionary", kind: .interface, bases: [], aliases: []),
        Entry(fullName: "System.IComparable", kind: .interface, bases: [], aliases: []),
        Entry(fullName: "System.IFormattable", kind: .interface, bases: [], aliases: []),
    ]

    static let exceptionNames: [String] = [
        "System.Management.Automation.RuntimeException",
        "System.Management.Automation.ItemNotFoundException",
        "System.Management.Automation.SessionStateException",
        "System.Management.Automation.CommandNotFoundException",
        "System.Management.Automation.ParameterBindingException",
        "System.Management.Automation.ParseException",
        "System.Management.Automation.ValidationMetadataException",
        "System.Management.Automation.MetadataException",
        "System.Management.Automation.PSInvalidCastException",
        "System.Management.Automation.PSArgumentException",
        "System.Management.Automation.PSInvalidOperationException",
        "System.Management.Automation.PSNotSupportedException",
        "System.Management.Automation.MethodInvocationException",
        "System.Management.Automation.MethodException",
        "System.Management.Automation.PipelineStoppedException",
        "System.Management.Automation.ActionPreferenceStopException",
        "System.Management.Automation.PSArgumentOutOfRangeException",
        "System.Management.Automation.PropertyNotFoundException",
        "System.Management.Automation.ExtendedTypeSystemException",
        "System.Management.Automation.SetValueInvocationException",
        "System.Management.Automation.SetValueException",
        "System.Management.Automation.DriveNotFoundException",
        "System.Management.Automation.PSSecurityException", "System.UnauthorizedAccessException",
        "System.IO.FileNotFoundException", "System.IO.DirectoryNotFoundException", "System.IO.IOException",
        "System.DivideByZeroException", "System.OverflowException", "System.ArithmeticException",
        "System.ArgumentNullException", "System.ArgumentOutOfRangeException", "System.ArgumentException",
        "System.FormatException", "System.InvalidCastException", "System.InvalidOperationException",
        "System.NotSupportedException", "System.NotImplementedException",
        "System.IndexOutOfRangeException", "System.NullReferenceException",
        "System.Collections.Generic.KeyNotFoundException",
        "System.Text.RegularExpressions.RegexParseException", "System.Xml.XmlException",
        "System.Text.Json.JsonException", "System.SystemException", "System.ApplicationException",
        "System.Exception",
    ]

    /// Every spelling (full name, without , accelerators), lowercased, to its shared instance.
    private static let byName: [String: PSTypeInfo] = {
        var map: [String: PSTypeInfo] = [:]
        for e in entries + DotNetTypes.entries {
            let info = PSTypeInfo(fullName: e.fullName)
            let lower = e.fullName.lowercased()
            map[lower] = info
            if lower.hasPrefix("system.") { map[String(lower.dropFirst(7))] = info }
            for a in e.aliases { map[a] = info }
        }
        map["text.regularexpressions.regex"] = map["regex"]
        map["boolean"] = map["bool"]
        return map
    }()

    private static let byFullName: [String: Entry] = {
        var map: [String: Entry] = [:]
        for e in entries + DotNetTypes.entries { map[e.fullName.lowercased()] = e }
        return map
    }()

    static func entry(forFullName name: String) -> Entry? { byFullName[name.lowercased()] }

    static func shared(forName name: String) -> PSTypeInfo? { byName[name.lowercased()] }

    static let int32 = PSTypeInfo(fullName: "System.Int32")
    static let int64 = PSTypeInfo(fullName: "System.Int64")
    static let double = PSTypeInfo(fullName: "System.Double")
    static let string = PSTypeInfo(fullName: "System.String")
    static let bool = PSTypeInfo(fullName: "System.Boolean")
    static let object = PSTypeInfo(fullName: "System.Object")

    /// Interfaces the built-in values implement (for `-is [System.Collections.IList]` and friends).
    static func implements(_ v: PSValue, interface: String) -> Bool {
        let name = interface.lowercased()
        switch v {
        case .string: return name == "system.collections.ienumerable" || name == "system.icomparable"
        case .int, .long, .double, .dateTime, .char, .bool:
            return name == "system.icomparable" || (name == "system.iformattable" && !(v.asString != nil))
        case .object(let o):
            if o is PSArray { return ["system.collections.ienumerable", "system.collections.icollection", "system.collections.ilist"].contains(name) }
            if o is PSHashtable { return ["system.collections.ienumerable", "system.collections.icollection", "system.collections.idictionary"].contains(name) }
            if Numeric.boxed(o) != nil { return name == "system.icomparable" || name == "system.iformattable" }
            return false
        case .null: return false
        }
    }
}

/// A type name pcsh resolves, as tab completion lists it: the full name and its accelerators.
public struct KnownTypeName: Sendable, Equatable {
    public let fullName: String
    public let accelerators: [String]
}

extension TypeRegistry {
    /// Open generic types `PSTypeInfo.generic` builds (written with type arguments: `List[string]`).
    static let genericTypeNames = ["System.Collections.Generic.List", "System.Collections.Generic.Dictionary",
                                   "System.Collections.Generic.SortedDictionary", "System.Collections.Generic.HashSet"]
}

extension PSTypeInfo {
    /// Every type written as `[name]` that resolves: the registry, the exception types and the
    /// generic collections. Completion offers these, so it never suggests a type that fails.
    public static let knownTypeNames: [KnownTypeName] =
        (TypeRegistry.entries + DotNetTypes.entries).map { KnownTypeName(fullName: $0.fullName, accelerators: $0.aliases) }
        + TypeRegistry.exceptionNames.map { KnownTypeName(fullName: $0, accelerators: []) }
        + TypeRegistry.genericTypeNames.map { KnownTypeName(fullName: $0, accelerators: []) }
}

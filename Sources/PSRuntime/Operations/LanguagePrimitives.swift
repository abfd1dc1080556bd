import Foundation

/// PowerShell's value rules: truthiness, type names, string and numeric conversions, casts,
/// equality and ordering. Split across `LanguagePrimitives+*.swift` by concern.
public enum LanguagePrimitives {
    /// PowerShell truthiness: $null, 0, "", empty array, $false are false; a one-element array is its element's truth.
    public static func isTrue(_ v: PSValue) -> Bool {
        switch v {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .long(let l): return l != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .char(let c): return c != 0
        case .dateTime: return true
        case .object(let o):
            if let a = o as? PSArray {
                if a.items.count == 1 { return isTrue(a.items[0]) }
                return !a.items.isEmpty
            }
            if let p = o as? PSObject, let base = p.baseObject { return isTrue(base) }
            if let n = Numeric.boxed(o) { return !n.isZero }
            if let s = o as? SwitchValue { return s.isPresent }
            return true
        }
    }

    /// The full .NET type name of a value (`System.Int32`, `System.Object[]`, `System.Management.Automation.PSCustomObject`).
    public static func typeName(of v: PSValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "System.Boolean"
        case .int: return "System.Int32"
        case .long: return "System.Int64"
        case .double: return "System.Double"
        case .string: return "System.String"
        case .char: return "System.Char"
        case .dateTime: return "System.DateTime"
        case .object(let o): return objectTypeName(o)
        }
    }

    static func objectTypeName(_ o: AnyObject) -> String {
        switch o {
        case let a as PSArray: return a.typeName
        case let h as PSHashtable: return h.typeName
        case let d as PSDynamicObject: return d.dynamicTypeName
        case let p as PSObject:
            if let base = p.baseObject, p.typeNames == PSObject.customObjectTypeNames { return typeName(of: base) }
            if p.isScriptCustomObject { return "System.Management.Automation.PSCustomObject" }
            return p.typeNames.first ?? "System.Management.Automation.PSCustomObject"
        case is DecimalValue: return "System.Decimal"
        case is ScriptBlock: return "System.Management.Automation.ScriptBlock"
        case is ErrorRecord: return "System.Management.Automation.ErrorRecord"
        case let e as PSException: return e.typeName
        case is PSTypeInfo: return "System.RuntimeType"
        case let t as TypedValue: return t.psTypeName
        default:
            if let n = Numeric.boxedTypeName(o) { return n }
            return "System.Object"
        }
    }

    /// The type and its base types, most derived first (`System.Int32`, `System.ValueType`, `System.Object`).
    public static func typeNames(of v: PSValue) -> [String] {
        switch v {
        case .null: return []
        case .string: return ["System.String", "System.Object"]
        case .bool, .int, .long, .double, .char, .dateTime:
            return [typeName(of: v), "System.ValueType", "System.Object"]
        case .object(let o):
            switch o {
            case let a as PSArray:
                if a.isList { return [a.typeName, "System.Object"] }
                return [a.typeName, "System.Array", "System.Object"]
            case let p as PSObject:
                if let base = p.baseObject, p.typeNames == PSObject.customObjectTypeNames { return typeNames(of: base) }
                return p.typeNames
            case let e as PSException: return e.typeHierarchy
            case is PSHashtable, is ScriptBlock, is ErrorRecord, is PSTypeInfo:
                let name = objectTypeName(o)
                return name == "System.RuntimeType" ? [name, "System.Type", "System.Object"] : [name, "System.Object"]
            case let t as TypedValue: return t.psTypeNames
            case let e as EnumValue: return [e.typeName, "System.Enum", "System.ValueType", "System.Object"]
            default:
                let name = objectTypeName(o)
                if Numeric.boxed(o) != nil || name == "System.TimeSpan" || name == "System.Guid" {
                    return [name, "System.ValueType", "System.Object"]
                }
                return name == "System.Object" ? ["System.Object"] : [name, "System.Object"]
            }
        }
    }

    // MARK: Errors

    static func castError(_ v: PSValue, _ typeName: String, id: String, reason: String) -> RuntimeError {
        RuntimeError("Cannot convert value \"\(toString(v, context: nil))\" to type \"\(typeName)\". Error: \"\(reason)\"",
                     id: id, category: .InvalidArgument,
                     exceptionType: "System.Management.Automation.PSInvalidCastException", target: v)
    }

    /// The generic "no conversion exists" error (`ConvertToFinalInvalidCastException`).
    static func finalCastError(_ v: PSValue, _ typeName: String) -> RuntimeError {
        RuntimeError("Cannot convert the \"\(toString(v, context: nil))\" value of type \"\(LanguagePrimitives.typeName(of: v))\" to type \"\(typeName)\".",
                     id: "ConvertToFinalInvalidCastException", category: .InvalidArgument,
                     exceptionType: "System.Management.Automation.PSInvalidCastException", target: v)
    }

    static func invalidCast(_ v: PSValue, _ typeName: String) -> RuntimeError {
        if case .string = v {
            return castError(v, typeName, id: "InvalidCastFromStringToInteger", reason: "Input string was not in a correct format.")
        }
        return finalCastError(v, typeName)
    }
}

/// A runtime value class with its own .NET type name (Version, Regex, Match, StringBuilder, XML…).
public protocol TypedValue: AnyObject {
    var psTypeName: String { get }
    /// Base types after the type itself; defaults to `System.Object`.
    var psBaseTypeNames: [String] { get }
    /// The text `[string]` conversion and `ToString()` give.
    func psToString() -> String
}

extension TypedValue {
    public var psBaseTypeNames: [String] { ["System.Object"] }
    var psTypeNames: [String] { [psTypeName] + psBaseTypeNames }
}

/// A `[switch]` value (`SwitchParameter`): behaves as a bool.
public final class SwitchValue: TypedValue {
    public let isPresent: Bool
    public init(_ isPresent: Bool) { self.isPresent = isPresent }
    public var psTypeName: String { "System.Management.Automation.SwitchParameter" }
    public var psBaseTypeNames: [String] { ["System.ValueType", "System.Object"] }
    public func psToString() -> String { isPresent ? "True" : "False" }
}

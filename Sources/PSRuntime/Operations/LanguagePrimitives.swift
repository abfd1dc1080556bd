import Foundation

// STUB — to be replaced by the full implementation (conversions with PowerShell's rules).
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
            if let a = o as? PSArray { return a.items.count == 1 ? isTrue(a.items[0]) : !a.items.isEmpty }
            return true
        }
    }

    /// The string form of a value (arrays joined with $OFS from `context`, or a space).
    public static func toString(_ v: PSValue, context: ExecutionContext?) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .long(let l): return String(l)
        case .double(let d): return String(d)
        case .string(let s): return s
        case .char(let c): return String(utf16CodeUnits: [c], count: 1)
        case .dateTime(let d): return d.description
        case .object(let o):
            if let a = o as? PSArray { return a.items.map { toString($0, context: context) }.joined(separator: context?.outputFieldSeparator ?? " ") }
            return String(describing: o)
        }
    }

    public static func toInt32(_ v: PSValue) throws -> Int32 { Int32(truncatingIfNeeded: try toInt64(v)) }

    public static func toInt64(_ v: PSValue) throws -> Int64 {
        switch v {
        case .int(let i): return Int64(i)
        case .long(let l): return l
        case .double(let d): return Int64(d.rounded(.toNearestOrEven))
        case .bool(let b): return b ? 1 : 0
        case .null: return 0
        case .string(let s):
            if let l = Int64(s.trimmingCharacters(in: .whitespaces)) { return l }
            throw invalidCast(v, "System.Int64")
        default: throw invalidCast(v, "System.Int64")
        }
    }

    public static func toDouble(_ v: PSValue) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .long(let l): return Double(l)
        case .double(let d): return d
        case .null: return 0
        case .string(let s):
            if let d = Double(s.trimmingCharacters(in: .whitespaces)) { return d }
            throw invalidCast(v, "System.Double")
        default: throw invalidCast(v, "System.Double")
        }
    }

    public static func toDecimal(_ v: PSValue) throws -> Decimal { Decimal(try toDouble(v)) }

    public static func toDate(_ v: PSValue) throws -> Date {
        if case .dateTime(let d) = v { return d }
        throw invalidCast(v, "System.DateTime")
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
        case .object(let o):
            if let a = o as? PSArray { return a.typeName }
            if let h = o as? PSHashtable { return h.typeName }
            if let p = o as? PSObject { return p.typeNames.first ?? "System.Management.Automation.PSCustomObject" }
            return "System.Object"
        }
    }

    /// Converts with PowerShell's cast rules (`[int]"5"`).
    public static func convert(_ v: PSValue, to type: PSTypeInfo, context: ExecutionContext?) throws -> PSValue {
        switch type.fullName {
        case "System.Int32": return .int(try toInt32(v))
        case "System.Int64": return .long(try toInt64(v))
        case "System.Double": return .double(try toDouble(v))
        case "System.String": return .string(toString(v, context: context))
        case "System.Boolean": return .bool(isTrue(v))
        default: return v
        }
    }

    /// `-eq` semantics (the left operand's type decides).
    public static func equals(_ a: PSValue, _ b: PSValue, ignoreCase: Bool = true) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.string(let x), _):
            let y = toString(b, context: nil)
            return ignoreCase ? x.equalsIgnoringCase(y) : x == y
        default:
            if let x = try? toDouble(a), let y = try? toDouble(b) { return x == y }
            return toString(a, context: nil) == toString(b, context: nil)
        }
    }

    /// Ordering with PowerShell's rules (left operand decides); negative, zero or positive.
    public static func compare(_ a: PSValue, _ b: PSValue, ignoreCase: Bool = true) throws -> Int {
        if case .string(let x) = a {
            let y = toString(b, context: nil)
            let l = ignoreCase ? x.lowercased() : x, r = ignoreCase ? y.lowercased() : y
            return l < r ? -1 : (l == r ? 0 : 1)
        }
        let x = try toDouble(a), y = try toDouble(b)
        return x < y ? -1 : (x == y ? 0 : 1)
    }

    static func invalidCast(_ v: PSValue, _ typeName: String) -> RuntimeError {
        RuntimeError("Cannot convert value \"\(toString(v, context: nil))\" to type \"\(typeName)\".",
                     id: "InvalidCastFromStringToInteger", category: .InvalidArgument,
                     exceptionType: "System.Management.Automation.PSInvalidCastException", target: v)
    }
}

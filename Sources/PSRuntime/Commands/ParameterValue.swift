import Foundation
import PSLanguage

/// A Swift type a cmdlet parameter can have. `coerce` converts any argument to the type's
/// canonical `PSValue` form (throwing a conversion error); `init(coerced:)` then unwraps that
/// form without failing.
public protocol ParameterValue: SendableMetatype {
    /// The type name help shows (`String`, `Int32`, `String[]`).
    static var parameterTypeName: String { get }
    /// Fixed values for completion (enums); nil when any value goes.
    static var allowedValues: [String]? { get }
    /// True for collection types, which take several values.
    static var isCollection: Bool { get }
    static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue
    init(coerced: PSValue)
}

extension ParameterValue {
    public static var allowedValues: [String]? { nil }
    public static var isCollection: Bool { false }
}

extension String: ParameterValue {
    public static var parameterTypeName: String { "String" }
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        if case .string = value { return value }
        if value.isNull { return .string("") }
        return .string(LanguagePrimitives.toString(value, context: context))
    }
    public init(coerced: PSValue) { self = coerced.asString ?? "" }
}

extension Int: ParameterValue {
    public static var parameterTypeName: String { "Int32" }
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        .long(try LanguagePrimitives.toInt64(value))
    }
    public init(coerced: PSValue) {
        if case .long(let l) = coerced { self = Int(l) } else { self = 0 }
    }
}

extension Double: ParameterValue {
    public static var parameterTypeName: String { "Double" }
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        .double(try LanguagePrimitives.toDouble(value))
    }
    public init(coerced: PSValue) {
        if case .double(let d) = coerced { self = d } else { self = 0 }
    }
}

extension Bool: ParameterValue {
    public static var parameterTypeName: String { "Boolean" }
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        .bool(LanguagePrimitives.isTrue(value))
    }
    public init(coerced: PSValue) {
        if case .bool(let b) = coerced { self = b } else { self = false }
    }
}

extension Date: ParameterValue {
    public static var parameterTypeName: String { "DateTime" }
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        .dateTime(try LanguagePrimitives.toDate(value))
    }
    public init(coerced: PSValue) {
        if case .dateTime(let d) = coerced { self = d } else { self = Date(timeIntervalSince1970: 0) }
    }
}

/// `[object]`: any value, unchanged.
extension PSValue: ParameterValue {
    public static var parameterTypeName: String { "Object" }
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue { value }
    public init(coerced: PSValue) { self = coerced }
}

extension ScriptBlock: ParameterValue {
    public static var parameterTypeName: String { "ScriptBlock" }
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        if value.baseValue.asScriptBlock != nil { return value.baseValue }
        // A reference type: `-Begin $null` binds "no block" (an optional parameter then stays nil).
        if value.isNull { return .null }
        throw RuntimeError("Cannot convert the \"\(LanguagePrimitives.toString(value, context: context))\" value of type \"\(LanguagePrimitives.typeName(of: value))\" to type \"System.Management.Automation.ScriptBlock\".",
                           id: "ConvertToFinalInvalidCastException", category: .InvalidArgument,
                           exceptionType: "System.Management.Automation.PSInvalidCastException")
    }
    public convenience init(coerced: PSValue) {
        // Only reached through `Optional<ScriptBlock>` or arrays, which unwrap instances directly
        // (and give nil for $null); an empty block is the safe fallback.
        self.init(unbound: coerced.asScriptBlock ?? ScriptBlock(ast: ScriptBlockAst(extent: .empty)))
    }
}

extension PSHashtable: ParameterValue {
    public static var parameterTypeName: String { "Hashtable" }
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        if value.baseValue.asHashtable != nil { return value.baseValue }
        throw RuntimeError("Cannot convert the \"\(LanguagePrimitives.toString(value, context: context))\" value of type \"\(LanguagePrimitives.typeName(of: value))\" to type \"System.Collections.Hashtable\".",
                           id: "ConvertToFinalInvalidCastException", category: .InvalidArgument,
                           exceptionType: "System.Management.Automation.PSInvalidCastException")
    }
    public convenience init(coerced: PSValue) {
        self.init()
        if let h = coerced.asHashtable { for (k, v) in h.pairs { self[k] = v } }
    }
}

/// Optional parameters stay nil until bound.
extension Optional: ParameterValue where Wrapped: ParameterValue {
    public static var parameterTypeName: String { Wrapped.parameterTypeName }
    public static var allowedValues: [String]? { Wrapped.allowedValues }
    public static var isCollection: Bool { Wrapped.isCollection }
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        try Wrapped.coerce(value, context)
    }
    public init(coerced: PSValue) {
        if case .object(let o) = coerced, let same = o as? Wrapped {
            self = .some(same)
        } else if coerced.isNull && Wrapped.self != PSValue.self {
            // The wrapped type let $null through (a reference type such as ScriptBlock): unset.
            self = nil
        } else {
            self = .some(Wrapped(coerced: coerced))
        }
    }
}

/// Arrays (`String[]`, `Object[]`): a single value becomes a one-element array.
extension Array: ParameterValue where Element: ParameterValue {
    public static var parameterTypeName: String { Element.parameterTypeName + "[]" }
    public static var allowedValues: [String]? { Element.allowedValues }
    public static var isCollection: Bool { true }
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        let items = value.isNull && Element.self != PSValue.self ? [] : (value.enumerated ?? [value])
        return .array(try items.map { try Element.coerce($0, context) })
    }
    public init(coerced: PSValue) {
        let items = coerced.asArray?.items ?? []
        self = items.map { item in
            if case .object(let o) = item, let same = o as? Element { return same }
            return Element(coerced: item)
        }
    }
}

/// String-backed enums (`ActionPreference`, `-Encoding` names…) convert case-insensitively.
public protocol ParameterEnum: ParameterValue, CaseIterable, RawRepresentable where RawValue == String {}

extension ParameterEnum {
    public static var parameterTypeName: String { String(describing: Self.self) }
    public static var allowedValues: [String]? { allCases.map(\.rawValue) }
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        let text = LanguagePrimitives.toString(value, context: context)
        if let match = allCases.first(where: { $0.rawValue.equalsIgnoringCase(text) }) { return .string(match.rawValue) }
        let names = allCases.map(\.rawValue).joined(separator: ",")
        throw RuntimeError("Cannot convert value \"\(text)\" to type \"\(parameterTypeName)\". Use one of these values: \"\(names)\".",
                           id: "InvalidCastFromStringToEnum", category: .InvalidArgument,
                           exceptionType: "System.Management.Automation.PSInvalidCastException")
    }
    public init(coerced: PSValue) {
        self = Self(rawValue: coerced.asString ?? "") ?? Self.allCases.first!
    }
}

extension ActionPreference: ParameterEnum {}
extension ConfirmImpact: ParameterEnum {}

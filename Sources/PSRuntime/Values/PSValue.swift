import Foundation

/// A value as it flows through pcsh: in variables, through pipelines, as arguments.
///
/// Small scalars are stored inline so that arithmetic in loops allocates nothing; everything
/// else is a reference (`.object`) to a runtime class (`PSObject`, `PSArray`, `PSHashtable`,
/// `ScriptBlock`, `ErrorRecord`, boxes for .NET-like value types such as `DecimalValue`).
/// "No output" is not a value: producers emit zero values, while `.null` is a real `$null`.
public enum PSValue {
    case null
    case bool(Bool)
    /// System.Int32 — the type of integer literals.
    case int(Int32)
    /// System.Int64
    case long(Int64)
    /// System.Double
    case double(Double)
    /// System.String
    case string(String)
    /// System.Char (one UTF-16 code unit, as in .NET).
    case char(UInt16)
    /// System.DateTime
    case dateTime(Date)
    /// Any reference value or boxed value type.
    case object(AnyObject)
}

extension PSValue {
    @inlinable public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as a `PSArray`, when it is one.
    @inlinable public var asArray: PSArray? {
        if case .object(let o) = self { return o as? PSArray }
        return nil
    }

    @inlinable public var asHashtable: PSHashtable? {
        if case .object(let o) = self { return o as? PSHashtable }
        return nil
    }

    @inlinable public var asPSObject: PSObject? {
        if case .object(let o) = self { return o as? PSObject }
        return nil
    }

    @inlinable public var asScriptBlock: ScriptBlock? {
        if case .object(let o) = self { return o as? ScriptBlock }
        return nil
    }

    @inlinable public var asString: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A value wrapping a Swift array as a PowerShell `object[]`.
    public static func array(_ items: [PSValue]) -> PSValue { .object(PSArray(items)) }

    /// Strips a PSObject wrapper that only decorates a base value (as PowerShell's `.psobject.BaseObject`).
    public var baseValue: PSValue {
        if case .object(let o) = self, let pso = o as? PSObject, let base = pso.baseObject { return base }
        return self
    }

    /// Items for pipeline enumeration: arrays and other enumerable collections yield their
    /// elements; a hashtable, a string and scalars yield themselves (PowerShell's rules).
    public var enumerated: [PSValue]? {
        guard case .object(let o) = self else { return nil }
        if let a = o as? PSArray { return a.items }
        if let e = o as? PSEnumerable { return e.enumerateItems() }
        if let p = o as? PSObject, let base = p.baseObject, let items = base.enumerated { return items }
        return nil
    }
}

/// Reference types that PowerShell enumerates in a pipeline (lists, query results…).
/// Hashtables and strings are deliberately not enumerable, as in PowerShell.
public protocol PSEnumerable: AnyObject {
    func enumerateItems() -> [PSValue]
}

/// `System.Decimal`, boxed to keep `PSValue` small. Foundation's `Decimal` drops trailing
/// zeros, while .NET keeps them (`1.50d` prints `1.50`), so the scale travels alongside.
public final class DecimalValue {
    public let value: Decimal
    /// Digits after the decimal point to show at least.
    public let scale: Int
    public init(_ value: Decimal, scale: Int = 0) {
        self.value = value
        self.scale = scale
    }

    /// The scale a number written as `text` has (`"1.50"` → 2, `"2"` → 0, `"1.5e3"` → 0).
    public static func scale(ofText text: String) -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let dot = t.firstIndex(of: "."), !t.lowercased().contains("e") else { return 0 }
        return t[t.index(after: dot)...].prefix { $0.isNumber }.count
    }
}

extension PSValue {
    public static func decimal(_ d: Decimal, scale: Int = 0) -> PSValue { .object(DecimalValue(d, scale: scale)) }

    public var asDecimal: Decimal? {
        if case .object(let o) = self, let d = o as? DecimalValue { return d.value }
        return nil
    }
}

/// Any other .NET-like value type (byte, TimeSpan, Guid, Version, …): a typed box whose
/// `typeName` is the full .NET name used by `-is`, `GetType()` and formatting.
public final class BoxedValue<T> {
    public let value: T
    public let typeName: String
    public init(_ value: T, typeName: String) {
        self.value = value
        self.typeName = typeName
    }
}

extension PSValue {
    /// A TimeSpan as 100-ns ticks (.NET's unit).
    public static func timeSpan(ticks: Int64) -> PSValue { .object(BoxedValue(ticks, typeName: "System.TimeSpan")) }
    public static func guid(_ u: UUID) -> PSValue { .object(BoxedValue(u, typeName: "System.Guid")) }
    public static func byte(_ b: UInt8) -> PSValue { .object(BoxedValue(b, typeName: "System.Byte")) }

    public var asTimeSpanTicks: Int64? {
        if case .object(let o) = self, let b = o as? BoxedValue<Int64>, b.typeName == "System.TimeSpan" { return b.value }
        return nil
    }
}

/// An engine object with its own properties and methods (e.g. `$PSCmdlet`, `$MyInvocation`).
/// The member adapter asks it first.
public protocol PSDynamicObject: AnyObject {
    /// The .NET-style type name shown by `GetType()` and formatting.
    var dynamicTypeName: String { get }
    /// A property value, or nil when there is no such property.
    func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue?
    /// The result of a method, or nil when there is no such method.
    func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue?
    var dynamicPropertyNames: [String] { get }
    /// The string form (`"$obj"`, `ToString()`).
    var dynamicDescription: String { get }
}

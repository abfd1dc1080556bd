/// A PowerShell array (`object[]`, `int[]`, …) or list (`ArrayList`, `List[T]`).
/// Arrays have reference semantics like .NET arrays; `+=` builds a new array.
public final class PSArray {
    public var items: [PSValue]
    /// The element type name for typed arrays (`System.Int32` for `[int[]]`); nil for `object[]`.
    public var elementTypeName: String?
    /// True for growable lists (`ArrayList`, `List[T]`): `.Add()` works and `+=` is not needed.
    public var isList: Bool
    /// Called after a list method changed the items: a list that stands for state elsewhere
    /// (`$obj.PSObject.TypeNames`) writes it back.
    public var didMutate: (([PSValue]) -> Void)?

    public init(_ items: [PSValue] = [], elementTypeName: String? = nil, isList: Bool = false) {
        self.items = items
        self.elementTypeName = elementTypeName
        self.isList = isList
    }

    public var count: Int { items.count }

    /// The .NET type name of this collection.
    public var typeName: String {
        if isList {
            if let e = elementTypeName { return "System.Collections.Generic.List`1[\(e)]" }
            return "System.Collections.ArrayList"
        }
        return (elementTypeName ?? "System.Object") + "[]"
    }
}

/// A hashtable: case-insensitive string keys, any other key by value. Keeps insertion order
/// (for `[ordered]` this is the contract; for plain `@{}` it gives stable, readable output).
public final class PSHashtable {
    public private(set) var keys: [PSValue] = []
    public private(set) var values: [PSValue] = []
    private var index: [HashtableKey: Int] = [:]
    /// True for `[ordered]` (System.Collections.Specialized.OrderedDictionary).
    public var isOrdered: Bool

    public init(ordered: Bool = false) { self.isOrdered = ordered }

    public var count: Int { keys.count }

    public var typeName: String {
        isOrdered ? "System.Collections.Specialized.OrderedDictionary" : "System.Collections.Hashtable"
    }

    public subscript(key: PSValue) -> PSValue? {
        get {
            guard let i = index[HashtableKey(key)] else { return nil }
            return values[i]
        }
        set {
            let k = HashtableKey(key)
            if let i = index[k] {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                    rebuildIndex()
                }
            } else if let newValue {
                index[k] = keys.count
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    public subscript(string key: String) -> PSValue? {
        get { self[.string(key)] }
        set { self[.string(key)] = newValue }
    }

    public func containsKey(_ key: PSValue) -> Bool { index[HashtableKey(key)] != nil }

    /// Adds a key that must not exist yet; returns false when it does (`.Add()` and `@{}` literals error then).
    @discardableResult
    public func add(_ key: PSValue, _ value: PSValue) -> Bool {
        let k = HashtableKey(key)
        if index[k] != nil { return false }
        index[k] = keys.count
        keys.append(key)
        values.append(value)
        return true
    }

    public func remove(_ key: PSValue) { self[key] = nil }

    public func removeAll() {
        keys.removeAll()
        values.removeAll()
        index.removeAll()
    }

    public var pairs: Zip2Sequence<[PSValue], [PSValue]> { zip(keys, values) }

    public func copy() -> PSHashtable {
        let c = PSHashtable(ordered: isOrdered)
        c.keys = keys
        c.values = values
        c.index = index
        return c
    }

    private func rebuildIndex() {
        index.removeAll(keepingCapacity: true)
        for (i, k) in keys.enumerated() { index[HashtableKey(k)] = i }
    }
}

/// Hashing for hashtable keys: strings ignore case; numbers compare by value across int/long/double;
/// objects by identity.
struct HashtableKey: Hashable {
    private enum Repr: Hashable {
        case null
        case bool(Bool)
        case number(Double)
        case string(CaseInsensitiveKey)
        case identity(ObjectIdentifier)
        case date(Double)
    }
    private let repr: Repr

    init(_ value: PSValue) {
        switch value {
        case .null: repr = .null
        case .bool(let b): repr = .bool(b)
        case .int(let i): repr = .number(Double(i))
        case .long(let l): repr = .number(Double(l))
        case .double(let d): repr = .number(d)
        case .string(let s): repr = .string(CaseInsensitiveKey(s))
        case .char(let c): repr = .string(CaseInsensitiveKey(String(utf16CodeUnits: [c], count: 1)))
        case .dateTime(let d): repr = .date(d.timeIntervalSinceReferenceDate)
        case .object(let o):
            if let d = o as? DecimalValue {
                repr = .number(NSDecimalNumber(decimal: d.value).doubleValue)
            } else if let p = o as? PSObject, let base = p.baseObject {
                self = HashtableKey(base)
                return
            } else {
                repr = .identity(ObjectIdentifier(o))
            }
        }
    }
}

import Foundation

import Foundation

extension Members {
    /// `$x[i]`: arrays and lists (negative from the end, out of range → $null, several indices →
    /// a slice), strings (chars), hashtables (keys), XML nodes (child elements), scalars (`5[0]` is 5).
    public static func getIndex(_ target: PSValue, _ index: PSValue, context: ExecutionContext) throws -> PSValue {
        if let a = target.asArray, case .int(let i) = index {
            let n = i < 0 ? a.items.count + Int(i) : Int(i)
            return n >= 0 && n < a.items.count ? a.items[n] : .null
        }
        switch target {
        case .null:
            throw RuntimeError("Cannot index into a null array.", id: "NullArray", category: .InvalidOperation,
                               exceptionType: "System.Management.Automation.RuntimeException")
        case .string(let s):
            let units = Array(s.utf16)
            func charAt(_ v: PSValue) throws -> PSValue? {
                let i = Int(try LanguagePrimitives.toInt32(v))
                let n = i < 0 ? units.count + i : i
                return n >= 0 && n < units.count ? .char(units[n]) : nil
            }
            if let many = index.enumerated { return .array(try many.compactMap(charAt)) }
            return try charAt(index) ?? .null
        case .object(let o):
            if let a = o as? PSArray { return try arrayIndex(a, index) }
            if let indexable = o as? PSIndexableObject { return try indexable.dynamicIndex(index, context: context) }
            if let h = o as? PSHashtable {
                if let keys = index.enumerated { return .array(keys.compactMap { dictionaryValue(h, $0) }) }
                return dictionaryValue(h, index) ?? .null
            }
            if let p = o as? PSObject {
                if let base = p.baseObject { return try getIndex(base, index, context: context) }
                if case .string(let name) = index.baseValue { return try getMember(target, name, context: context) }
                return try scalarIndex(target, index)
            }
            if let x = o as? XmlNodeValue, case .string(let name) = index.baseValue {
                return x.elements.first { $0.name == name }.map { .object($0) } ?? .null
            }
            if let m = o as? MatchValue {
                return try getIndex(.object(PSArray(m.groups.map { .object($0) })), index, context: context)
            }
            if o is PSTypeInfo { return try scalarIndex(target, index) }
            if Numeric.boxed(o) != nil || o is TypedValue || target.asTimeSpanTicks != nil || target.asGuid != nil {
                return try scalarIndex(target, index)
            }
            throw cannotIndex(target)
        default:
            return try scalarIndex(target, index)
        }
    }

    /// A dictionary's value for an index: an ordered dictionary takes an `[int]` as a position
    /// (its `Item(int)` overload, negative from the end); anything else is a key.
    static func dictionaryValue(_ h: PSHashtable, _ index: PSValue) -> PSValue? {
        if let position = orderedPosition(h, index) { return position < h.count ? h.values[position] : nil }
        return h[index]
    }

    /// The position an `[int]` index means in an ordered dictionary (possibly out of range); nil
    /// when the index is a key.
    static func orderedPosition(_ h: PSHashtable, _ index: PSValue) -> Int? {
        guard h.isOrdered, case .int(let i) = index else { return nil }
        let n = i < 0 ? h.count + Int(i) : Int(i)
        return n >= 0 ? n : Int.max
    }

    private static func arrayIndex(_ a: PSArray, _ index: PSValue) throws -> PSValue {
        if let many = index.enumerated {
            var out: [PSValue] = []
            for i in many {
                let v = try arrayIndex(a, i)
                if !(v.isNull && !inRange(a, i)) { out.append(v) }
            }
            return .array(out)
        }
        if case .string(let name) = index.baseValue, Int(name) == nil,
           a.items.allSatisfy({ if case .object(let o) = $0 { return o is GroupValue }; return false }) {
            for case .object(let o) in a.items { if let g = o as? GroupValue, g.name == name { return .object(g) } }
            return .null
        }
        let i = Int(try LanguagePrimitives.toInt32(index))
        let n = i < 0 ? a.items.count + i : i
        return n >= 0 && n < a.items.count ? a.items[n] : .null
    }

    private static func inRange(_ a: PSArray, _ index: PSValue) -> Bool {
        guard let i = try? LanguagePrimitives.toInt32(index) else { return false }
        let n = i < 0 ? a.items.count + Int(i) : Int(i)
        return n >= 0 && n < a.items.count
    }

    /// A scalar behaves as a one-element collection: `[0]` and `[-1]` are the value itself.
    private static func scalarIndex(_ target: PSValue, _ index: PSValue) throws -> PSValue {
        if let many = index.enumerated {
            return .array(try many.compactMap { try scalarIndex(target, $0) }.filter { !$0.isNull })
        }
        guard let i = try? LanguagePrimitives.toInt32(index) else { throw cannotIndex(target) }
        return i == 0 || i == -1 ? target : .null
    }

    static func cannotIndex(_ target: PSValue) -> RuntimeError {
        RuntimeError("Unable to index into an object of type \"\(LanguagePrimitives.typeName(of: target))\".",
                     id: "CannotIndex", category: .InvalidOperation, target: target)
    }

    /// `$x[i] = v`: arrays (in range only), lists, hashtables (add or overwrite), PSObject properties.
    public static func setIndex(_ target: PSValue, _ index: PSValue, _ value: PSValue, context: ExecutionContext) throws {
        switch target {
        case .null:
            throw RuntimeError("Cannot index into a null array.", id: "NullArray", category: .InvalidOperation)
        case .object(let o):
            if let a = o as? PSArray {
                let i = Int(try LanguagePrimitives.toInt32(index))
                let n = i < 0 ? a.items.count + i : i
                guard n >= 0, n < a.items.count else {
                    if a.isList {
                        throw RuntimeError("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')",
                                           id: "ArgumentOutOfRangeException", category: .NotSpecified,
                                           exceptionType: "System.ArgumentOutOfRangeException", target: index)
                    }
                    throw RuntimeError("Index was outside the bounds of the array.", id: "IndexOutOfRange",
                                       category: .InvalidOperation, exceptionType: "System.IndexOutOfRangeException", target: index)
                }
                var converted = value
                if let e = a.elementTypeName, let type = PSTypeInfo.resolve(name: e) {
                    converted = try LanguagePrimitives.convert(value, to: type, context: context)
                }
                a.items[n] = converted
                return
            }
            if let h = o as? PSHashtable {
                if index.isNull {
                    throw RuntimeError("Index operation failed; the array index evaluated to null.", id: "NullArrayIndex",
                                       category: .InvalidOperation)
                }
                if let position = orderedPosition(h, index) {
                    guard position < h.count else {
                        throw RuntimeError("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')",
                                           id: "ArgumentOutOfRangeException", category: .NotSpecified,
                                           exceptionType: "System.ArgumentOutOfRangeException", target: index)
                    }
                    h[h.keys[position]] = value
                    return
                }
                h[index] = value
                return
            }
            if let p = o as? PSObject {
                if let base = p.baseObject, !(base.asString != nil) { try setIndex(base, index, value, context: context); return }
                if case .string(let name) = index.baseValue { p[name] = value; return }
            }
            throw cannotIndex(target)
        default:
            throw cannotIndex(target)
        }
    }
}

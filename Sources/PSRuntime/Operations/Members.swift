import Foundation
import PSLanguage

/// Properties, methods and indexing on values, as PowerShell's adapters expose them: PSObject
/// note/script properties, hashtable keys, member enumeration over arrays, and a curated set of
/// .NET members for strings, collections, dates, regexes… (`Members+*.swift`).
public enum Members {
    // MARK: Properties

    public static func getMember(_ target: PSValue, _ name: String, context: ExecutionContext) throws -> PSValue {
        if let value = try property(target, name, context: context) { return value }
        return .null
    }

    /// A property's value, or nil when the value has no such property.
    static func property(_ target: PSValue, _ name: String, context: ExecutionContext) throws -> PSValue? {
        if case .object(let o) = target, let dynamic = o as? PSDynamicObject {
            return try dynamic.dynamicProperty(name, context: context)
        }
        switch target {
        case .null:
            return name.equalsIgnoringCase("Count") || name.equalsIgnoringCase("Length") ? .int(0) : nil
        case .string(let s):
            if name.equalsIgnoringCase("Length") { return .int(Int32(clamping: s.utf16.count)) }
        case .dateTime(let d):
            if let v = dateProperty(d, name) { return v }
        case .object(let o):
            if let p = o as? PSObject { return try psObjectProperty(p, target, name, context: context) }
            if let h = o as? PSHashtable { return hashtableProperty(h, name) }
            if let a = o as? PSArray { return try arrayProperty(a, name, context: context) }
            if let v = try objectProperty(o, target, name, context: context) { return v }
        default: break
        }
        if let v = universalProperty(target, name) { return v }
        return nil
    }

    /// Members every value has: `.psobject`, `.pstypenames`, and the intrinsic `.Count`/`.Length` of 1.
    static func universalProperty(_ target: PSValue, _ name: String) -> PSValue? {
        switch name.lowercased() {
        case "psobject": return .object(PSMemberSetValue(target))
        case "pstypenames":
            let names = target.asPSObject?.typeNames ?? LanguagePrimitives.typeNames(of: target)
            return .object(PSArray(names.map { .string($0) }, isList: true))
        case "count", "length": return .int(1)
        default: return nil
        }
    }

    private static func psObjectProperty(_ p: PSObject, _ target: PSValue, _ name: String, context: ExecutionContext) throws -> PSValue? {
        if let prop = p.property(name) {
            if let getter = prop.getter {
                return ScriptBlockCalls.collapse(try ScriptBlockCalls.invoke(getter, this: target, arguments: [], context: context))
            }
            return prop.value
        }
        if name.equalsIgnoringCase("psobject") || name.equalsIgnoringCase("pstypenames") { return universalProperty(target, name) }
        if let base = p.baseObject { return try property(base, name, context: context) }
        return universalProperty(target, name)
    }

    static func hashtableProperty(_ h: PSHashtable, _ name: String) -> PSValue? {
        if let v = h[string: name] { return v }
        switch name.lowercased() {
        case "count": return .int(Int32(h.count))
        case "keys": return .array(h.keys)
        case "values": return .array(h.values)
        case "isreadonly", "isfixedsize", "issynchronized": return .bool(false)
        case "psobject", "pstypenames": return universalProperty(.object(h), name)
        default: return nil
        }
    }

    private static func arrayProperty(_ a: PSArray, _ name: String, context: ExecutionContext) throws -> PSValue? {
        switch name.lowercased() {
        case "count": return .int(Int32(a.count))
        case "length" where !a.isList: return .int(Int32(a.count))
        case "longlength" where !a.isList: return .long(Int64(a.count))
        case "rank" where !a.isList: return .int(1)
        case "isfixedsize": return .bool(!a.isList)
        case "isreadonly", "issynchronized": return .bool(false)
        case "capacity" where a.isList: return .int(Int32(max(a.count, 4)))
        case "psobject", "pstypenames": return universalProperty(.object(a), name)
        default: break
        }
        // Member enumeration: the property of every element that has it.
        var results: [PSValue] = []
        for item in a.items where !item.isNull {
            guard let v = try property(item, name, context: context) else { continue }
            if item.asArray == nil, let inner = v.asArray, !inner.isList { results.append(contentsOf: inner.items) } else { results.append(v) }
        }
        if results.isEmpty { return nil }
        return results.count == 1 ? results[0] : .array(results)
    }

    public static func setMember(_ target: PSValue, _ name: String, _ value: PSValue, context: ExecutionContext) throws {
        if case .object(let o) = target, let settable = o as? PSSettableObject,
           try settable.setDynamicProperty(name, value, context: context) { return }
        if case .object(let o) = target, let info = o as? PSPropertyInfoValue, let owner = info.owner, name.equalsIgnoringCase("Value") {
            try setMember(owner, info.name, value, context: context)
            return
        }
        switch target {
        case .object(let o):
            if let p = o as? PSObject {
                if let definition = p.scriptClass, try ScriptClasses.setProperty(p, definition, name, value, context: context) {
                    return
                }
                if p.hasProperty(name) {
                    if p.property(name)?.getter != nil { throw readOnlyProperty(name) }
                    p[name] = value
                    return
                }
                if let base = p.baseObject, !base.isNull, (try? setMember(base, name, value, context: context)) != nil { return }
                throw propertyNotFound(name)
            }
            if let h = o as? PSHashtable { h[string: name] = value; return }
            if let t = o as? PSTypeInfo, let definition = t.scriptType,
               try ScriptClasses.setStaticProperty(definition, name, value, context: context) {
                return
            }
            if let x = o as? XmlNodeValue {
                let text = LanguagePrimitives.toString(value, context: context)
                if x.attribute(name) != nil { x.setAttribute(name, text); return }
                if let child = x.elements.first(where: { $0.name.equalsIgnoringCase(name) }) { child.setInnerText(text); return }
                if name.equalsIgnoringCase("InnerText") || name == "#text" { x.setInnerText(text); return }
                throw propertyNotFound(name)
            }
            if let sb = o as? StringBuilderValue, name.equalsIgnoringCase("Length") {
                let n = Int(try LanguagePrimitives.toInt32(value))
                let units = Array(sb.text.utf16)
                sb.text = n <= units.count ? String(decoding: units.prefix(n), as: UTF16.self) : sb.text + String(repeating: "\0", count: n - units.count)
                return
            }
            if try property(target, name, context: context) != nil { throw readOnlyProperty(name) }
            throw propertyNotFound(name)
        default:
            if !target.isNull, try property(target, name, context: context) != nil { throw readOnlyProperty(name) }
            throw propertyNotFound(name)
        }
    }

    static func propertyNotFound(_ name: String) -> RuntimeError {
        RuntimeError("The property '\(name)' cannot be found on this object. Verify that the property exists and can be set.",
                     id: "PropertyAssignmentException", category: .InvalidOperation,
                     exceptionType: "System.Management.Automation.RuntimeException", target: .string(name))
    }

    static func readOnlyProperty(_ name: String) -> RuntimeError {
        RuntimeError("'\(name)' is a ReadOnly property.", id: "PropertyAssignmentException", category: .InvalidOperation,
                     exceptionType: "System.Management.Automation.SetValueException", target: .string(name))
    }

    // MARK: Property listing

    /// Property names in display order (for `Select-Object *`, formatting and Get-Member).
    public static func propertyNames(of value: PSValue) -> [String] {
        switch value {
        case .string: return ["Length"]
        case .dateTime: return dateTimePropertyNames
        case .object(let o):
            if let d = o as? PSDynamicObject { return d.dynamicPropertyNames }
            if let p = o as? PSObject {
                if let definition = p.scriptClass { return ScriptClasses.visiblePropertyNames(p, definition) }
                var names = p.propertyNames
                if let base = p.baseObject {
                    for n in propertyNames(of: base) where !names.contains(where: { $0.equalsIgnoringCase(n) }) { names.append(n) }
                }
                return names
            }
            if o is PSHashtable { return ["IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot", "Count"] }
            if let a = o as? PSArray { return a.isList ? ["Capacity", "Count", "IsFixedSize", "IsReadOnly", "IsSynchronized"] : ["Length", "LongLength", "Rank", "IsReadOnly", "IsFixedSize", "IsSynchronized", "Count"] }
            return objectPropertyNames(o, value)
        default: return []
        }
    }

    /// True when the value has the property (PSObject note/script properties, hashtable keys, adapted members).
    public static func hasProperty(_ value: PSValue, _ name: String) -> Bool {
        if let p = value.asPSObject {
            if p.hasProperty(name) { return true }
            if let base = p.baseObject { return hasProperty(base, name) }
            return false
        }
        if let h = value.asHashtable { return h.containsKey(.string(name)) }
        return propertyNames(of: value).contains { $0.equalsIgnoringCase(name) }
    }

    // MARK: Methods

    public static func invokeMethod(_ target: PSValue, _ name: String, _ arguments: [PSValue], context: ExecutionContext) throws -> PSValue {
        if case .object(let o) = target, let dynamic = o as? PSDynamicObject,
           let result = try dynamic.dynamicMethod(name, arguments: arguments, context: context) {
            return result
        }
        let call = MethodCall(target: target, name: name, arguments: arguments, context: context)
        if let result = try dispatchMethod(call) { return result }
        if target.isNull {
            throw RuntimeError("You cannot call a method on a null-valued expression.", id: "InvokeMethodOnNull",
                               category: .InvalidOperation)
        }
        if let items = target.baseValue.asArray?.items, !items.isEmpty {
            return try enumerateMethod(items, name, arguments, context: context)
        }
        throw Operators.methodNotFound(target.baseValue, name)
    }

    /// Member enumeration for a method the collection itself lacks: it is called on every item
    /// (nested collections too), results flattened; the first item without it fails the call.
    private static func enumerateMethod(_ items: [PSValue], _ name: String, _ arguments: [PSValue],
                                        context: ExecutionContext) throws -> PSValue {
        var results: [PSValue] = []
        for item in items {
            let result = try invokeMethod(item, name, arguments, context: context)
            // A void method gives nothing (pcsh's void methods return $null).
            if result.isNull { continue }
            if let many = result.enumerated { results.append(contentsOf: many) } else { results.append(result) }
        }
        return results.count == 1 ? results[0] : results.isEmpty ? .null : .array(results)
    }

    static func dispatchMethod(_ call: MethodCall) throws -> PSValue? {
        let target = call.target
        switch target {
        case .null: return nil
        case .string(let s): if let r = try stringMethod(s, call) { return r }
        case .dateTime(let d): if let r = try dateMethod(d, call) { return r }
        case .object(let o):
            if let p = o as? PSObject {
                if let definition = p.scriptClass,
                   let result = try ScriptClasses.invokeMethod(p, definition, call.name, call.arguments, context: call.context) {
                    return result
                }
                if let block = p.scriptMethods[CaseInsensitiveKey(call.name)] {
                    return ScriptBlockCalls.collapse(try ScriptBlockCalls.invoke(block, this: target, arguments: call.arguments, context: call.context))
                }
                if let base = p.baseObject {
                    if let r = try dispatchMethod(MethodCall(target: base, name: call.name, arguments: call.arguments, context: call.context)) { return r }
                }
            } else if let a = o as? PSArray {
                if let r = try arrayMethod(a, call) { return r }
            } else if let h = o as? PSHashtable {
                if let r = try hashtableMethod(h, call) { return r }
            } else if let r = try objectMethod(o, call) {
                return r
            }
        default: break
        }
        return try commonMethod(call)
    }

    /// `ToString()`, `GetType()`, `Equals()`, `GetHashCode()`, `CompareTo()` on any value.
    private static func commonMethod(_ call: MethodCall) throws -> PSValue? {
        let target = call.target
        switch call.name.lowercased() {
        case "tostring":
            if call.arguments.isEmpty { return .string(LanguagePrimitives.dotNetToString(target, context: call.context)) }
            if call.arguments.count <= 2 {
                let v = target.baseValue
                if LanguagePrimitives.isNumeric(v) || v.asTimeSpanTicks != nil {
                    return .string(DotNetFormat.format(v, call.string(0)))
                }
            }
            throw call.overloadError()
        case "gettype":
            try call.count(0...0)
            return .object(PSTypeInfo.of(target))
        case "equals":
            try call.count(1...1)
            return .bool(valueEquals(target, call.arguments[0]))
        case "gethashcode":
            try call.count(0...0)
            var hasher = Hasher()
            hasher.combine(LanguagePrimitives.toString(target, context: nil))
            return .int(Int32(truncatingIfNeeded: hasher.finalize()))
        case "compareto":
            try call.count(1...1)
            return .int(Int32(try call.wrapping { try LanguagePrimitives.compare(target, call.arguments[0], ignoreCase: false) }.signum()))
        default:
            return nil
        }
    }

    /// .NET `Equals`: same type and value (strings case-sensitive), references by identity.
    static func valueEquals(_ a: PSValue, _ b: PSValue) -> Bool {
        let x = a.baseValue, y = b.baseValue
        switch (x, y) {
        case (.string(let s), .string(let t)): return s == t
        case (.string, _): return false
        case (.object(let o), .object(let p)) where Numeric.boxed(o) == nil && o as? VersionValue == nil && o as? BoxedValue<UUID> == nil
                                                  && x.asTimeSpanTicks == nil:
            return o === p
        default:
            guard LanguagePrimitives.typeName(of: x) == LanguagePrimitives.typeName(of: y) else { return false }
            return LanguagePrimitives.equals(x, y, ignoreCase: false)
        }
    }
}

/// One method call: its arguments with conversions that report PowerShell's errors.
struct MethodCall {
    let target: PSValue
    let name: String
    let arguments: [PSValue]
    let context: ExecutionContext

    var count: Int { arguments.count }

    /// Throws "Cannot find an overload…" unless the argument count is in `range`.
    func count(_ range: ClosedRange<Int>) throws {
        if !range.contains(arguments.count) { throw overloadError() }
    }

    func overloadError() -> RuntimeError {
        RuntimeError("Cannot find an overload for \"\(name)\" and the argument count: \"\(arguments.count)\".",
                     id: "MethodCountCouldNotFindBest", category: .NotSpecified,
                     exceptionType: "System.Management.Automation.MethodException", target: target)
    }

    func string(_ i: Int) -> String {
        i < arguments.count ? LanguagePrimitives.toString(arguments[i], context: context) : ""
    }

    func int(_ i: Int) throws -> Int {
        do {
            return Int(try LanguagePrimitives.toInt32(arguments[i]))
        } catch let error as RuntimeError {
            throw conversionError(i, "System.Int32", error)
        }
    }

    func double(_ i: Int) throws -> Double {
        do {
            return try LanguagePrimitives.toDouble(arguments[i])
        } catch let error as RuntimeError {
            throw conversionError(i, "System.Double", error)
        }
    }

    func bool(_ i: Int) -> Bool { LanguagePrimitives.isTrue(arguments[i]) }

    func conversionError(_ i: Int, _ typeName: String, _ error: RuntimeError) -> RuntimeError {
        RuntimeError("Cannot convert argument \"\(i)\", with value: \"\(LanguagePrimitives.toString(arguments[i], context: nil))\", for \"\(name)\" to type \"\(typeName)\": \"\(error.record.message)\"",
                     id: "MethodArgumentConversionInvalidCastArgument", category: .NotSpecified,
                     exceptionType: "System.Management.Automation.MethodException", target: arguments[i])
    }

    /// A .NET exception thrown by the method, wrapped as PowerShell does
    /// (`Exception calling "X" with "N" argument(s): "…"`, id = the exception's short type name).
    func failure(_ exceptionType: String, _ message: String) -> RuntimeError {
        let shortName = exceptionType.split(separator: ".").last.map(String.init) ?? exceptionType
        let inner = PSException(typeName: exceptionType, message: message)
        let outer = PSException(typeName: "System.Management.Automation.MethodInvocationException",
                                message: "Exception calling \"\(name)\" with \"\(arguments.count)\" argument(s): \"\(message)\"",
                                innerException: inner)
        return RuntimeError(ErrorRecord(exception: outer, errorId: shortName, category: .NotSpecified, targetObject: target))
    }

    /// Runs a body whose RuntimeErrors become method-invocation failures.
    func wrapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RuntimeError {
            let type = error.record.exception.typeName
            throw failure(type.hasSuffix("PSInvalidCastException") ? "System.InvalidCastException" : type, error.record.message)
        }
    }
}

import PSLanguage

// STUB — to be replaced by the full member adapter (properties/methods of strings, arrays, hashtables, dates…).
public enum Members {
    public static func getMember(_ target: PSValue, _ name: String, context: ExecutionContext) throws -> PSValue {
        if let o = target.asPSObject { return o[name] ?? .null }
        if let h = target.asHashtable { return h[string: name] ?? .null }
        return .null
    }

    public static func setMember(_ target: PSValue, _ name: String, _ value: PSValue, context: ExecutionContext) throws {
        if let o = target.asPSObject { o[name] = value; return }
        if let h = target.asHashtable { h[string: name] = value; return }
        throw RuntimeError("The property '\(name)' cannot be found on this object.", id: "PropertyNotFound", category: .InvalidOperation)
    }

    public static func invokeMethod(_ target: PSValue, _ name: String, _ arguments: [PSValue], context: ExecutionContext) throws -> PSValue {
        throw RuntimeError("Method invocation failed because [\(LanguagePrimitives.typeName(of: target))] does not contain a method named '\(name)'.",
                           id: "MethodNotFound", category: .InvalidOperation)
    }

    public static func getStaticMember(_ type: PSTypeInfo, _ name: String, context: ExecutionContext) throws -> PSValue { .null }

    public static func invokeStaticMethod(_ type: PSTypeInfo, _ name: String, _ arguments: [PSValue], context: ExecutionContext) throws -> PSValue {
        throw RuntimeError("Method invocation failed because [\(type.fullName)] does not contain a method named '\(name)'.",
                           id: "MethodNotFound", category: .InvalidOperation)
    }

    public static func getIndex(_ target: PSValue, _ index: PSValue, context: ExecutionContext) throws -> PSValue {
        if let a = target.asArray, case .int(let i) = index {
            let n = Int(i) < 0 ? a.items.count + Int(i) : Int(i)
            return n >= 0 && n < a.items.count ? a.items[n] : .null
        }
        if let h = target.asHashtable { return h[index] ?? .null }
        return .null
    }

    public static func setIndex(_ target: PSValue, _ index: PSValue, _ value: PSValue, context: ExecutionContext) throws {
        if let a = target.asArray, case .int(let i) = index { a.items[Int(i)] = value; return }
        if let h = target.asHashtable { h[index] = value; return }
    }
}

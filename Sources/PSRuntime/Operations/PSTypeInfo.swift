import PSLanguage

// STUB — to be replaced by the full type registry.
/// A type pcsh knows by name: `[int]`, `[string[]]`, `[datetime]`, `[pscustomobject]`…
public final class PSTypeInfo {
    public let fullName: String
    public let elementType: PSTypeInfo?

    public init(fullName: String, elementType: PSTypeInfo? = nil) {
        self.fullName = fullName
        self.elementType = elementType
    }

    /// Resolves a type written in source; nil when unknown.
    public static func resolve(_ typeName: TypeName) -> PSTypeInfo? {
        if let element = typeName.elementTypeName {
            guard let e = resolve(element) else { return nil }
            return PSTypeInfo(fullName: e.fullName + "[]", elementType: e)
        }
        return resolve(name: typeName.name)
    }

    public static func resolve(name: String) -> PSTypeInfo? {
        switch name.lowercased() {
        case "int", "int32", "system.int32": return PSTypeInfo(fullName: "System.Int32")
        case "long", "int64", "system.int64": return PSTypeInfo(fullName: "System.Int64")
        case "double", "system.double": return PSTypeInfo(fullName: "System.Double")
        case "string", "system.string": return PSTypeInfo(fullName: "System.String")
        case "bool", "boolean", "system.boolean": return PSTypeInfo(fullName: "System.Boolean")
        default: return nil
        }
    }

    /// True when `value` is an instance of this type (`-is`).
    public func isInstance(_ value: PSValue) -> Bool {
        LanguagePrimitives.typeName(of: value).equalsIgnoringCase(fullName)
    }
}

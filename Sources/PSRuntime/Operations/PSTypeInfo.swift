import PSLanguage

/// A type pcsh knows by name: `[int]`, `[string[]]`, `[datetime]`, `[pscustomobject]`,
/// `[System.Collections.Generic.List[string]]`… Also the value `[int]` evaluates to and what
/// `GetType()` returns. Immutable, so instances are shared freely.
public final class PSTypeInfo: Sendable {
    public let fullName: String
    /// The element type of an array type, or the `T` of `List[T]`.
    public let elementType: PSTypeInfo?
    public let kind: Kind
    /// Base type names after the type itself, most derived first.
    public let baseTypeNames: [String]
    /// The short name PowerShell prints for the type (`int`, `string[]`), when it has an accelerator.
    let accelerator: String?
    /// The script's class or enum this type is, when a script defined it.
    public let scriptType: ScriptTypeDefinition?

    /// What a type is, for conversions and static members.
    public enum Kind: Sendable, Equatable {
        case object, valueType, string, char, bool
        case int32, int64, double, single, decimal, byte, sbyte, int16, uint16, uint32, uint64, bigInteger
        case dateTime, timeSpan, guid, version, regex, xml, scriptBlock
        case hashtable, ordered, pscustomobject, psobject, array, typedArray, arrayList, list
        case switchParameter, void, type, math, convert, environment, path, file, directory, stringBuilder
        case errorRecord, exception, encoding, interface, enumeration, other
    }

    public init(fullName: String, elementType: PSTypeInfo? = nil) {
        self.scriptType = nil
        if let elementType, fullName.hasSuffix("[]") {
            self.fullName = fullName
            self.elementType = elementType
            self.kind = .typedArray
            self.baseTypeNames = ["System.Array", "System.Object"]
            self.accelerator = elementType.accelerator.map { $0 + "[]" }
            return
        }
        if let entry = TypeRegistry.entry(forFullName: fullName) {
            self.fullName = entry.fullName
            self.kind = entry.kind
            self.baseTypeNames = entry.bases
            self.accelerator = entry.aliases.first
        } else if fullName.hasSuffix("[]"), let element = PSTypeInfo.resolve(name: String(fullName.dropLast(2))) {
            self.fullName = element.fullName + "[]"
            self.kind = .typedArray
            self.baseTypeNames = ["System.Array", "System.Object"]
            self.accelerator = element.accelerator.map { $0 + "[]" }
            self.elementType = element
            return
        } else if fullName.hasPrefix("System.Collections.Generic.List`1[") {
            self.fullName = fullName
            self.kind = .list
            self.baseTypeNames = ["System.Object"]
            self.accelerator = nil
            let inner = String(fullName.dropFirst("System.Collections.Generic.List`1[".count).dropLast())
            self.elementType = elementType ?? PSTypeInfo.resolve(name: inner)
            return
        } else if ExceptionTypes.isKnown(fullName) {
            self.fullName = fullName
            self.kind = .exception
            self.baseTypeNames = Array(ExceptionTypes.hierarchy(of: fullName).dropFirst())
            self.accelerator = nil
        } else {
            self.fullName = fullName
            self.kind = .other
            self.baseTypeNames = ["System.Object"]
            self.accelerator = nil
        }
        self.elementType = elementType
    }

    /// The type of a script's class or enum.
    init(script definition: ScriptTypeDefinition) {
        self.fullName = definition.name
        self.kind = definition.isEnum ? .enumeration : .other
        self.baseTypeNames = definition.isEnum ? ["System.Enum", "System.ValueType", "System.Object"]
            : Array(definition.instanceTypeNames.dropFirst())
        self.accelerator = nil
        self.elementType = nil
        self.scriptType = definition
    }

    private init(fullName: String, kind: Kind, bases: [String], accelerator: String?, elementType: PSTypeInfo?) {
        self.scriptType = nil
        self.fullName = fullName
        self.kind = kind
        self.baseTypeNames = bases
        self.accelerator = accelerator
        self.elementType = elementType
    }

    /// The short name (`Int32`, `Object[]`, ``List`1``), as `.Name` shows it.
    public var name: String {
        if kind == .typedArray, let e = elementType { return e.name + "[]" }
        let generic = fullName.firstIndex(of: "[").map { String(fullName[..<$0]) } ?? fullName
        return generic.split(separator: ".").last.map(String.init) ?? generic
    }

    public var namespace: String {
        let generic = fullName.firstIndex(of: "[").map { String(fullName[..<$0]) } ?? fullName
        guard let dot = generic.lastIndex(of: ".") else { return "" }
        return String(generic[..<dot])
    }

    public var isArray: Bool { kind == .typedArray || fullName == "System.Array" }
    public var isValueType: Bool { baseTypeNames.contains("System.ValueType") }

    /// .NET's `default(T)`: a value type's zero (0, $false, [char]0…), $null for a reference type.
    public func defaultValue(context: ExecutionContext) throws -> PSValue {
        if isValueType || kind == .enumeration { return try LanguagePrimitives.convert(.null, to: self, context: context) }
        return .null
    }

    /// The accelerator name when there is one (`int`, `string[]`), else the full name: what
    /// PowerShell's string conversion of a type gives.
    public var displayName: String { accelerator ?? fullName }

    public var baseType: PSTypeInfo? {
        guard let first = baseTypeNames.first else { return nil }
        return PSTypeInfo.resolve(name: first) ?? PSTypeInfo(fullName: first)
    }

    // MARK: Resolution

    /// Resolves a type written in source; nil when unknown.
    public static func resolve(_ typeName: TypeName) -> PSTypeInfo? {
        if let element = typeName.elementTypeName {
            guard let e = resolve(element) else { return nil }
            return arrayOf(e)
        }
        if !typeName.genericArguments.isEmpty {
            let args = typeName.genericArguments.compactMap { resolve($0) }
            guard args.count == typeName.genericArguments.count else { return nil }
            return generic(typeName.name, args)
        }
        return resolve(name: typeName.name)
    }

    /// Resolves a type name (case-insensitive, `System.` optional, `int[]` and `List[string]` forms).
    public static func resolve(name: String) -> PSTypeInfo? {
        var text = name.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.hasSuffix("[]") {
            guard let e = resolve(name: String(text.dropLast(2))) else { return nil }
            return arrayOf(e)
        }
        if text.hasSuffix("]"), let open = text.firstIndex(of: "[") {
            let base = String(text[..<open])
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            let args = splitGenericArguments(inner).compactMap { resolve(name: $0) }
            guard !args.isEmpty else { return nil }
            return generic(base, args)
        }
        if let shared = TypeRegistry.shared(forName: text) { return shared }
        for candidate in [text, "System." + text, "System.Management.Automation." + text] where ExceptionTypes.isKnown(candidate) {
            return PSTypeInfo(fullName: ExceptionTypes.canonicalName(candidate))
        }
        return nil
    }

    static func arrayOf(_ element: PSTypeInfo) -> PSTypeInfo {
        PSTypeInfo(fullName: element.fullName + "[]", kind: .typedArray, bases: ["System.Array", "System.Object"],
                   accelerator: element.accelerator.map { $0 + "[]" }, elementType: element)
    }

    static func generic(_ base: String, _ args: [PSTypeInfo]) -> PSTypeInfo? {
        let lower = base.lowercased()
        let argNames = args.map(\.fullName).joined(separator: ",")
        switch lower {
        case "system.collections.generic.list", "collections.generic.list", "list":
            return PSTypeInfo(fullName: "System.Collections.Generic.List`1[\(argNames)]", kind: .list,
                              bases: ["System.Object"], accelerator: nil, elementType: args[0])
        case "system.collections.generic.dictionary", "collections.generic.dictionary", "dictionary",
             "system.collections.generic.sorteddictionary", "collections.generic.sorteddictionary":
            return PSTypeInfo(fullName: "System.Collections.Generic.Dictionary`2[\(argNames)]", kind: .hashtable,
                              bases: ["System.Object"], accelerator: nil, elementType: args.last)
        case "system.collections.generic.hashset", "collections.generic.hashset", "hashset":
            return PSTypeInfo(fullName: "System.Collections.Generic.HashSet`1[\(argNames)]", kind: .list,
                              bases: ["System.Object"], accelerator: nil, elementType: args[0])
        default:
            return nil
        }
    }

    private static func splitGenericArguments(_ text: Substring) -> [String] {
        var parts: [String] = [], depth = 0, current = ""
        for c in text {
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
            if c == "," && depth == 0 { parts.append(current); current = ""; continue }
            current.append(c)
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.map {
            $0.hasPrefix("[") && $0.hasSuffix("]") ? String($0.dropFirst().dropLast()) : $0
        }
    }

    /// The type of a value, as `GetType()` returns it.
    public static func of(_ value: PSValue) -> PSTypeInfo {
        switch value {
        case .int: return TypeRegistry.int32
        case .string: return TypeRegistry.string
        case .bool: return TypeRegistry.bool
        case .double: return TypeRegistry.double
        case .long: return TypeRegistry.int64
        case .object(let o as EnumValue) where o.definition != nil:
            return o.definition!.typeInfo ?? PSTypeInfo(script: o.definition!)
        case .object(let o as PSObject) where o.scriptClass != nil:
            return o.scriptClass!.typeInfo ?? PSTypeInfo(script: o.scriptClass!)
        default:
            let name = LanguagePrimitives.typeName(of: value)
            if let array = value.asArray, !array.isList {
                if let e = array.elementTypeName, let element = resolve(name: e) { return arrayOf(element) }
                return arrayOf(TypeRegistry.object)
            }
            return TypeRegistry.shared(forName: name) ?? PSTypeInfo(fullName: name)
        }
    }

    // MARK: -is

    /// True when `value` is an instance of this type (`-is`).
    public func isInstance(_ value: PSValue) -> Bool {
        if value.isNull { return false }
        switch kind {
        case .object: return true
        case .psobject, .pscustomobject: return value.asPSObject != nil
        default: break
        }
        let v = value.baseValue
        switch kind {
        case .array:
            guard let a = v.asArray else { return false }
            return !a.isList
        case .typedArray:
            guard let a = v.asArray, !a.isList, let e = elementType else { return false }
            let actual = a.elementTypeName ?? "System.Object"
            // Arrays of reference types are covariant (a string[] is an object[]); value-type arrays are not.
            return actual.equalsIgnoringCase(e.fullName) || (e.kind == .object && actual == "System.String")
        case .exception:
            guard case .object(let o) = v, let ex = o as? PSException else { return false }
            return ex.typeHierarchy.contains { $0.equalsIgnoringCase(fullName) }
        case .interface:
            return TypeRegistry.implements(v, interface: fullName)
        case .hashtable:
            // An [ordered] dictionary is not a Hashtable.
            return v.asHashtable.map { !$0.isOrdered } ?? false
        case .ordered:
            return v.asHashtable?.isOrdered ?? false
        case .list:
            guard let a = v.asArray, a.isList, let e = a.elementTypeName, let mine = elementType else { return false }
            return e.equalsIgnoringCase(mine.fullName)
        case .switchParameter:
            if case .object(let o) = v { return o is SwitchValue }
            return false
        case .type:
            if case .object(let o) = v { return o is PSTypeInfo }
            return false
        default:
            return LanguagePrimitives.typeNames(of: v).contains { $0.equalsIgnoringCase(fullName) }
        }
    }
}

extension ExceptionTypes {
    /// True for exception type names pcsh knows (and any name ending in `Exception`).
    static func isKnown(_ name: String) -> Bool {
        let h = hierarchy(of: canonicalName(name))
        if h.count > 1 && h[1] != "System.Exception" { return true }
        return ["system.exception", "system.systemexception", "system.applicationexception"].contains(name.lowercased())
    }

    /// Known names are spelled as PowerShell does; lookups are case-insensitive.
    static func canonicalName(_ name: String) -> String {
        let lower = name.lowercased()
        for candidate in TypeRegistry.exceptionNames where candidate.lowercased() == lower { return candidate }
        return name
    }
}

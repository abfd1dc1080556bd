import PSLanguage

/// A class or enum a script defines. The session registers it when the script block holding the
/// definition starts (PowerShell defines a script's types before running it), so a type can be
/// used above its definition. Confined to the session's thread, like the rest of the engine.
public final class ScriptTypeDefinition: @unchecked Sendable {
    public let name: String
    public let isEnum: Bool
    // Enumerations
    var enumMembers: [(name: String, value: Int64)] = []
    var isFlags = false
    /// The integral type holding the values (`enum E : byte`), System.Int32 unless declared.
    var underlyingTypeName = "System.Int32"
    // Classes
    /// The script class this one derives from.
    var baseType: PSTypeInfo?
    /// Instance and static properties declared here (not inherited), in source order.
    var properties: [ScriptPropertyDefinition] = []
    var staticValues: [CaseInsensitiveKey: PSValue] = [:]
    var methods: [ScriptMethodDefinition] = []
    var constructors: [ScriptMethodDefinition] = []
    /// The type object registered for this definition (weak: the type owns the definition).
    weak var typeInfo: PSTypeInfo?

    init(name: String, isEnum: Bool) {
        self.name = name
        self.isEnum = isEnum
    }

    var baseDefinition: ScriptTypeDefinition? { baseType?.scriptType }

    /// Names of `hidden` properties here and in base classes (kept out of formatting and Get-Member).
    var hiddenPropertyNames: Set<CaseInsensitiveKey> {
        Set(lineage.flatMap { $0.properties.filter(\.isHidden).map { CaseInsensitiveKey($0.name) } })
    }

    /// This class and its script base classes, most derived first.
    var lineage: [ScriptTypeDefinition] {
        var chain: [ScriptTypeDefinition] = [self]
        while let next = chain.last?.baseDefinition, !chain.contains(where: { $0 === next }) { chain.append(next) }
        return chain
    }

    /// Type names of an instance, most derived first (what `-is` and formatting go by).
    var instanceTypeNames: [String] { lineage.map(\.name) + ["System.Object"] }

    /// Instance properties, derived class first, each name once.
    var instanceProperties: [ScriptPropertyDefinition] {
        var seen = Set<CaseInsensitiveKey>()
        var result: [ScriptPropertyDefinition] = []
        for type in lineage {
            for p in type.properties where !p.isStatic && seen.insert(CaseInsensitiveKey(p.name)).inserted { result.append(p) }
        }
        return result
    }

    func instanceProperty(_ name: String) -> ScriptPropertyDefinition? {
        for type in lineage {
            if let p = type.properties.first(where: { !$0.isStatic && $0.name.equalsIgnoringCase(name) }) { return p }
        }
        return nil
    }

    /// The class in the lineage declaring static property `name`.
    func staticOwner(_ name: String) -> (ScriptTypeDefinition, ScriptPropertyDefinition)? {
        for type in lineage {
            if let p = type.properties.first(where: { $0.isStatic && $0.name.equalsIgnoringCase(name) }) { return (type, p) }
        }
        return nil
    }

    /// Methods named `name` visible on this class (overrides hide base methods with the same arity).
    func methods(named name: String, isStatic: Bool) -> [ScriptMethodDefinition] {
        var result: [ScriptMethodDefinition] = []
        for type in lineage {
            for m in type.methods where m.isStatic == isStatic && m.name.equalsIgnoringCase(name)
                && !result.contains(where: { $0.parameterCount == m.parameterCount }) {
                result.append(m)
            }
        }
        return result
    }
}

/// `[type]$Name = initializer` in a class.
struct ScriptPropertyDefinition {
    let name: String
    let typeName: TypeName?
    let initializer: CompiledExpression?
    let isStatic: Bool
    let isHidden: Bool
}

/// A method or constructor; its body is a script block whose parameters are the method's.
final class ScriptMethodDefinition {
    let name: String
    let parameterNames: [String]
    let parameterTypes: [TypeName?]
    /// nil for `[void]` and for a method without a return type.
    let returnType: TypeName?
    let isStatic: Bool
    let isHidden: Bool
    let block: ScriptBlock
    let baseArguments: [CompiledExpression]?
    unowned let owner: ScriptTypeDefinition

    init(name: String, parameterNames: [String], parameterTypes: [TypeName?], returnType: TypeName?, isStatic: Bool, isHidden: Bool,
         block: ScriptBlock, baseArguments: [CompiledExpression]?, owner: ScriptTypeDefinition) {
        self.name = name
        self.parameterNames = parameterNames
        self.parameterTypes = parameterTypes
        self.returnType = returnType
        self.isStatic = isStatic
        self.isHidden = isHidden
        self.block = block
        self.baseArguments = baseArguments
        self.owner = owner
    }

    var parameterCount: Int { parameterTypes.count }
}

extension ExecutionContext {
    /// Resolves a type written in source: pcsh's known types, then the script's classes and
    /// enums, then the names under each `using namespace`.
    public func resolveType(_ typeName: TypeName) -> PSTypeInfo? {
        if let known = PSTypeInfo.resolve(typeName) { return known }
        if typeName.arrayRank == 0, typeName.genericArguments.isEmpty { return resolveType(name: typeName.name) }
        if let element = typeName.elementTypeName, let e = resolveType(element) { return PSTypeInfo.arrayOf(e) }
        if !typeName.genericArguments.isEmpty {
            let args = typeName.genericArguments.compactMap { resolveType($0) }
            guard args.count == typeName.genericArguments.count else { return nil }
            for prefix in usingNamespaces {
                if let t = PSTypeInfo.generic(prefix + "." + typeName.name, args) { return t }
            }
            return PSTypeInfo.generic(typeName.name, args)
        }
        return nil
    }

    /// As above, for a name in text (`New-Object Name`, `-is 'Name'`).
    public func resolveType(name: String) -> PSTypeInfo? {
        if let known = PSTypeInfo.resolve(name: name) { return known }
        if let script = scriptTypes[CaseInsensitiveKey(name)] { return script }
        if name.hasSuffix("[]"), let e = resolveType(name: String(name.dropLast(2))) { return PSTypeInfo.arrayOf(e) }
        for prefix in usingNamespaces {
            if let t = PSTypeInfo.resolve(name: prefix + "." + name) { return t }
        }
        return nil
    }

    /// Makes a script's class or enum known to the session (a redefinition replaces it).
    func defineScriptType(_ type: PSTypeInfo) {
        guard let definition = type.scriptType else { return }
        scriptTypes[CaseInsensitiveKey(definition.name)] = type
    }
}

extension ScriptTypeDefinition {
    /// Instance members Get-Member lists (hidden ones left out): name, whether it is a method,
    /// and its definition as pwsh writes it (`string Name {get;set;}`, `string Greet(int x)`).
    public var visibleInstanceMembers: [(name: String, isMethod: Bool, definition: String)] {
        func short(_ t: TypeName?) -> String { t.map { PSTypeInfo.resolve($0)?.displayName ?? $0.description } ?? "System.Object" }
        var result: [(name: String, isMethod: Bool, definition: String)] = []
        for p in instanceProperties where !p.isHidden {
            result.append((p.name, false, "\(short(p.typeName)) \(p.name) {get;set;}"))
        }
        var seen = Set<String>()
        for type in lineage {
            for m in type.methods where !m.isStatic && !m.isHidden {
                let parameters = zip(m.parameterTypes, m.parameterNames).map { "\(short($0)) \($1)" }.joined(separator: ", ")
                let text = "\(m.returnType.map { short($0) } ?? "void") \(m.name)(\(parameters))"
                if seen.insert("\(m.name.lowercased())/\(m.parameterCount)").inserted { result.append((m.name, true, text)) }
            }
        }
        return result
    }
}

/// A property bag with PowerShell semantics: ordered, case-insensitive property names, a list
/// of type names (most derived first) that selects formatting views, and optionally a base
/// value it decorates (`Add-Member` on a string, `[pscustomobject]` has none).
public final class PSObject {
    public private(set) var properties: [PSProperty] = []
    private var index: [CaseInsensitiveKey: Int] = [:]
    /// Most derived first, e.g. `["Deserialized.Foo", "System.Management.Automation.PSCustomObject", "System.Object"]`.
    public var typeNames: [String]
    public var baseObject: PSValue?
    /// Script methods added with `Add-Member -MemberType ScriptMethod`.
    public var scriptMethods: [CaseInsensitiveKey: ScriptBlock] = [:]
    /// Made by a script (`[pscustomobject]@{…}`): its type is PSCustomObject whatever type names
    /// a `PSTypeName` key put first (objects the engine's cmdlets make report their first name).
    public var isScriptCustomObject = false
    /// The script class this object is an instance of.
    public var scriptClass: ScriptTypeDefinition?
    /// The object's string form when the type that made it defines one (a .NET type's
    /// `ToString()`, e.g. MatchInfo's `path:line:text`); nil for the usual forms.
    public var customText: String?

    public static let customObjectTypeNames = ["System.Management.Automation.PSCustomObject", "System.Object"]

    public init(typeNames: [String] = PSObject.customObjectTypeNames, baseObject: PSValue? = nil) {
        self.typeNames = typeNames
        self.baseObject = baseObject
    }

    /// A `[pscustomobject]` with properties in the given order.
    public convenience init(_ pairs: [(String, PSValue)], typeName: String? = nil) {
        self.init(typeNames: typeName.map { [$0] + PSObject.customObjectTypeNames } ?? PSObject.customObjectTypeNames)
        for (name, value) in pairs { self[name] = value }
    }

    /// Names in display order; a class's `hidden` properties are left out (they stay accessible).
    public var propertyNames: [String] {
        guard let hidden = scriptClass?.hiddenPropertyNames, !hidden.isEmpty else { return properties.map(\.name) }
        return properties.map(\.name).filter { !hidden.contains(CaseInsensitiveKey($0)) }
    }

    public func hasProperty(_ name: String) -> Bool { index[CaseInsensitiveKey(name)] != nil }

    public func property(_ name: String) -> PSProperty? {
        guard let i = index[CaseInsensitiveKey(name)] else { return nil }
        return properties[i]
    }

    /// Gets or sets a note property; setting a new name appends it.
    public subscript(name: String) -> PSValue? {
        get {
            guard let i = index[CaseInsensitiveKey(name)] else { return nil }
            return properties[i].value
        }
        set {
            let key = CaseInsensitiveKey(name)
            if let i = index[key] {
                if let newValue {
                    properties[i].value = newValue
                } else {
                    properties.remove(at: i)
                    rebuildIndex()
                }
            } else if let newValue {
                index[key] = properties.count
                properties.append(PSProperty(name: name, value: newValue))
            }
        }
    }

    /// Adds a property, replacing the value of an existing one with the same name.
    public func add(_ name: String, _ value: PSValue) { self[name] = value }

    /// Adds a script property (a getter evaluated on access).
    public func addScriptProperty(_ name: String, getter: ScriptBlock) {
        let key = CaseInsensitiveKey(name)
        if let i = index[key] {
            properties[i].getter = getter
        } else {
            index[key] = properties.count
            properties.append(PSProperty(name: name, value: .null, getter: getter))
        }
    }

    public func removeProperty(_ name: String) { self[name] = nil }

    /// A shallow copy (same property values, same type names), as `.psobject.Copy()`.
    public func copy() -> PSObject {
        let c = PSObject(typeNames: typeNames, baseObject: baseObject)
        c.properties = properties
        c.index = index
        c.scriptMethods = scriptMethods
        c.scriptClass = scriptClass
        c.customText = customText
        return c
    }

    private func rebuildIndex() {
        index.removeAll(keepingCapacity: true)
        for (i, p) in properties.enumerated() { index[CaseInsensitiveKey(p.name)] = i }
    }
}

/// A note property (or a script property when `getter` is set).
public struct PSProperty {
    public var name: String
    public var value: PSValue
    public var getter: ScriptBlock?

    public init(name: String, value: PSValue, getter: ScriptBlock? = nil) {
        self.name = name
        self.value = value
        self.getter = getter
    }
}

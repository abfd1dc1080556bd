/// `$obj.PSObject.Properties`: the object's properties as a collection that enumerates, is
/// indexed by name (`['Name'].Value`), and on a custom object takes `Add`/`Remove`; `Match`
/// filters by wildcard. Read fresh on every use, so it always reflects the object.
public final class PSPropertyCollectionValue: TypedValue, PSIndexableObject, PSEnumerable {
    public static let typeName = "System.Management.Automation.PSMemberInfoCollection`1[[System.Management.Automation.PSPropertyInfo]]"
    let target: PSValue

    init(_ target: PSValue) { self.target = target }

    var items: [PSPropertyInfoValue] {
        let infos = Members.propertyInfos(target)
        for info in infos { info.owner = target }
        return infos
    }

    public func enumerateItems() -> [PSValue] { items.map { .object($0) } }

    public var psTypeName: String { Self.typeName }
    public func psToString() -> String { Self.typeName }
    public var dynamicTypeName: String { Self.typeName }
    public var dynamicDescription: String { Self.typeName }
    public var dynamicPropertyNames: [String] { [] }

    public func dynamicProperty(_ name: String, context: ExecutionContext) throws -> PSValue? {
        let all = items
        if name.equalsIgnoringCase("Count") || name.equalsIgnoringCase("Length") { return .int(Int32(all.count)) }
        // Member enumeration, as on any collection: `.Properties.Name`.
        let values = try all.compactMap { try Members.property(.object($0), name, context: context) }
        if values.isEmpty { return nil }
        return values.count == 1 ? values[0] : .array(values)
    }

    public func dynamicIndex(_ index: PSValue, context: ExecutionContext) throws -> PSValue {
        let all = items
        if case .int(let i) = index.baseValue {
            let n = i < 0 ? all.count + Int(i) : Int(i)
            return n >= 0 && n < all.count ? .object(all[n]) : .null
        }
        let name = LanguagePrimitives.toString(index, context: context)
        return all.first { $0.name.equalsIgnoringCase(name) }.map { .object($0) } ?? .null
    }

    public func dynamicMethod(_ name: String, arguments: [PSValue], context: ExecutionContext) throws -> PSValue? {
        let call = MethodCall(target: .object(self), name: name, arguments: arguments, context: context)
        switch name.lowercased() {
        case "add":
            try call.count(1...2)
            guard case .object(let o) = arguments[0].baseValue, let info = o as? PSPropertyInfoValue else {
                throw call.conversionError(0, "System.Management.Automation.PSPropertyInfo",
                                           LanguagePrimitives.finalCastError(arguments[0], "System.Management.Automation.PSPropertyInfo"))
            }
            let object = try owner(call)
            if object.hasProperty(info.name) {
                throw call.failure("System.Management.Automation.ExtendedTypeSystemException",
                                   "Cannot add a member with the name \"\(info.name)\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.")
            }
            object.add(info.name, info.value)
            return .null
        case "remove":
            try call.count(1...1)
            let object = try owner(call)
            object.removeProperty(call.string(0))
            return .null
        case "match":
            try call.count(1...2)
            let pattern = WildcardPattern(call.string(0), ignoreCase: true)
            return .object(PSArray(items.filter { pattern.matches($0.name) }.map { .object($0) }, isList: true))
        case "getenumerator":
            return .object(PSArray(enumerateItems()))
        case "tostring": return .string(Self.typeName)
        default: return nil
        }
    }

    /// Properties can be added to or removed from an object pcsh keeps members for.
    private func owner(_ call: MethodCall) throws -> PSObject {
        guard let object = target.asPSObject else {
            throw call.failure("System.NotSupportedException", "Specified method is not supported.")
        }
        return object
    }
}

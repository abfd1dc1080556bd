/// A change to a multi-valued property, as Lync's Set- cmdlets take it:
/// `-Members @{Add='a','b'; Remove='c'}`, `@{Replace='x'}`, a plain value or list (replace),
/// or `$null` (clear).
public struct ListModifier<Element: ParameterValue>: ParameterValue {
    public var add: [Element] = []
    public var remove: [Element] = []
    /// Set when the list is to be replaced (an empty array clears it).
    public var replace: [Element]?

    public init(add: [Element] = [], remove: [Element] = [], replace: [Element]? = nil) {
        self.add = add
        self.remove = remove
        self.replace = replace
    }

    public static var parameterTypeName: String { "PSListModifier" }
    public static var allowedValues: [String]? { nil }

    private static var keys: [String] { ["Add", "Remove", "Replace"] }

    /// Converts to a hashtable with exactly the keys `Add`, `Remove`, `Replace`, each an array of
    /// converted elements.
    public static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        let result = PSHashtable(ordered: true)
        func elements(_ v: PSValue) throws -> PSValue {
            let items = v.isNull ? [] : (v.enumerated ?? [v])
            return .array(try items.map { try Element.coerce($0, context) })
        }
        guard let table = value.baseValue.asHashtable else {
            result[string: "Replace"] = try elements(value)
            return .object(result)
        }
        for (key, v) in table.pairs {
            let name = LanguagePrimitives.toString(key, context: context)
            guard let canonical = keys.first(where: { $0.equalsIgnoringCase(name) }) else {
                throw RuntimeError("The key '\(name)' is not valid in a list change. Use Add, Remove or Replace, for example @{Add='a'; Remove='b'}.",
                                   id: "InvalidListModifierKey", category: .InvalidArgument,
                                   exceptionType: "System.Management.Automation.PSArgumentException")
            }
            result[string: canonical] = try elements(v)
        }
        if result[string: "Replace"] != nil && (result[string: "Add"] != nil || result[string: "Remove"] != nil) {
            throw RuntimeError("A list change cannot combine Replace with Add or Remove.",
                               id: "InvalidListModifierCombination", category: .InvalidArgument,
                               exceptionType: "System.Management.Automation.PSArgumentException")
        }
        return .object(result)
    }

    public init(coerced: PSValue) {
        func items(_ key: String) -> [Element]? {
            guard let table = coerced.asHashtable, let v = table[string: key] else { return nil }
            return (v.asArray?.items ?? []).map { item in
                if case .object(let o) = item, let same = o as? Element { return same }
                return Element(coerced: item)
            }
        }
        self.init(add: items("Add") ?? [], remove: items("Remove") ?? [], replace: items("Replace"))
    }

    /// The list after this change: replaced, then added to (skipping duplicates), then removed from.
    public func applied(to current: [Element], matches: (Element, Element) -> Bool) -> [Element] {
        var list = replace ?? current
        for item in add where !list.contains(where: { matches($0, item) }) { list.append(item) }
        list.removeAll { existing in remove.contains { matches(existing, $0) } }
        return list
    }
}

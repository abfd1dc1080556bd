import PSRuntime

/// A property argument of Select-Object, Sort-Object, Group-Object, Measure-Object and
/// Compare-Object: a name (wildcards allowed), a script block, or a hashtable such as
/// `@{Name='Size'; Expression={$_.Length / 1KB}}` or `@{Expression='Name'; Descending=$true}`.
struct PropertyExpression {
    enum Source {
        case name(String)
        case wildcard(WildcardPattern, text: String)
        case script(ScriptBlock)
    }

    /// Which hashtable keys a command accepts (each may be abbreviated to an unambiguous prefix).
    enum KeySet {
        /// Select-Object: Name (or Label) and Expression.
        case select
        /// Sort-Object: Expression, Ascending, Descending.
        case sort
        /// Group-Object, Compare-Object: Expression only.
        case expressionOnly
        /// Measure-Object: names and script blocks, no hashtables.
        case noHashtable

        var keys: [PropertyHashtable.Key] {
            switch self {
            case .select: return [("Name", "Label"), ("Expression", nil)]
            case .sort: return [("Expression", nil), ("Ascending", nil), ("Descending", nil)]
            case .expressionOnly, .noHashtable: return [("Expression", nil)]
            }
        }
    }

    var source: Source
    /// The name given with `Name`/`Label` (Select-Object's calculated properties).
    var label: String?
    /// Set by Sort-Object's `Ascending`/`Descending` keys.
    var ascending: Bool?
    /// True when the property came from a hashtable (calculated property).
    var isCalculated = false

    /// The name a script block or a plain name shows as, when no label was given.
    var displayName: String {
        if let label { return label }
        switch source {
        case .name(let n): return n
        case .wildcard(_, let text): return text
        case .script(let block): return block.text
        }
    }

    // MARK: Parsing

    /// Builds expressions from a parameter's arguments; a bad hashtable is a terminating error.
    static func parse(_ arguments: [PSValue], keys: KeySet, context: CommandContext) throws -> [PropertyExpression] {
        try arguments.map { try parse($0, keys: keys, context: context) }
    }

    static func parse(_ argument: PSValue, keys: KeySet, context: CommandContext) throws -> PropertyExpression {
        let value = argument.baseValue
        if let block = value.asScriptBlock { return PropertyExpression(source: .script(block)) }
        if let table = value.asHashtable {
            if case .noHashtable = keys {
                throw context.terminatingError("A hashtable is not a valid property here; give a property name or a script block.",
                                               id: "DictionaryKeyIllegal", category: .InvalidArgument,
                                               exceptionType: "System.NotSupportedException")
            }
            return try parse(table, keys: keys, context: context)
        }
        let text = LanguagePrimitives.toString(value, context: context.session)
        return PropertyExpression(source: source(forName: text))
    }

    static func source(forName text: String) -> Source {
        WildcardPattern.containsWildcard(text) ? .wildcard(WildcardPattern(text), text: text) : .name(text)
    }

    private static func parse(_ table: PSHashtable, keys: KeySet, context: CommandContext) throws -> PropertyExpression {
        let entries = try PropertyHashtable.entries(of: table, keys: keys.keys, kind: "property", context: context)
        if let (key, _) = entries.first(where: { $0.value.isNull }) {
            throw PropertyHashtable.illegal("The \(key) key has no value.", "DictionaryKeyMissingValue", context)
        }
        var result = PropertyExpression(source: try PropertyHashtable.expressionSource(entries, kind: "property", context: context))
        result.isCalculated = true
        if let name = entries["Name"] { result.label = LanguagePrimitives.toString(name, context: context.session) }
        if let ascending = entries["Ascending"] { result.ascending = LanguagePrimitives.isTrue(ascending) }
        if let descending = entries["Descending"] { result.ascending = !LanguagePrimitives.isTrue(descending) }
        return result
    }

    // MARK: Evaluation

    /// The property names this expression stands for on one object (wildcards expanded).
    func names(on object: PSValue) -> [String] {
        switch source {
        case .name(let n): return [label ?? n]
        case .wildcard(let pattern, _): return UtilityProperties.names(of: object).filter { pattern.matches($0) }
        case .script: return [displayName]
        }
    }

    /// The (name, value) pairs for one object: one pair for a name or a script block, one per
    /// matching property for a wildcard.
    func evaluate(on object: PSValue, context: CommandContext) throws -> [(name: String, value: PSValue)] {
        switch source {
        case .name(let n):
            return [(label ?? n, try UtilityProperties.value(of: object, n, context: context.session))]
        case .wildcard(let pattern, _):
            return try UtilityProperties.names(of: object).filter { pattern.matches($0) }.map {
                ($0, try UtilityProperties.value(of: object, $0, context: context.session))
            }
        case .script(let block):
            return [(displayName, UtilityProperties.single(try context.invoke(block, dollarUnder: object)))]
        }
    }

    /// One value for one object: the first match of a wildcard, `$null` when nothing matches.
    func value(on object: PSValue, context: CommandContext) throws -> PSValue {
        switch source {
        case .name(let n): return try UtilityProperties.value(of: object, n, context: context.session)
        case .wildcard: return try evaluate(on: object, context: context).first?.value ?? .null
        case .script(let block): return UtilityProperties.single(try context.invoke(block, dollarUnder: object))
        }
    }

    /// True when the expression finds something on the object (a script always does).
    func exists(on object: PSValue) -> Bool {
        switch source {
        case .name(let n): return Members.hasProperty(object, n) || !(object.asPSObject != nil || object.asHashtable != nil)
        case .wildcard(let pattern, _): return UtilityProperties.names(of: object).contains { pattern.matches($0) }
        case .script: return true
        }
    }
}

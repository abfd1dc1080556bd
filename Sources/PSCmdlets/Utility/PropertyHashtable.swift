import PSRuntime

/// Reads a property hashtable (`@{Name='Size'; Expression={ $_.Length }}`) the way the Select-,
/// Sort-, Group-, Compare- and Format-* cmdlets share: each key may be abbreviated to an
/// unambiguous prefix, no key may appear twice, and Expression is a name or a script block.
enum PropertyHashtable {
    /// A key a command accepts, with its alternative spelling (`Name`/`Label`).
    typealias Key = (name: String, secondary: String?)

    /// The table's values by the accepted key each one names. `kind` says which hashtable the
    /// messages talk about ("property", "format").
    static func entries(of table: PSHashtable, keys: [Key], kind: String, context: CommandContext) throws -> [String: PSValue] {
        var seen: [String: PSValue] = [:]
        for (rawKey, value) in table.pairs {
            let entry = try matchKey(LanguagePrimitives.toString(rawKey, context: context.session), in: keys, context: context)
            if seen[entry] != nil {
                throw illegal("The key \(entry) is given more than once in the \(kind) hashtable.", "DictionaryKeyDuplicate", context)
            }
            seen[entry] = value
        }
        return seen
    }

    /// The Expression entry, which must be present: a script block, or a property name (wildcards allowed).
    static func expressionSource(_ entries: [String: PSValue], kind: String, context: CommandContext) throws -> PropertyExpression.Source {
        guard let expression = entries["Expression"], !expression.isNull else {
            throw illegal("The \(kind) hashtable needs an Expression key.", "DictionaryKeyMandatoryEntry", context)
        }
        if let block = expression.baseValue.asScriptBlock { return .script(block) }
        if let name = expression.baseValue.asString { return PropertyExpression.source(forName: name) }
        throw illegal("The Expression key must be a string or a script block, not \(LanguagePrimitives.typeName(of: expression)).",
                      "DictionaryKeyIllegalValue2", context)
    }

    /// The key a given key names: exact names first, then unambiguous prefixes.
    private static func matchKey(_ key: String, in keys: [Key], context: CommandContext) throws -> String {
        for entry in keys where entry.name.equalsIgnoringCase(key) || (entry.secondary?.equalsIgnoringCase(key) ?? false) {
            return entry.name
        }
        let matches = keys.filter { entry in
            !key.isEmpty && (entry.name.hasPrefixIgnoringCase(key) || (entry.secondary?.hasPrefixIgnoringCase(key) ?? false))
        }
        if matches.count == 1 { return matches[0].name }
        if matches.count > 1 {
            throw illegal("The key \(key) is ambiguous: it could mean \(matches.map(\.name).joined(separator: " or ")).",
                          "DictionaryKeyAmbiguous", context)
        }
        throw illegal("The \(key) key is not valid here; valid keys are \(keys.map(\.name).joined(separator: ", ")).",
                      "DictionaryKeyIllegal", context)
    }

    static func illegal(_ message: String, _ id: String, _ context: CommandContext) -> Error {
        context.terminatingError(message, id: id, category: .InvalidArgument, exceptionType: "System.NotSupportedException")
    }
}

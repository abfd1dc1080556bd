import Foundation
import PSRuntime

/// One `-Property` entry of a Format-* cmdlet: a property name (wildcards allowed), a script
/// block, or a hashtable with Name/Label, Expression, FormatString, Width and Alignment.
struct FormatPropertySpec {
    enum Source {
        case name(String)
        case wildcard(WildcardPattern)
        case script(ScriptBlock)
    }

    var source: Source
    var label: String?
    var width: Int?
    var alignment: ColumnAlignment?
    var formatString: String?

    /// Keys a format hashtable may hold (the second name is an alias), matched by unique prefix.
    private static let keys: [(name: String, alias: String?)] = [
        ("Name", "Label"), ("Expression", nil), ("FormatString", nil), ("Width", nil), ("Alignment", nil),
    ]

    static func parse(_ values: [PSValue], allowWidth: Bool, context: CommandContext) throws -> [FormatPropertySpec] {
        try values.flatMap { value -> [FormatPropertySpec] in
            if let items = value.baseValue.asArray?.items {
                return try parse(items, allowWidth: allowWidth, context: context)
            }
            return [try parse(value, allowWidth: allowWidth, context: context)]
        }
    }

    private static func parse(_ value: PSValue, allowWidth: Bool, context: CommandContext) throws -> FormatPropertySpec {
        let base = value.baseValue
        if let block = base.asScriptBlock { return FormatPropertySpec(source: .script(block)) }
        if let table = base.asHashtable { return try parse(table, allowWidth: allowWidth, context: context) }
        return FormatPropertySpec(source: source(forName: LanguagePrimitives.toString(value, context: context.session)))
    }

    private static func source(forName name: String) -> Source {
        WildcardPattern.containsWildcard(name) ? .wildcard(WildcardPattern(name, ignoreCase: true)) : .name(name)
    }

    private static func parse(_ table: PSHashtable, allowWidth: Bool, context: CommandContext) throws -> FormatPropertySpec {
        var seen: [String: PSValue] = [:]
        let allowed = allowWidth ? keys : keys.filter { $0.name != "Width" && $0.name != "Alignment" }
        for (rawKey, value) in table.pairs {
            let key = LanguagePrimitives.toString(rawKey, context: context.session)
            let entry = try matchKey(key, in: allowed, context: context)
            if seen[entry] != nil {
                throw illegal("The key \(entry) is given more than once in the format hashtable.", "DictionaryKeyDuplicate", context)
            }
            seen[entry] = value
        }
        guard let expression = seen["Expression"], !expression.isNull else {
            throw illegal("The format hashtable needs an Expression key.", "DictionaryKeyMandatoryEntry", context)
        }
        var spec: FormatPropertySpec
        if let block = expression.baseValue.asScriptBlock {
            spec = FormatPropertySpec(source: .script(block))
        } else if let name = expression.baseValue.asString {
            spec = FormatPropertySpec(source: source(forName: name))
        } else {
            throw illegal("The Expression key must be a string or a script block.", "DictionaryKeyIllegalValue2", context)
        }
        if let name = seen["Name"] { spec.label = LanguagePrimitives.toString(name, context: context.session) }
        if let format = seen["FormatString"] { spec.formatString = LanguagePrimitives.toString(format, context: context.session) }
        if let width = seen["Width"] {
            guard let number = try? LanguagePrimitives.toInt64(width), number > 0 else {
                throw illegal("The Width key needs a positive number.", "FormatTableWidthMustBePositive", context)
            }
            spec.width = Int(clamping: number)
        }
        if let alignment = seen["Alignment"] {
            let text = LanguagePrimitives.toString(alignment, context: context.session)
            switch text.lowercased() {
            case "left": spec.alignment = .left
            case "right": spec.alignment = .right
            case "center": spec.alignment = .center
            default:
                throw illegal("The Alignment key must be Left, Center or Right, not \"\(text)\".", "IllegalAlignmentValueStringValue", context)
            }
        }
        return spec
    }

    /// Exact names first, then unambiguous prefixes.
    private static func matchKey(_ key: String, in entries: [(name: String, alias: String?)], context: CommandContext) throws -> String {
        for entry in entries where entry.name.equalsIgnoringCase(key) || (entry.alias?.equalsIgnoringCase(key) ?? false) {
            return entry.name
        }
        let matches = entries.filter { !key.isEmpty && ($0.name.hasPrefixIgnoringCase(key) || ($0.alias?.hasPrefixIgnoringCase(key) ?? false)) }
        if matches.count == 1 { return matches[0].name }
        if matches.count > 1 {
            throw illegal("The key \(key) is ambiguous: it could mean \(matches.map(\.name).joined(separator: " or ")).", "DictionaryKeyAmbiguous", context)
        }
        throw illegal("The \(key) key is not valid here; valid keys are \(entries.map(\.name).joined(separator: ", ")).", "DictionaryKeyIllegal", context)
    }

    private static func illegal(_ message: String, _ id: String, _ context: CommandContext) -> Error {
        context.terminatingError(message, id: id, category: .InvalidArgument, exceptionType: "System.NotSupportedException")
    }
}

/// A `-Property` entry resolved against the first object: one column or list item.
struct FormatField {
    enum Getter {
        case property(String)
        case script(ScriptBlock)
        case view(FormatValueGetter)
    }

    var label: String
    var getter: Getter
    var width: Int?
    var alignment: ColumnAlignment?
    var formatString: String?

    /// Expands specs on the first object (wildcards become the matching property names).
    static func resolve(_ specs: [FormatPropertySpec], first: PSValue) -> [FormatField] {
        specs.flatMap { spec -> [FormatField] in
            switch spec.source {
            case .name(let name):
                return [FormatField(label: spec.label ?? name, getter: .property(name), width: spec.width,
                                    alignment: spec.alignment, formatString: spec.formatString)]
            case .wildcard(let pattern):
                return FormatTypeNames.propertyNames(of: first).filter { pattern.matches($0) }.map {
                    FormatField(label: $0, getter: .property($0), width: spec.width, alignment: spec.alignment,
                                formatString: spec.formatString)
                }
            case .script(let block):
                let label = spec.label ?? block.text.trimmingCharacters(in: .whitespacesAndNewlines)
                return [FormatField(label: label, getter: .script(block), width: spec.width, alignment: spec.alignment,
                                    formatString: spec.formatString)]
            }
        }
    }

    /// Every property of an object, as fields.
    static func allProperties(of object: PSValue) -> [FormatField] {
        FormatTypeNames.propertyNames(of: object).map { FormatField(label: $0, getter: .property($0)) }
    }

    /// The field's value on one object (errors in script blocks show as an empty value, as in PowerShell).
    func value(of object: PSValue, context: CommandContext) -> PSValue {
        switch getter {
        case .property(let name):
            return FormatTypeNames.property(name, of: object, context: context.session) ?? .null
        case .view(let get):
            return get(object, context.session)
        case .script(let block):
            guard let results = try? context.invoke(block, dollarUnder: object) else { return .null }
            if results.count == 1 { return results[0] }
            return results.isEmpty ? .null : .object(PSArray(results))
        }
    }

    /// The displayed text of the field on one object.
    func text(of object: PSValue, context: CommandContext, enumerationLimit: Int) -> String {
        let value = value(of: object, context: context)
        if let formatString, !value.isNull {
            return DotNetFormat.format(value, formatString)
        }
        return FieldText.text(of: value, context: context.session, enumerationLimit: enumerationLimit)
    }
}

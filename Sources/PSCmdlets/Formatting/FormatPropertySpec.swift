import Foundation
import PSRuntime

/// One `-Property` entry of a Format-* cmdlet: a property name (wildcards allowed), a script
/// block, or a hashtable with Name/Label, Expression, FormatString, Width and Alignment.
struct FormatPropertySpec {
    typealias Source = PropertyExpression.Source

    var source: Source
    var label: String?
    var width: Int?
    var alignment: ColumnAlignment?
    var formatString: String?

    /// Keys a format hashtable may hold; Width and Alignment only where columns have them.
    private static let keys: [PropertyHashtable.Key] = [
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
        return FormatPropertySpec(source: PropertyExpression.source(forName: LanguagePrimitives.toString(value, context: context.session)))
    }

    private static func parse(_ table: PSHashtable, allowWidth: Bool, context: CommandContext) throws -> FormatPropertySpec {
        let allowed = allowWidth ? keys : keys.filter { $0.name != "Width" && $0.name != "Alignment" }
        let entries = try PropertyHashtable.entries(of: table, keys: allowed, kind: "format", context: context)
        var spec = FormatPropertySpec(source: try PropertyHashtable.expressionSource(entries, kind: "format", context: context))
        if let name = entries["Name"] { spec.label = LanguagePrimitives.toString(name, context: context.session) }
        if let format = entries["FormatString"] { spec.formatString = LanguagePrimitives.toString(format, context: context.session) }
        if let width = entries["Width"] {
            guard let number = try? LanguagePrimitives.toInt64(width), number > 0 else {
                throw PropertyHashtable.illegal("The Width key needs a positive number.", "FormatTableWidthMustBePositive", context)
            }
            spec.width = Int(clamping: number)
        }
        if let alignment = entries["Alignment"] {
            let text = LanguagePrimitives.toString(alignment, context: context.session)
            switch text.lowercased() {
            case "left": spec.alignment = .left
            case "right": spec.alignment = .right
            case "center": spec.alignment = .center
            default:
                throw PropertyHashtable.illegal("The Alignment key must be Left, Center or Right, not \"\(text)\".",
                                                "IllegalAlignmentValueStringValue", context)
            }
        }
        return spec
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
    /// From a view whose widths are minimums (see `TableColumnSpec.growsToContent`).
    var growsToContent = false

    /// Expands specs on the first object (wildcards become the matching property names).
    static func resolve(_ specs: [FormatPropertySpec], first: PSValue) -> [FormatField] {
        specs.flatMap { spec -> [FormatField] in
            switch spec.source {
            case .name(let name):
                return [FormatField(label: spec.label ?? name, getter: .property(name), width: spec.width,
                                    alignment: spec.alignment, formatString: spec.formatString)]
            case .wildcard(let pattern, _):
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

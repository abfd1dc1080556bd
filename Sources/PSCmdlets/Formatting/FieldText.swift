import PSRuntime

/// The text of one value inside a table cell or list entry, as PowerShell's formatter builds it:
/// collections as `{a, b, c…}` (at most `$FormatEnumerationLimit` items), `$null` as empty,
/// everything else through the language's string conversion.
enum FieldText {
    static func text(of value: PSValue, context: ExecutionContext, enumerationLimit: Int) -> String {
        switch value.baseValue {
        case .null: return ""
        case .string(let s): return s
        // The formatter shows dates in the (en-US) culture, not the invariant form of "$date".
        case .dateTime(let date): return DotNetFormat.formatDate(date, "G")
        // An XML element in a cell shows its name, as pwsh's XML adapter does.
        case .object(let o as XmlNodeValue) where o.kind == .element: return o.name
        default: break
        }
        if let items = collectionItems(value) {
            var text = "{"
            for (index, item) in items.enumerated() {
                if enumerationLimit >= 0 && index == enumerationLimit {
                    text += "…"
                    break
                }
                if index > 0 { text += ", " }
                text += itemText(item, context: context)
            }
            return text + "}"
        }
        return LanguagePrimitives.toString(value, context: context)
    }

    /// `$FormatEnumerationLimit` (4 unless the user changed it; negative means no limit).
    static func enumerationLimit(_ context: ExecutionContext) -> Int {
        guard let value = context.getVariable("FormatEnumerationLimit"),
              let limit = try? LanguagePrimitives.toInt64(value) else { return 4 }
        return Int(clamping: limit)
    }

    /// Items of a collection shown in braces: arrays, lists and dictionaries (as `[key, value]`).
    private static func collectionItems(_ value: PSValue) -> [PSValue]? {
        let base = value.baseValue
        if let hashtable = base.asHashtable {
            return hashtable.pairs.map { .string("[\(plain($0.0)), \(plain($0.1))]") }
        }
        return base.enumerated
    }

    private static func itemText(_ item: PSValue, context: ExecutionContext) -> String {
        if item.isNull { return "$null" }
        return LanguagePrimitives.toString(item, context: context)
    }

    private static func plain(_ value: PSValue) -> String { LanguagePrimitives.toString(value, context: nil) }
}

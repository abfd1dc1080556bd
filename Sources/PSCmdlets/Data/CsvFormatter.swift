import PSRuntime

/// PowerShell 7's quoting modes for CSV output.
enum CsvQuoteKind: String, ParameterEnum {
    case Never, Always, AsNeeded
    static var parameterTypeName: String { "QuoteKind" }
}

/// Writes objects as CSV lines the way ConvertTo-Csv and Export-Csv do: the first object fixes
/// the columns; an optional `#TYPE` line and a header come first.
final class CsvFormatter {
    let delimiter: Character
    let quoteKind: CsvQuoteKind
    /// Column names to quote (-QuoteFields); overrides `quoteKind` when set.
    let quoteFields: Set<CaseInsensitiveKey>?
    let includeTypeInformation: Bool
    let includeHeader: Bool
    private(set) var columns: [String]?

    init(delimiter: Character, quoteKind: CsvQuoteKind, quoteFields: [String]?, includeTypeInformation: Bool,
         includeHeader: Bool, columns: [String]? = nil) {
        self.delimiter = delimiter
        self.quoteKind = quoteKind
        self.quoteFields = quoteFields.map { Set($0.map(CaseInsensitiveKey.init)) }
        self.includeTypeInformation = includeTypeInformation
        self.includeHeader = includeHeader
        self.columns = columns
    }

    /// The lines for one object: the type and header lines before the first, then its row.
    func lines(for value: PSValue, context: ExecutionContext) -> [String] {
        var result: [String] = []
        if columns == nil {
            let names = Self.propertyNames(of: value)
            columns = names
            if includeTypeInformation { result.append("#TYPE " + Self.typeName(of: value)) }
            if includeHeader { result.append(row(names.map { Optional($0) }, names: names)) }
        }
        let names = columns ?? []
        let values = names.map { Self.text(of: value, property: $0, context: context) }
        result.append(row(values, names: names))
        return result
    }

    private func row(_ fields: [String?], names: [String]) -> String {
        var line = ""
        for (i, field) in fields.enumerated() {
            if i > 0 { line.append(delimiter) }
            // A missing value is written as nothing at all, not as "".
            guard let field else { continue }
            if shouldQuote(field, column: names[i]) {
                line += "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                line += field
            }
        }
        return line
    }

    private func shouldQuote(_ field: String, column: String) -> Bool {
        if let quoteFields { return quoteFields.contains(CaseInsensitiveKey(column)) }
        switch quoteKind {
        case .Always: return true
        case .Never: return false
        case .AsNeeded: return field.contains(delimiter) || field.contains("\n") || field.contains("\"")
        }
    }

    // MARK: Reading properties

    /// The columns an object gives: a PSObject's properties, a hashtable's keys, a string's Length.
    static func propertyNames(of value: PSValue) -> [String] {
        if let p = value.asPSObject {
            var names: [String] = []
            if let base = p.baseObject {
                names = propertyNames(of: base)
            }
            for name in p.propertyNames where !names.contains(where: { $0.equalsIgnoringCase(name) }) { names.append(name) }
            return names
        }
        if let h = value.asHashtable { return h.keys.map { LanguagePrimitives.toString($0, context: nil) } }
        if case .string = value { return ["Length"] }
        return []
    }

    static func typeName(of value: PSValue) -> String {
        var name = value.asPSObject?.typeNames.first ?? LanguagePrimitives.typeName(of: value)
        if name.hasPrefixIgnoringCase("CSV:") { name = String(name.dropFirst(4)) }
        return name
    }

    /// The text of one property, or nil when the object has no such property or it is `$null`.
    static func text(of value: PSValue, property: String, context: ExecutionContext) -> String? {
        guard let v = propertyValue(of: value, property, context: context), !v.isNull else { return nil }
        return fieldText(v, context: context)
    }

    static func propertyValue(of value: PSValue, _ property: String, context: ExecutionContext) -> PSValue? {
        if let p = value.asPSObject {
            if let base = p.baseObject, let h = base.asHashtable, let v = h[string: property] { return v }
            if let prop = p.property(property) {
                if prop.getter == nil { return prop.value }
                return try? Members.getMember(value, prop.name, context: context)
            }
            if let base = p.baseObject { return propertyValue(of: base, property, context: context) }
            return nil
        }
        if let h = value.asHashtable { return h[string: property] }
        if case .string(let s) = value, property.equalsIgnoringCase("Length") { return .int(Int32(s.utf16.count)) }
        return nil
    }

    /// .NET's ToString() of a value: collections give their type name, as in pwsh's CSV output.
    static func fieldText(_ v: PSValue, context: ExecutionContext) -> String {
        let base = v.baseValue
        if let a = base.asArray { return a.typeName }
        if let h = base.asHashtable { return h.typeName }
        return LanguagePrimitives.toString(v, context: context)
    }
}

import PSRuntime

/// Reads CSV text into PSCustomObjects as Import-Csv and ConvertFrom-Csv do: an optional
/// `#TYPE` line, then a header (unless one is given), then one object per record. Quoted
/// fields may hold delimiters, doubled quotes and line breaks.
final class CsvReader {
    let delimiter: Character
    private(set) var header: [String]?
    private(set) var typeName: String?
    private var warnedUnnamed = false

    init(delimiter: Character, header: [String]?) {
        self.delimiter = delimiter
        self.header = header
    }

    /// The objects in a chunk of CSV text; the header and type line are taken from the first chunk.
    func objects(from text: String, context: CommandContext) throws -> [PSValue] {
        var records = parseRecords(text)
        var result: [PSValue] = []
        if header == nil {
            while let first = records.first {
                records.removeFirst()
                if first.count == 1, first[0].hasPrefixIgnoringCase("#TYPE") {
                    let type = first[0].dropFirst(5).trimmingCharacters(in: .whitespaces)
                    if typeName == nil && !type.isEmpty { typeName = type }
                    continue
                }
                var names = first
                while names.count > 1 && names.last == "" { names.removeLast() }
                if let lead = names.first, lead.hasPrefix("#Fields: ") {
                    names[0] = String(lead.dropFirst(9))
                } else if let lead = names.first, lead.hasPrefix("#") {
                    continue
                }
                if names == [""] { continue }
                try validate(names, context: context)
                header = names
                break
            }
        }
        guard let names = header else { return [] }
        for record in records {
            if record.count == 1 && record[0].isEmpty { continue }
            result.append(.object(try makeObject(names: names, values: record, context: context)))
        }
        return result
    }

    private func validate(_ names: [String], context: CommandContext) throws {
        var seen = Set<CaseInsensitiveKey>()
        for name in names where !name.isEmpty {
            if !seen.insert(CaseInsensitiveKey(name)).inserted {
                throw context.terminatingError("The column name \"\(name)\" appears more than once in the header.",
                                               id: "ExtendedTypeSystemException", category: .NotSpecified,
                                               exceptionType: "System.Management.Automation.ExtendedTypeSystemException")
            }
        }
    }

    private func makeObject(names: [String], values: [String], context: CommandContext) throws -> PSObject {
        let object: PSObject
        if let typeName {
            object = PSObject(typeNames: [typeName, "CSV:" + typeName])
        } else {
            object = PSObject()
        }
        var unnamed = 1
        for (i, rawName) in names.enumerated() {
            var name = rawName
            if name.isEmpty {
                name = "H\(unnamed)"
                unnamed += 1
            }
            object[name] = i < values.count ? .string(values[i]) : .null
        }
        if unnamed > 1 && !warnedUnnamed {
            warnedUnnamed = true
            try context.writeWarning("Some columns have no name in the header; they were named H1, H2 and so on.")
        }
        return object
    }

    /// Splits text into records of fields, honouring quotes (lenient like pwsh and Excel).
    func parseRecords(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var current = ""
        var chars = Array(text)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        var inQuotes = false
        var fieldStarted = false
        var afterClosingQuote = false

        func endField() {
            fields.append(current)
            current = ""
            fieldStarted = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            records.append(fields)
            fields = []
        }

        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        current.append("\"")
                        i += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                } else {
                    current.append(c)
                }
                i += 1
                continue
            }
            if c == delimiter {
                endField()
            } else if c == "\r\n" || c == "\n" || c == "\r" {
                endRecord()
            } else if c == "\"" && !fieldStarted && !afterClosingQuote {
                inQuotes = true
                fieldStarted = true
            } else if (c == " " || c == "\t") && !fieldStarted {
                // Leading blanks before a field are dropped.
            } else if afterClosingQuote {
                // Text after a closing quote: keep it unless it is only blanks.
                if c != " " && c != "\t" { current.append(c) }
            } else {
                current.append(c)
                fieldStarted = true
            }
            i += 1
        }
        if !current.isEmpty || !fields.isEmpty || fieldStarted || afterClosingQuote {
            endRecord()
        }
        return records
    }
}

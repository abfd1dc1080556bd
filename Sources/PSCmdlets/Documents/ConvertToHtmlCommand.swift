import PSRuntime

/// How ConvertTo-Html lays out objects.
enum HtmlLayout: String, ParameterEnum {
    case Table, List
    static var parameterTypeName: String { "String" }
}

/// Turns objects into the lines of an HTML page (or fragment) holding a table of their properties.
final class ConvertToHtmlCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ConvertToHtmlCommand.self, name: "ConvertTo-Html",
        synopsis: "Turns objects into lines of HTML: a table (or name/value list) of their properties, inside a page or as a fragment.",
        defaultParameterSet: "Page", outputTypes: ["System.String"],
        examples: [HelpExample("Get-Process | ConvertTo-Html -Property Name, Id -Title 'Processes' > procs.html", "Writes a page with a two-column table."),
                   HelpExample("$rows | ConvertTo-Html -Fragment -As List", "Writes just a name/value table for each object.")],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to show."),
            Parameter("Property", \.property, position: 0,
                      help: "The properties to show (names, wildcards or calculated properties); all of them by default."),
            Parameter("Body", \.body, position: 3, sets: ["Page"], help: "Text placed after the opening <body> tag."),
            Parameter("Head", \.head, position: 1, sets: ["Page"], help: "Lines for the <head> element, replacing the title."),
            Parameter("Title", \.title, position: 2, sets: ["Page"], help: "The page title (HTML TABLE by default)."),
            Parameter("As", \.layout, help: "Table (one row per object, the default) or List (one name/value table per object)."),
            Parameter("CssUri", \.cssUri, sets: ["Page"], aliases: ["cu", "uri"], help: "A style sheet the page links to."),
            .switchParameter("Fragment", \.fragment, sets: ["Fragment"], help: "Writes only the table, without the page around it."),
            Parameter("PostContent", \.postContent, help: "Text written after the table."),
            Parameter("PreContent", \.preContent, help: "Text written before the table."),
            Parameter("Charset", \.charset, sets: ["Page"], help: "A character set named in a <meta charset> tag."),
            .switchParameter("Transitional", \.transitional, sets: ["Page"], help: "Declares the XHTML Transitional document type instead of Strict."),
        ])

    var inputObject: PSValue = .null
    var property: [PSValue] = []
    var body: [String]?
    var head: [String]?
    var title = "HTML TABLE"
    var layout: HtmlLayout = .Table
    var cssUri: String?
    var fragment = false
    var postContent: [String]?
    var preContent: [String]?
    var charset: String?
    var transitional = false

    private var expressions: [PropertyExpression] = []
    private var columns: [PropertyExpression]?
    private var objectCount = 0

    func begin(_ context: CommandContext) throws {
        if let cssUri, cssUri.trimmingCharacters(in: .whitespaces).isEmpty {
            throw context.terminatingError("The CssUri parameter needs a non-empty address.", id: "ArgumentException",
                                           category: .InvalidArgument, target: .string("CSSUri"), exceptionType: "System.ArgumentException")
        }
        expressions = try PropertyExpression.parse(property.isEmpty ? [.string("*")] : property, keys: .select, context: context)
        if !fragment {
            try context.write(.string(transitional
                ? "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">"
                : "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">"))
            try context.write(.string("<html xmlns=\"http://www.w3.org/1999/xhtml\">"))
            try context.write(.string("<head>"))
            if let charset { try context.write(.string("<meta charset=\"\(charset)\">")) }
            try writeLines(head ?? ["<title>\(title)</title>"], context)
            if let cssUri { try context.write(.string("<link rel=\"stylesheet\" type=\"text/css\" href=\"\(cssUri)\" />")) }
            try context.write(.string("</head><body>"))
            if let body { try writeLines(body, context) }
        }
        if let preContent { try writeLines(preContent, context) }
        try context.write(.string("<table>"))
    }

    func process(_ context: CommandContext) throws {
        if case .null = inputObject { return }
        objectCount += 1
        switch layout {
        case .List:
            // Each object resolves its own properties; a rule separates one object from the next.
            let resolved = resolve(on: inputObject)
            guard !resolved.isEmpty else { return }
            if objectCount > 1 { try context.write(.string("<tr><td><hr></td></tr>")) }
            for column in resolved {
                try context.write(.string("<tr><td>\(column.displayName):</td><td>\(try cell(column, context))</td></tr>"))
            }
        case .Table:
            if columns == nil {
                let resolved = resolve(on: inputObject)
                guard !resolved.isEmpty else { return }
                columns = resolved
                try context.write(.string("<colgroup>" + String(repeating: "<col/>", count: resolved.count) + "</colgroup>"))
                try context.write(.string("<tr>" + resolved.map { "<th>\($0.displayName)</th>" }.joined() + "</tr>"))
            }
            let cells = try (columns ?? []).map { "<td>\(try cell($0, context))</td>" }
            try context.write(.string("<tr>" + cells.joined() + "</tr>"))
        }
    }

    func end(_ context: CommandContext) throws {
        try context.write(.string("</table>"))
        if let postContent { try writeLines(postContent, context) }
        if !fragment { try context.write(.string("</body></html>")) }
    }

    /// The columns for one object: wildcards expand to its matching property names.
    private func resolve(on object: PSValue) -> [PropertyExpression] {
        expressions.flatMap { expression -> [PropertyExpression] in
            guard case .wildcard = expression.source else { return [expression] }
            return expression.names(on: object).map { name in
                var named = expression
                named.source = .name(name)
                return named
            }
        }
    }

    /// A cell's text: the value's .NET string form, HTML-encoded (a collection shows its type name, as in pwsh).
    private func cell(_ column: PropertyExpression, _ context: CommandContext) throws -> String {
        let value = try column.value(on: inputObject, context: context)
        if case .null = value { return "" }
        if value.baseValue.asArray != nil { return Self.htmlEncode(LanguagePrimitives.typeName(of: value.baseValue)) }
        return Self.htmlEncode(LanguagePrimitives.toString(value, context: context.session))
    }

    private func writeLines(_ lines: [String], _ context: CommandContext) throws {
        for line in lines { try context.write(.string(line)) }
    }

    /// Escapes text the way .NET's WebUtility.HtmlEncode does.
    static func htmlEncode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Latin-1 letters and characters outside the basic plane become numeric references.
                let scalars = c.unicodeScalars
                if scalars.count == 1, let v = scalars.first?.value, (160...255).contains(v) || v > 0xFFFF {
                    out += "&#\(v);"
                } else {
                    out.append(c)
                }
            }
        }
        return out
    }
}

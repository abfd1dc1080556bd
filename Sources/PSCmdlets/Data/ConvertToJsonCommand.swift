import PSRuntime

/// Serializes objects as JSON text.
final class ConvertToJsonCommand: Cmdlet {
    enum EscapeHandling: String, ParameterEnum {
        case Default, EscapeNonAscii, EscapeHtml
        static var parameterTypeName: String { "StringEscapeHandling" }
    }

    static let declaration = CmdletDeclaration(
        ConvertToJsonCommand.self, name: "ConvertTo-Json",
        synopsis: "Turns objects into a JSON string.",
        outputTypes: ["System.String"],
        examples: [HelpExample("@{ name = 'pcsh'; tags = 'a', 'b' } | ConvertTo-Json", "Writes an indented JSON object."),
                   HelpExample("Get-ChildItem | Select-Object Name, Length | ConvertTo-Json -Compress", "Writes one compact JSON array."),
                   HelpExample("$config | ConvertTo-Json -Depth 10", "Keeps deeply nested objects instead of flattening them to text.")],
        parameters: [
            Parameter("InputObject", \.inputObject, position: 0, mandatory: true, pipeline: .byValue,
                      help: "The objects to convert; several pipeline objects become one JSON array."),
            Parameter("Depth", \.depth, validate: [.range(min: 0, max: Double(Int32.max))],
                      help: "How many levels of nested objects to write before using their string form (2 by default, 100 at most).",
                      defaultValue: "2"),
            .switchParameter("Compress", \.compress, help: "Leaves out all indentation and line breaks."),
            .switchParameter("EnumsAsStrings", \.enumsAsStrings, help: "Writes enumeration values by name instead of number."),
            .switchParameter("AsArray", \.asArray, help: "Writes a JSON array even for a single object."),
            Parameter("EscapeHandling", \.escapeHandling,
                      help: "Which characters to escape: Default (control characters), EscapeNonAscii or EscapeHtml."),
        ])

    var inputObject: PSValue = .null
    var depth = 2
    var compress = false
    var enumsAsStrings = false
    var asArray = false
    var escapeHandling: EscapeHandling = .Default

    private var collected: [PSValue] = []

    func begin(_ context: CommandContext) throws {
        if depth > 100 {
            throw context.terminatingError("The -Depth of ConvertTo-Json can be at most 100.", id: "ReachedMaximumDepthAllowed",
                                           category: .InvalidOperation, exceptionType: "System.InvalidOperationException")
        }
    }

    func process(_ context: CommandContext) throws {
        collected.append(inputObject)
    }

    func end(_ context: CommandContext) throws {
        guard !collected.isEmpty else { return }
        let root: PSValue = collected.count > 1 || asArray ? .array(collected) : collected[0]
        let tree = try JsonSerializer(maxDepth: depth, enumsAsStrings: enumsAsStrings, context: context).convert(root)
        let writer = JsonTextWriter(indented: !compress, escaping: JsonEscapeHandling(rawValue: escapeHandling.rawValue) ?? .Default)
        try context.write(.string(writer.write(tree)))
    }
}

import PSRuntime

/// Parses JSON text into objects.
final class ConvertFromJsonCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ConvertFromJsonCommand.self, name: "ConvertFrom-Json",
        synopsis: "Turns JSON text into objects (PSCustomObjects, or hashtables with -AsHashtable).",
        outputTypes: ["System.Management.Automation.PSObject", "System.Collections.Hashtable"],
        examples: [HelpExample("'{\"a\": 1, \"b\": [1, 2]}' | ConvertFrom-Json", "Gives an object with properties a and b."),
                   HelpExample("Get-Content ./settings.json -Raw | ConvertFrom-Json -AsHashtable", "Reads a settings file into a hashtable.")],
        parameters: [
            Parameter("InputObject", \.inputObject, position: 0, mandatory: true, pipeline: .byValue,
                      help: "The JSON text; lines arriving one by one are joined before parsing."),
            .switchParameter("AsHashtable", \.asHashtable, help: "Makes hashtables instead of PSCustomObjects."),
            Parameter("Depth", \.depth, validate: [.range(min: 1, max: Double(Int32.max))],
                      help: "How deeply the JSON may nest (1024 by default).", defaultValue: "1024"),
            .switchParameter("NoEnumerate", \.noEnumerate, help: "Writes a JSON array as one object instead of its elements."),
        ])

    var inputObject = ""
    var asHashtable = false
    var depth = 1024
    var noEnumerate = false

    private var buffered: [String] = []

    func process(_ context: CommandContext) throws {
        buffered.append(inputObject)
    }

    func end(_ context: CommandContext) throws {
        guard !buffered.isEmpty else { return }
        if buffered.count == 1 {
            try emit(parse(buffered[0], context), context)
            return
        }
        // Several strings: either each is a document, or (usually) they are the lines of one.
        if let first = try? parse(buffered[0], context), !first.isNull {
            try emit(first, context)
            for text in buffered.dropFirst() { try emit(parse(text, context), context) }
        } else {
            try emit(parse(buffered.joined(separator: "\n"), context), context)
        }
    }

    private func parse(_ text: String, _ context: CommandContext) throws -> PSValue {
        var parser = JsonParser(asHashtable: asHashtable, maxDepth: depth)
        do {
            return try parser.parse(text)
        } catch let failure as JsonParseError {
            throw context.terminatingError("Conversion from JSON failed with error: \(failure.description)",
                                           id: "System.ArgumentException", category: .NotSpecified,
                                           exceptionType: "System.ArgumentException")
        } catch let failure as ConvertFromJsonFailure {
            throw context.terminatingError(failure.message, id: failure.id, category: .InvalidOperation,
                                           exceptionType: "System.InvalidOperationException")
        }
    }

    private func emit(_ value: PSValue, _ context: CommandContext) throws {
        if noEnumerate { try context.write(value) } else { try context.writeEnumerated(value) }
    }
}

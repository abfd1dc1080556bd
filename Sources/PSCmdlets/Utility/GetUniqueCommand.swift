import PSRuntime

/// Drops objects equal to the one just before them (input is usually sorted first).
final class GetUniqueCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetUniqueCommand.self, name: "Get-Unique", aliases: ["gu"],
        synopsis: "Removes consecutive duplicates from a sorted list.",
        description: "Each object is compared only with the previous one, so sort the input first to remove all duplicates. -AsString compares text; -OnType compares type names.",
        defaultParameterSet: "AsString",
        examples: [HelpExample("1, 1, 2, 2, 1 | Get-Unique", "Writes 1, 2, 1."),
                   HelpExample("'b', 'a', 'b' | Sort-Object | Get-Unique", "Writes a, b.")],
        parameters: [
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to filter."),
            .switchParameter("AsString", \.asString, sets: ["AsString"], help: "Compares the objects as text."),
            .switchParameter("OnType", \.onType, sets: ["UniqueByType"], help: "Compares the objects' type names."),
            .switchParameter("CaseInsensitive", \.caseInsensitive, help: "Ignores case when comparing text."),
        ])

    var inputObject: PSValue = .null
    var asString = false
    var onType = false
    var caseInsensitive = false

    private var previous: PSValue?
    private var previousText: String?
    private lazy var comparer = ObjectComparer(caseSensitive: !caseInsensitive, context: nil)

    func process(_ context: CommandContext) throws {
        guard context.hasInputObject else { return }
        let current = inputObject
        if asString || onType {
            let text = onType ? UtilityProperties.typeName(of: current) : LanguagePrimitives.toString(current, context: context.session)
            defer { previousText = text }
            if let previousText, caseInsensitive ? previousText.equalsIgnoringCase(text) : previousText == text { return }
            try context.write(current)
            return
        }
        defer { previous = current }
        if let previous, comparer.equals(previous, current) { return }
        try context.write(current)
    }
}

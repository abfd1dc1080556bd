import PSRuntime

/// What Format-Table, Format-List and Format-Wide share: they collect their input, then write
/// one format object that the Out-* commands lay out for their own width.
class FormatCommandBase {
    var groupBy: PSValue = .null
    var force = false
    var inputObject: PSValue = .null
    private var collected: [PSValue] = []

    required init() {}

    /// The parameters every Format-* cmdlet has, declared once.
    static func sharedParameters<C: FormatCommandBase & Cmdlet>() -> [Parameter<C>] {
        [
            Parameter("GroupBy", \.groupBy, help: "Starts a new block whenever this property's value changes."),
            .switchParameter("Force", \.force, help: "Accepted for compatibility; has no effect."),
            Parameter("InputObject", \.inputObject, pipeline: .byValue, help: "The objects to format."),
        ]
    }

    func process(_ context: CommandContext) throws {
        if !context.expectingInput && !context.isBound("InputObject") { return }
        collected.append(inputObject)
    }

    /// Builds and writes the format object for everything collected.
    func writeDirective(_ kind: FormatDirectiveBuilder.Kind, specs: [FormatPropertySpec]?, _ context: CommandContext) throws {
        let builder = FormatDirectiveBuilder(kind: kind, specs: specs,
                                             groupBy: try FormatDirectiveBuilder.groupSpec(groupBy, context: context))
        if let directive = builder.build(collected, context: context) { try context.write(.object(directive)) }
    }
}

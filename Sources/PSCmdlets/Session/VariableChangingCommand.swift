import PSRuntime

/// What Clear-Variable and Remove-Variable share: choosing the variables (names with wildcards,
/// -Include, -Exclude, -Scope), the read-only check and ShouldProcess; each says what it does to
/// a chosen variable.
class VariableChangingCommand {
    var name: [String] = []
    var include: [String] = []
    var exclude: [String] = []
    var force = false
    var scope: String?

    required init() {}

    /// The ShouldProcess action name.
    class var action: String { "" }
    /// The error for a variable that may not be changed.
    class func refusal(_ name: String) -> ErrorRecord { VariableCmdletSupport.notWritable(name) }
    /// Changes one chosen variable.
    func change(_ variable: PSVariable, lookupScope: Scope?, _ context: CommandContext) throws {}

    /// The parameters that choose variables; `verb` ("clear", "remove") words their help.
    static func selectionParameters<C: VariableChangingCommand & Cmdlet>(verb: String, forceHelp: String,
                                                                          scopeHelp: String) -> [Parameter<C>] {
        [
            Parameter("Name", \.name, position: 0, mandatory: true, pipeline: .byPropertyName,
                      help: "Names of the variables to \(verb); wildcards are allowed."),
            Parameter("Include", \.include, help: "Only variables whose names match one of these patterns."),
            Parameter("Exclude", \.exclude, help: "Leaves out variables whose names match one of these patterns."),
            .switchParameter("Force", \.force, help: forceHelp),
            Parameter("Scope", \.scope, help: scopeHelp),
        ]
    }

    func process(_ context: CommandContext) throws {
        let lookupScope = try VariableCmdletSupport.scope(scope, context)
        for pattern in name {
            let matches = VariableCmdletSupport.matching(pattern, include: include, exclude: exclude,
                                                         in: VariableCmdletSupport.candidates(in: lookupScope, context))
            if matches.isEmpty && !WildcardPattern.containsWildcard(pattern) {
                try context.writeError(VariableCmdletSupport.notFound(pattern))
                continue
            }
            for variable in matches {
                guard VariableCmdletSupport.isWritable(variable, force: force) else {
                    try context.writeError(Self.refusal(variable.name))
                    continue
                }
                guard try context.shouldProcess(target: "Name: \(variable.name)", action: Self.action) else { continue }
                try change(variable, lookupScope: lookupScope, context)
            }
        }
    }
}

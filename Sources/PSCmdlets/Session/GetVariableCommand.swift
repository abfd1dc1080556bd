import PSRuntime

/// Lists variables of the session.
final class GetVariableCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetVariableCommand.self, name: "Get-Variable", aliases: ["gv"],
        synopsis: "Gets the variables of the current session.",
        description: "Lists variables whose names match the given wildcard patterns, as PSVariable objects or, with -ValueOnly, just their values.",
        outputTypes: ["System.Management.Automation.PSVariable"],
        examples: [
            HelpExample("Get-Variable m*", "Lists the variables whose names start with m."),
            HelpExample("Get-Variable HOME -ValueOnly", "Gets the value of $HOME."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, pipeline: [.byValue, .byPropertyName],
                      help: "Names of the variables to get; wildcards are allowed. All variables when omitted.",
                      defaultValue: "*"),
            .switchParameter("ValueOnly", \.valueOnly, help: "Outputs only the values, not the variable objects."),
            Parameter("Include", \.include, help: "Only variables whose names match one of these patterns."),
            Parameter("Exclude", \.exclude, help: "Leaves out variables whose names match one of these patterns."),
            Parameter("Scope", \.scope, help: "Looks only in this scope: Global, Script, Local or a number of levels up."),
        ])

    var name: [String] = []
    var valueOnly = false
    var include: [String] = []
    var exclude: [String] = []
    var scope: String?

    func process(_ context: CommandContext) throws {
        let lookupScope = try VariableCmdletSupport.scope(scope, context)
        let candidates = VariableCmdletSupport.candidates(in: lookupScope, context)
        for pattern in name.isEmpty ? ["*"] : name {
            let matches = VariableCmdletSupport.matching(pattern, include: include, exclude: exclude, in: candidates)
            for variable in matches {
                try context.write(valueOnly ? variable.value : VariableCmdletSupport.object(for: variable))
            }
            if matches.isEmpty && !WildcardPattern.containsWildcard(pattern) {
                try context.writeError(VariableCmdletSupport.notFound(pattern))
            }
        }
    }
}

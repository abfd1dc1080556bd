import PSRuntime

/// Lists aliases.
final class GetAliasCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetAliasCommand.self, name: "Get-Alias", aliases: ["gal"],
        synopsis: "Gets the aliases of the session.",
        defaultParameterSet: "Default",
        outputTypes: ["System.Management.Automation.AliasInfo"],
        examples: [
            HelpExample("Get-Alias g*", "Lists the aliases starting with g."),
            HelpExample("Get-Alias -Definition Get-ChildItem", "Lists the aliases of Get-ChildItem."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, sets: ["Default"], pipeline: [.byValue, .byPropertyName],
                      validate: [.notNullOrEmpty], help: "Alias names to get; wildcards are allowed. All aliases when omitted."),
            Parameter("Exclude", \.exclude, help: "Leaves out aliases matching these patterns."),
            Parameter("Scope", \.scope, help: "Looks only in this scope: Global, Script, Local or a number of levels up."),
            Parameter("Definition", \.definition, sets: ["Definition"], validate: [.notNullOrEmpty],
                      help: "Gets the aliases of these commands (wildcards allowed)."),
        ])

    var name: [String] = []
    var exclude: [String] = []
    var scope: String?
    var definition: [String] = []

    func process(_ context: CommandContext) throws {
        let aliases = AliasCmdletSupport.candidates(in: try VariableCmdletSupport.scope(scope, context), context)
        let byDefinition = context.parameterSetName == "Definition"
        let excludes = exclude.map { WildcardPattern($0) }
        for pattern in byDefinition ? definition : (name.isEmpty ? ["*"] : name) {
            let wildcard = WildcardPattern(pattern)
            let matches = aliases.filter { alias in
                let key = byDefinition ? alias.definition : alias.name
                return wildcard.matches(key) && !excludes.contains { $0.matches(key) }
            }
            for alias in matches { try context.write(CommandInfoObjects.alias(alias, session: context.session)) }
            if matches.isEmpty && !WildcardPattern.containsWildcard(pattern) && exclude.isEmpty {
                try context.writeError(ErrorRecord(
                    "No alias with the \(byDefinition ? "definition" : "name") '\(pattern)' exists.",
                    id: "ItemNotFoundException", category: .ObjectNotFound,
                    exceptionType: "System.Management.Automation.ItemNotFoundException", target: .string(pattern)))
            }
        }
    }
}

import PSRuntime

/// Finds the commands the session can run.
final class GetCommandCommand: Cmdlet {
    static let commandTypeNames = ["Alias", "Function", "Filter", "Cmdlet", "ExternalScript", "Application", "Script", "Configuration", "All"]

    static let declaration = CmdletDeclaration(
        GetCommandCommand.self, name: "Get-Command", aliases: ["gcm"],
        synopsis: "Lists the commands available in the session: aliases, functions, cmdlets and programs.",
        description: "Names may contain wildcards; a plain name that matches nothing is an error. Programs on PATH and script files are found by their exact name.",
        module: "Microsoft.PowerShell.Core", defaultParameterSet: "CmdletSet",
        outputTypes: ["System.Management.Automation.CommandInfo"],
        examples: [
            HelpExample("Get-Command *-Variable", "Lists the variable cmdlets."),
            HelpExample("Get-Command -Verb Get -Module Microsoft.PowerShell.Utility", "Lists the Get cmdlets of one module."),
            HelpExample("Get-Command git -CommandType Application", "Finds the git program on PATH."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, sets: ["AllCommandSet"], pipeline: [.byValue, .byPropertyName],
                      help: "Command names to look for; wildcards are allowed."),
            Parameter("Verb", \.verb, sets: ["CmdletSet"], pipeline: .byPropertyName, help: "Only commands with these verbs (wildcards allowed)."),
            Parameter("Noun", \.noun, sets: ["CmdletSet"], pipeline: .byPropertyName, help: "Only commands with these nouns (wildcards allowed)."),
            Parameter("Module", \.module, pipeline: .byPropertyName, aliases: ["PSSnapin"], help: "Only commands from these modules."),
            Parameter("CommandType", \.commandType, sets: ["AllCommandSet"], pipeline: .byPropertyName, aliases: ["Type"],
                      validate: [.set(GetCommandCommand.commandTypeNames, ignoreCase: true)],
                      help: "Only these kinds of command: Alias, Function, Filter, Cmdlet, ExternalScript, Application, All."),
            Parameter("TotalCount", \.totalCount, help: "Stops after this many commands."),
            .switchParameter("Syntax", \.syntax, help: "Outputs the syntax of each command instead of the command."),
            .switchParameter("All", \.all, help: "Includes commands hidden by others of the same name."),
        ])

    var name: [String] = []
    var verb: [String] = []
    var noun: [String] = []
    var module: [String] = []
    var commandType: [String] = []
    var totalCount: Int?
    var syntax = false
    var all = false

    private var written = 0

    func process(_ context: CommandContext) throws {
        let patterns = name.isEmpty ? ["*"] : name
        for pattern in patterns {
            let found: [CommandInfo]
            if WildcardPattern.containsWildcard(pattern) {
                found = search(pattern, context)
            } else {
                found = exact(pattern, context)
                if found.isEmpty {
                    try context.writeError(ErrorRecord(
                        "'\(pattern)' is not the name of a cmdlet, function, alias, script file or program found in this session. Check the spelling, or the path if one was given.",
                        id: "CommandNotFoundException", category: .ObjectNotFound,
                        exceptionType: "System.Management.Automation.CommandNotFoundException", target: .string(pattern)))
                    continue
                }
            }
            for info in found {
                if let totalCount, totalCount >= 0, written >= totalCount { return }
                written += 1
                try context.write(syntax ? .string(syntaxText(info, context)) : CommandInfoObjects.object(for: info, session: context.session))
            }
        }
    }

    /// Commands named exactly `commandName` (the one that runs first, or all kinds with -All).
    private func exact(_ commandName: String, _ context: CommandContext) -> [CommandInfo] {
        let session = context.session
        var results: [CommandInfo] = []
        if let alias = session.alias(named: commandName), aliasIsVisible(alias, session) { results.append(.alias(alias)) }
        if let function = session.function(named: commandName) { results.append(.function(function)) }
        if let cmdlet = session.commands.cmdlet(named: commandName), session.isCommandVisible(cmdlet) { results.append(.cmdlet(cmdlet)) }
        if results.isEmpty || all, let external = session.resolveExternal(commandName) { results.append(external) }
        if results.isEmpty, let resolved = session.resolveCommand(commandName, followAliases: false) {
            if case .cmdlet(let cmdlet) = resolved, !session.isCommandVisible(cmdlet) { return [] }
            results.append(resolved)
        }
        let filtered = results.filter(passesFilters)
        return all ? filtered : Array(filtered.prefix(1))
    }

    /// Aliases, functions and cmdlets matching a wildcard, grouped by kind and sorted by name.
    private func search(_ pattern: String, _ context: CommandContext) -> [CommandInfo] {
        let wildcard = WildcardPattern(pattern)
        let session = context.session
        var results: [CommandInfo] = []
        if verb.isEmpty && noun.isEmpty {
            results += session.visibleAliases().filter { wildcard.matches($0.name) && aliasIsVisible($0, session) }.map { .alias($0) }
        }
        let functions = session.visibleFunctions().filter { wildcard.matches($0.name) }
        results += functions.filter { !$0.isFilter }.map { .function($0) }
        results += functions.filter(\.isFilter).map { .function($0) }
        results += session.commands.all.filter { wildcard.matches($0.name) && session.isCommandVisible($0) }
            .sorted { $0.name.lowercased() < $1.name.lowercased() }.map { .cmdlet($0) }
        return results.filter(passesFilters)
    }

    /// An alias shows when the cmdlet it leads to does (a session limited to roles sees no alias
    /// of a command it may not run).
    private func aliasIsVisible(_ alias: AliasInfo, _ session: ExecutionContext) -> Bool {
        guard case .cmdlet(let cmdlet)? = session.resolveCommand(alias.definition) else { return true }
        return session.isCommandVisible(cmdlet)
    }

    private func passesFilters(_ info: CommandInfo) -> Bool {
        if !commandType.isEmpty && !commandType.contains(where: { $0.equalsIgnoringCase("All") })
            && !commandType.contains(where: { $0.equalsIgnoringCase(info.commandType) }) {
            return false
        }
        if !verb.isEmpty || !noun.isEmpty {
            if case .alias = info { return false }
            let parts = info.name.split(separator: "-", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return false }
            if !verb.isEmpty && !verb.contains(where: { WildcardPattern($0).matches(parts[0]) }) { return false }
            if !noun.isEmpty && !noun.contains(where: { WildcardPattern($0).matches(parts[1]) }) { return false }
        }
        if !module.isEmpty {
            let source: String
            switch info {
            case .cmdlet(let c): source = c.moduleName
            case .function(let f): source = f.moduleName ?? ""
            default: source = ""
            }
            if !module.contains(where: { WildcardPattern($0).matches(source) }) { return false }
        }
        return true
    }

    private func syntaxText(_ info: CommandInfo, _ context: CommandContext) -> String {
        switch info {
        case .cmdlet(let declaration): return CommandInfoObjects.syntax(declaration)
        case .alias(let alias):
            // pwsh names the alias, then shows its command's syntax spelled with the alias.
            let header = "\(alias.name) (alias) -> \(alias.definition)"
            guard let target = context.session.resolveCommand(alias.definition) else { return header }
            if case .alias = target { return header }
            let renamed = syntaxText(target, context).split(separator: "\n").map { line -> String in
                line.hasPrefix(alias.definition) ? alias.name + line.dropFirst(alias.definition.count) : String(line)
            }
            return header + "\n\n" + renamed.joined(separator: "\n")
        case .function(let function): return HelpTopic(function).syntax.joined(separator: "\n")
        case .externalScript(let path):
            return ((try? HelpTopics.topic(for: path, session: context.session)) ?? nil)?.syntax.joined(separator: "\n") ?? path
        case .application(let path): return path
        }
    }
}

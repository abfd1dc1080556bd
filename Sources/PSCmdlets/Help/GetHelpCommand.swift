import Foundation
import PSRuntime

/// Shows help for commands: built-in cmdlets from their declarations, script functions and
/// scripts from their comment-based help.
final class GetHelpCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetHelpCommand.self, name: "Get-Help", aliases: ["help"],
        synopsis: "Shows how to use a command: what it does, its syntax, its parameters and examples.",
        description: "Works for the built-in cmdlets, for functions (from the comment-based help written before them or at the start of their body) and for script files (from the comment block at the top). A name with wildcards lists the matching commands; an alias shows the help of its command.",
        module: "Microsoft.PowerShell.Core", defaultParameterSet: "AllUsersView",
        outputTypes: ["System.String"],
        examples: [
            HelpExample("Get-Help Get-Content", "The synopsis, syntax and description of Get-Content."),
            HelpExample("Get-Help Select-Object -Parameter Property", "Only the Property parameter of Select-Object."),
            HelpExample("Get-Help *-Item", "Lists the commands whose names end in -Item."),
            HelpExample("Get-Help ./deploy.ps1 -Full", "The complete help of a script file."),
        ],
        parameters: [
            Parameter("Name", \.name, position: 0, pipeline: .byPropertyName,
                      help: "The command, alias or script path to show help for; wildcards list the matching commands."),
            .switchParameter("Full", \.full, sets: ["AllUsersView"],
                             help: "Shows everything, including the attributes of each parameter."),
            .switchParameter("Detailed", \.detailed, sets: ["DetailedView"],
                             help: "Adds the parameter descriptions and the examples."),
            .switchParameter("Examples", \.examples, sets: ["Examples"], help: "Shows only the name, synopsis and examples."),
            Parameter("Parameter", \.parameter, mandatory: true, sets: ["Parameters"],
                      help: "Shows only the parameters with these names (wildcards allowed)."),
        ])

    var name: String?
    var full = false
    var detailed = false
    var examples = false
    var parameter: [String] = []

    func process(_ context: CommandContext) throws {
        let session = context.session
        guard let name, !name.isEmpty else {
            try context.write(.string(ConceptualHelp.overview))
            return
        }
        if let text = ConceptualHelp.topics[name.lowercased()] {
            try context.write(.string(text))
            return
        }
        if WildcardPattern.containsWildcard(name) {
            let matches = HelpTopics.matching(name, session: session)
            if matches.count == 1 {
                try show(matches[0], context)
            } else if matches.isEmpty {
                throw notFound(name, context)
            } else {
                for topic in matches { try context.write(HelpTopics.summary(topic)) }
            }
            return
        }
        guard let topic = try HelpTopics.topic(for: name, session: session) else { throw notFound(name, context) }
        try show(topic, context)
    }

    private func show(_ topic: HelpTopic, _ context: CommandContext) throws {
        if context.parameterSetName.equalsIgnoringCase("Parameters") {
            let patterns = parameter.map { WildcardPattern($0) }
            let chosen = topic.parameters.filter { p in patterns.contains { $0.matches(p.name) } }
            if chosen.isEmpty {
                throw context.terminatingError(
                    "\(topic.name) has no parameter matching '\(parameter.joined(separator: ", "))'.",
                    id: "NoParmsFound", category: .ObjectNotFound, target: .string(parameter.joined(separator: ", ")),
                    exceptionType: "System.ArgumentException")
            }
            try context.write(.string(HelpText.renderParameters(chosen, topic: topic)))
            return
        }
        let view: HelpText.View = full ? .full : detailed ? .detailed : examples ? .examples : .basic
        try context.write(.string(HelpText.render(topic, view: view)))
    }

    private func notFound(_ name: String, _ context: CommandContext) -> RuntimeError {
        context.terminatingError(
            "No help was found for '\(name)': it is not a command, function or script known to this session. Get-Command lists what is available.",
            id: "HelpNotFound", category: .ResourceUnavailable, target: .string(name),
            exceptionType: "Microsoft.PowerShell.Commands.HelpNotFoundException")
    }
}

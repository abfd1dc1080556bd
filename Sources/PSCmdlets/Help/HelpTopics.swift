import Foundation
import PSRuntime

/// Finds the help topic for a name: a command (aliases followed), a function, or a script path.
enum HelpTopics {
    static func topic(for name: String, session: ExecutionContext) throws -> HelpTopic? {
        if looksLikePath(name) {
            let path = session.resolvePath(name)
            try session.authorizeFile(path, .reads, commandName: "Get-Help")
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return try scriptTopic(path, session: session)
        }
        switch session.resolveCommand(name) {
        case .cmdlet(let declaration)?: return HelpTopic(declaration)
        case .function(let function)?: return HelpTopic(function)
        case .externalScript(let path)?: return try scriptTopic(path, session: session)
        default: return nil
        }
    }

    /// Topics of the cmdlets and functions whose names match a wildcard, sorted by name.
    static func matching(_ pattern: String, session: ExecutionContext) -> [HelpTopic] {
        let wildcard = WildcardPattern(pattern)
        var topics = session.visibleFunctions().filter { wildcard.matches($0.name) }.map(HelpTopic.init)
        topics += session.commands.all.filter { wildcard.matches($0.name) }.map(HelpTopic.init)
        for alias in session.visibleAliases() where wildcard.matches(alias.name) {
            if case .cmdlet(let declaration)? = session.resolveCommand(alias.definition),
               !topics.contains(where: { $0.name.equalsIgnoringCase(declaration.name) }) {
                topics.append(HelpTopic(declaration))
            }
        }
        return topics.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// The one-line entry of a topic list (Name, Category, Module, Synopsis).
    static func summary(_ topic: HelpTopic) -> PSValue {
        let object = PSObject(typeNames: ["HelpInfoShort", "System.Object"])
        object["Name"] = .string(topic.name)
        object["Category"] = .string(topic.category)
        object["Module"] = .string(topic.module)
        object["Synopsis"] = .string(topic.synopsis)
        return .object(object)
    }

    private static func looksLikePath(_ name: String) -> Bool {
        name.contains("/") || name.contains("\\") || name.lowercased().hasSuffix(".ps1")
    }

    private static func scriptTopic(_ path: String, session: ExecutionContext) throws -> HelpTopic? {
        try session.authorizeFile(path, .reads, commandName: "Get-Help")
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        let block = try? session.createScriptBlock(text, path: path)
        return HelpTopic(scriptAt: path, text: text, block: block)
    }
}

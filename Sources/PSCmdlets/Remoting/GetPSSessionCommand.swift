import PSRuntime

/// Get-PSSession: the sessions this shell opened.
final class GetPSSessionCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetPSSessionCommand.self, name: "Get-PSSession", aliases: ["gsn"],
        synopsis: "Lists the sessions this shell opened.",
        module: "Microsoft.PowerShell.Core", outputTypes: [RemoteSession.typeName],
        parameters: [
            Parameter("Name", \.names, position: 0, sets: ["Name"], help: "Sessions by name (wildcards allowed)."),
            Parameter("Id", \.ids, sets: ["Id"], help: "Sessions by id."),
        ])

    var names: [String] = []
    var ids: [Int] = []

    func end(_ context: CommandContext) throws {
        let patterns = names.map { WildcardPattern($0) }
        for session in RemoteSessionTable.of(context.session).sessions
        where (patterns.isEmpty || patterns.contains { $0.matches(session.name) }) && (ids.isEmpty || ids.contains(session.id)) {
            try context.write(.object(session))
        }
    }
}

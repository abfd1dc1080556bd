import PSRuntime

/// Remove-PSSession: closes sessions (the endpoint's worker ends with them).
final class RemovePSSessionCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        RemovePSSessionCommand.self, name: "Remove-PSSession", aliases: ["rsn"],
        synopsis: "Closes sessions.",
        module: "Microsoft.PowerShell.Core", defaultParameterSet: "Session", supportsShouldProcess: true,
        confirmImpact: .Low,
        parameters: [
            Parameter("Session", \.session, position: 0, sets: ["Session"], pipeline: .byValue, help: "The sessions to close."),
            Parameter("Name", \.names, sets: ["Name"], help: "Sessions by name."),
            Parameter("Id", \.ids, sets: ["Id"], help: "Sessions by id."),
        ])

    var session: [PSValue] = []
    var names: [String] = []
    var ids: [Int] = []

    func process(_ context: CommandContext) throws {
        let table = RemoteSessionTable.of(context.session)
        var chosen = try RemotingCmdlets.sessions(session, context: context)
        if !names.isEmpty { chosen += table.sessions.filter { s in names.contains { WildcardPattern($0).matches(s.name) } } }
        if !ids.isEmpty { chosen += table.sessions.filter { ids.contains($0.id) } }
        for item in chosen where try context.shouldProcess(target: item.name, action: "Remove-PSSession") {
            table.remove(item)
        }
    }
}

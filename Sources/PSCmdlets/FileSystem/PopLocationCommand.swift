import PSRuntime

/// Pop-Location: goes back to the directory Push-Location saved last.
final class PopLocationCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        PopLocationCommand.self, name: "Pop-Location", aliases: ["popd"],
        synopsis: "Returns to the directory Push-Location saved last.",
        description: "Takes the newest directory off the stack (or the stack -StackName) and moves there. An empty default stack does nothing; a named stack that does not exist is an error.",
        module: "Microsoft.PowerShell.Management",
        outputTypes: ["System.Management.Automation.PathInfo"],
        examples: [HelpExample("Pop-Location", "Returns to the directory saved last."),
                   HelpExample("Pop-Location -StackName Work", "Returns to the directory saved on the stack Work.")],
        parameters: [
            Parameter("StackName", \.stackName, help: "The stack to take the directory from."),
            .switchParameter("PassThru", \.passThru, help: "Writes the new location to the pipeline."),
        ])

    var stackName = ""
    var passThru = false

    func process(_ context: CommandContext) throws {
        let history = LocationHistory.of(context.session)
        let key = stackName.lowercased()
        guard let previous = history.pushed[key]?.popLast() else {
            if key.isEmpty { return }
            throw context.terminatingError("Cannot find a location stack with the name '\(stackName)'.",
                                           id: "Argument", category: .InvalidArgument, target: .string(stackName),
                                           exceptionType: "System.Management.Automation.PSArgumentException")
        }
        try SetLocationCommand.move(to: previous, context: context, recordHistory: true, passThru: passThru)
    }
}

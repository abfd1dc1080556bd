import PSRuntime

/// Push-Location: remembers the current directory on a stack, then moves (like Set-Location).
final class PushLocationCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        PushLocationCommand.self, name: "Push-Location", aliases: ["pushd"],
        synopsis: "Saves the current directory on a stack, then moves to another one.",
        description: "Pop-Location returns to the saved directory. -StackName keeps separate stacks; without -Path only the current directory is saved.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path",
        outputTypes: ["System.Management.Automation.PathInfo"],
        examples: [HelpExample("Push-Location /tmp; Pop-Location", "Visits /tmp and comes back."),
                   HelpExample("Push-Location ~ -StackName Work", "Saves the current directory on the stack Work and moves home.")],
        parameters: [
            Parameter("Path", \.path, position: 0, sets: ["Path"], pipeline: [.byValue, .byPropertyName],
                      files: .reads, help: "The directory to move to after saving the current one."),
            Parameter("LiteralPath", \.literalPath, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .reads, help: "The directory to move to, taken exactly as written."),
            Parameter("StackName", \.stackName, help: "The stack to save the directory on (the default stack when not given)."),
            .switchParameter("PassThru", \.passThru, help: "Writes the new location to the pipeline."),
        ])

    var path: String?
    var literalPath: String?
    var stackName = ""
    var passThru = false

    func process(_ context: CommandContext) throws {
        let session = context.session
        let target: String? = literalPath.map { FileSystemPaths.absolute($0, session) }
            ?? path.map { FileSystemPaths.absolute(WildcardPattern.unescape($0), session) }
        if let target {
            try context.authorizeFile(target, .reads)
            guard FileSystemPaths.isDirectory(target) else { throw SetLocationCommand.notFound(target, context) }
        }
        LocationHistory.of(session).pushed[stackName.lowercased(), default: []].append(session.location)
        if let target { try SetLocationCommand.move(to: target, context: context, recordHistory: true, passThru: passThru) }
    }
}

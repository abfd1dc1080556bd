import PSRuntime

/// Reports the current directory.
final class GetLocationCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetLocationCommand.self, name: "Get-Location", aliases: ["gl", "pwd"],
        synopsis: "Shows the directory the session is working in.",
        module: "Microsoft.PowerShell.Management",
        outputTypes: ["System.Management.Automation.PathInfo"],
        examples: [HelpExample("Get-Location", "Shows the current directory."),
                   HelpExample("(Get-Location).Path", "Gets the current directory as a string.")],
        parameters: [])

    func process(_ context: CommandContext) throws {
        try context.write(.object(FileSystemItem.pathInfo(context.session.location, session: context.session)))
    }
}

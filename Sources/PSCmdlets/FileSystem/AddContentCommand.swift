import PSRuntime

/// Appends text to files.
final class AddContentCommand: ContentWritingCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        AddContentCommand.self, name: "Add-Content", aliases: [],
        synopsis: "Appends text to files, creating files that do not exist.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path", supportsShouldProcess: true,
        examples: [HelpExample("Add-Content ./log.txt -Value \"done\"", "Adds a line at the end of log.txt."),
                   HelpExample("Get-Date | Add-Content ./log.txt", "Appends the current time.")],
        parameters: parameters(valueHelp: "The text to append; each value becomes a line."))

    override class var appends: Bool { true }
    override class var action: String { "Add Content" }
}

import PSRuntime

/// Replaces file contents with text.
final class SetContentCommand: ContentWritingCommand, Cmdlet {
    static let declaration = CmdletDeclaration(
        SetContentCommand.self, name: "Set-Content", aliases: ["sc"],
        synopsis: "Replaces the contents of files with new text, creating files that do not exist.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path", supportsShouldProcess: true,
        examples: [HelpExample("Set-Content ./out.txt -Value \"hello\"", "Writes one line to out.txt, replacing what was there."),
                   HelpExample("1..3 | Set-Content ./numbers.txt", "Writes three lines.")],
        parameters: parameters(valueHelp: "The text to write; each value becomes a line."))
}

import PSRuntime

/// Gets the file or directory at a path.
final class GetItemCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetItemCommand.self, name: "Get-Item", aliases: ["gi"],
        synopsis: "Gets the files or directories at the given paths.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path",
        outputTypes: ["System.IO.FileInfo", "System.IO.DirectoryInfo"],
        examples: [HelpExample("Get-Item ./notes.txt", "Gets one file."),
                   HelpExample("(Get-Item .).FullName", "Gets the full path of the current directory.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: [.byValue, .byPropertyName],
                      files: .reads, help: "The items to get; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .reads, help: "The items to get, taken exactly as written."),
            Parameter("Filter", \.filter, help: "A wildcard the item names must match."),
            Parameter("Include", \.include, help: "Wildcards; only items whose names match one are returned."),
            Parameter("Exclude", \.exclude, help: "Wildcards; items whose names match one are left out."),
            .switchParameter("Force", \.force, help: "Lets wildcards match hidden items."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var filter: String?
    var include: [String] = []
    var exclude: [String] = []
    var force = false

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        let found = try FileSystemPaths.resolveExisting(literal ? literalPath : path, literal: literal, context: context, use: .reads,
                                                        includeHidden: force)
        let names = ItemNameFilter(filter: filter, include: include, exclude: exclude)
        for full in found {
            let name = FileSystemPaths.leaf(of: full)
            if !names.accepts(name) { continue }
            if let item = FileSystemItem.make(full, session: context.session) { try context.write(.object(item)) }
        }
    }
}

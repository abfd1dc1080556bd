import PSRuntime

/// Joins a parent path and child paths.
final class JoinPathCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        JoinPathCommand.self, name: "Join-Path",
        synopsis: "Puts a path and one or more child paths together with a single separator between each.",
        module: "Microsoft.PowerShell.Management", outputTypes: ["System.String"],
        examples: [HelpExample("Join-Path /usr local bin", "Gives /usr/local/bin."),
                   HelpExample("Join-Path $HOME *.txt -Resolve", "Lists the text files in the home directory.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, pipeline: [.byValue, .byPropertyName],
                      aliases: ["PSPath"], help: "The parent paths."),
            Parameter("ChildPath", \.childPath, position: 1, pipeline: .byPropertyName,
                      help: "The path to add to each parent."),
            Parameter("AdditionalChildPath", \.additionalChildPath, position: 2, remaining: true,
                      help: "More path parts, joined in order."),
            .switchParameter("Resolve", \.resolve, help: "Writes the full paths of the existing items the joined path names."),
        ])

    var path: [String] = []
    var childPath: String?
    var additionalChildPath: [String] = []
    var resolve = false

    func process(_ context: CommandContext) throws {
        for parent in path {
            var joined = parent
            for child in [childPath ?? ""] + additionalChildPath {
                joined = Self.join(joined, child)
            }
            if resolve {
                for full in try FileSystemPaths.resolveExisting([joined], literal: false, context: context, use: .reads,
                                                                includeHidden: true, wildcardMissIsError: true) {
                    try context.write(.string(full))
                }
            } else {
                try context.write(.string(joined))
            }
        }
    }

    /// One separator between the parts, whatever separators they bring.
    static func join(_ parent: String, _ child: String) -> String {
        if child.isEmpty { return parent }
        if parent.isEmpty { return child }
        var left = Substring(parent)
        while left.count > 1 && left.hasSuffix("/") { left = left.dropLast() }
        var right = Substring(child)
        while right.hasPrefix("/") { right = right.dropFirst() }
        if left == "/" { return "/" + right }
        return left + "/" + right
    }
}

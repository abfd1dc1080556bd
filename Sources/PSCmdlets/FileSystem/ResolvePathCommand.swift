import PSRuntime

/// Expands wildcards and relative paths into full paths of existing items.
final class ResolvePathCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        ResolvePathCommand.self, name: "Resolve-Path", aliases: ["rvpa"],
        synopsis: "Turns wildcard and relative paths into the full paths of the items they name.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path",
        outputTypes: ["System.Management.Automation.PathInfo", "System.String"],
        examples: [HelpExample("Resolve-Path ./*.txt", "Lists the full paths of the text files here."),
                   HelpExample("Resolve-Path /tmp/a.txt -Relative", "Gives the path relative to the current directory.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: [.byValue, .byPropertyName],
                      files: .reads, help: "The paths to resolve; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .reads, help: "The paths to resolve, taken exactly as written."),
            .switchParameter("Relative", \.relative, help: "Writes paths relative to the current directory, as strings."),
            Parameter("RelativeBasePath", \.relativeBasePath, pipeline: .byPropertyName,
                      help: "The directory -Relative paths are relative to (the current directory by default)."),
            .switchParameter("Force", \.force, help: "Lets wildcards match hidden items."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var relative = false
    var relativeBasePath: String?
    var force = false

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        let found = try FileSystemPaths.resolveExisting(literal ? literalPath : path, literal: literal, context: context, use: .reads,
                                                        includeHidden: force, wildcardMissIsError: true)
        let base = relativeBasePath.map { FileSystemPaths.absolute($0, context.session) } ?? context.session.location
        for full in found {
            if relative {
                try context.write(.string(Self.relativePath(full, from: base)))
            } else {
                try context.write(.object(FileSystemItem.pathInfo(full, session: context.session)))
            }
        }
    }

    /// `./x`, `../y/z` or the path itself when nothing is shared but the root.
    static func relativePath(_ target: String, from base: String) -> String {
        let t = target.split(separator: "/").map(String.init)
        let b = base.split(separator: "/").map(String.init)
        var common = 0
        while common < t.count && common < b.count && t[common] == b[common] { common += 1 }
        let ups = b.count - common
        let rest = t[common...].joined(separator: "/")
        if ups == 0 { return rest.isEmpty ? "." : "./" + rest }
        let prefix = Array(repeating: "..", count: ups).joined(separator: "/")
        return rest.isEmpty ? prefix : prefix + "/" + rest
    }
}

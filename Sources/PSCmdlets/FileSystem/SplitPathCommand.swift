import PSRuntime

/// Takes a path apart: its parent, leaf, extension or qualifier.
final class SplitPathCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SplitPathCommand.self, name: "Split-Path",
        synopsis: "Gives one part of a path: the parent directory (by default), the leaf, its base name or extension.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "ParentSet",
        outputTypes: ["System.String", "System.Boolean"],
        examples: [HelpExample("Split-Path /usr/local/bin", "Gives /usr/local."),
                   HelpExample("Split-Path /tmp/report.txt -LeafBase", "Gives report.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true,
                      sets: ["ParentSet", "LeafSet", "LeafBaseSet", "ExtensionSet", "QualifierSet", "NoQualifierSet", "IsAbsoluteSet"],
                      pipeline: [.byValue, .byPropertyName],
                      help: "The paths to split."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPathSet"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], help: "The paths to split, taken exactly as written."),
            .switchParameter("Parent", \.parent, sets: ["ParentSet"], help: "Gives the parent directory (the default)."),
            .switchParameter("Leaf", \.leaf, sets: ["LeafSet"], help: "Gives the last element."),
            .switchParameter("LeafBase", \.leafBase, sets: ["LeafBaseSet"], help: "Gives the last element without its extension."),
            .switchParameter("Extension", \.extensionOnly, sets: ["ExtensionSet"], help: "Gives the extension of the last element."),
            .switchParameter("Qualifier", \.qualifier, sets: ["QualifierSet"], help: "Gives the drive or provider qualifier."),
            .switchParameter("NoQualifier", \.noQualifier, sets: ["NoQualifierSet"], help: "Gives the path without its qualifier."),
            .switchParameter("IsAbsolute", \.isAbsolute, sets: ["IsAbsoluteSet"], help: "Tells whether the path is absolute."),
            .switchParameter("Resolve", \.resolve, help: "Resolves wildcards first and splits each item found."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var parent = false
    var leaf = false
    var leafBase = false
    var extensionOnly = false
    var qualifier = false
    var noQualifier = false
    var isAbsolute = false
    var resolve = false

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        var inputs = literal ? literalPath : path
        if resolve {
            inputs = try FileSystemPaths.resolveExisting(inputs, literal: literal, context: context, use: .reads,
                                                         includeHidden: true, wildcardMissIsError: true)
        }
        for input in inputs {
            if isAbsolute {
                try context.write(.bool(input.hasPrefix("/") || input.hasPrefix("~") || qualifierOf(input) != nil))
            } else if qualifier {
                guard let q = qualifierOf(input) else {
                    try context.writeError("The path '\(input)' has no drive or provider qualifier.",
                                           id: "ParsePathFormatError", category: .InvalidArgument, target: .string(input),
                                           exceptionType: "System.Management.Automation.PSArgumentException")
                    continue
                }
                try context.write(.string(q))
            } else if noQualifier {
                try context.write(.string(String(input.dropFirst(qualifierOf(input)?.count ?? 0))))
            } else if leaf || leafBase || extensionOnly {
                let last = Self.leaf(of: input)
                let ext = FileSystemItem.extensionOf(last)
                if leaf { try context.write(.string(last)) }
                else if leafBase { try context.write(.string(String(last.dropLast(ext.count)))) }
                else { try context.write(.string(ext)) }
            } else {
                try context.write(.string(Self.parent(of: input)))
            }
        }
    }

    /// `FileSystem::` or a drive like `C:`; Linux paths usually have none.
    private func qualifierOf(_ path: String) -> String? {
        if let range = path.range(of: "::") { return String(path[..<range.upperBound]) }
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return String(path[...colon]) }
        return nil
    }

    static func trimmedSeparators(_ path: String) -> Substring {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return p
    }

    static func leaf(of path: String) -> String {
        let p = trimmedSeparators(path)
        if p == "/" { return "" }
        guard let slash = p.lastIndex(of: "/") else { return String(p) }
        return String(p[p.index(after: slash)...])
    }

    static func parent(of path: String) -> String {
        let p = trimmedSeparators(path)
        guard let slash = p.lastIndex(of: "/") else { return "" }
        if p == "/" { return "" }
        if slash == p.startIndex { return "/" }
        var parent = p[..<slash]
        while parent.count > 1 && parent.hasSuffix("/") { parent = parent.dropLast() }
        return String(parent)
    }
}

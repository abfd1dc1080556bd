import PSRuntime

/// Where each item of Copy-Item and Move-Item goes: the sources named by -Path/-LiteralPath,
/// filtered by name, each paired with its target (inside the destination when that is a directory).
enum ItemTransferPlan {
    static func pairs(paths: [String], literal: Bool, destination: String?, includeHidden: Bool,
                      filter: ItemNameFilter, context: CommandContext) throws -> [(source: String, target: String)] {
        let sources = try FileSystemPaths.resolveExisting(paths, literal: literal, context: context, includeHidden: includeHidden)
        let destinationPath = FileSystemPaths.target(destination ?? context.session.location, literal: true, context.session)
        let intoDirectory = FileSystemPaths.isDirectory(destinationPath)
        return sources.filter { filter.accepts(FileSystemPaths.leaf(of: $0)) }.map { source in
            (source, intoDirectory ? FileSystemPaths.join(destinationPath, FileSystemPaths.leaf(of: source)) : destinationPath)
        }
    }
}

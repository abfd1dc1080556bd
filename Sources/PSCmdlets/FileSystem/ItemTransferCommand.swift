import PSRuntime

/// What Copy-Item and Move-Item share: their parameters, declared once, and where each item
/// goes — the sources named by -Path/-LiteralPath, filtered by name, each paired with its
/// target (inside the destination when that is a directory).
class ItemTransferCommand {
    var path: [String] = []
    var literalPath: [String] = []
    var destination: String?
    var force = false
    var passThru = false
    var filter: String?
    var include: [String] = []
    var exclude: [String] = []

    required init() {}

    /// What happens to the sources: Copy-Item reads them, Move-Item also removes them.
    class var sourceUse: FileUse { .deletes }

    /// The shared parameters; `verb` ("copy", "move") words their help.
    static func transferParameters<C: ItemTransferCommand & Cmdlet>(verb: String, forceHelp: String,
                                                                     passThruHelp: String) -> [Parameter<C>] {
        let sources: FileUse = verb == "copy" ? .reads : .deletes
        return [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: [.byValue, .byPropertyName],
                      files: sources, help: "The items to \(verb); wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: sources, help: "The items to \(verb), taken exactly as written."),
            Parameter("Destination", \.destination, position: 1, pipeline: .byPropertyName,
                      files: .writes, help: "Where to \(verb) to: a new name, or an existing directory to \(verb) into (the current directory by default)."),
            .switchParameter("Force", \.force, help: forceHelp),
            .switchParameter("PassThru", \.passThru, help: passThruHelp),
            Parameter("Filter", \.filter, help: "A wildcard the item names must match."),
            Parameter("Include", \.include, help: "Wildcards; only items whose names match one are \(verb == "copy" ? "copied" : "moved")."),
            Parameter("Exclude", \.exclude, help: "Wildcards; items whose names match one are not \(verb == "copy" ? "copied" : "moved")."),
        ]
    }

    /// Each source item with the path it goes to.
    func transferPairs(_ context: CommandContext) throws -> [(source: String, target: String)] {
        let literal = context.isBound("LiteralPath")
        let sources = try FileSystemPaths.resolveExisting(literal ? literalPath : path, literal: literal, context: context,
                                                          use: Self.sourceUse,
                                                          includeHidden: force)
        // The folder copied or moved into is only looked at; each item's own target is checked as written.
        let destinationPath = try FileSystemPaths.target(destination ?? context.session.location, literal: true, context: context,
                                                         use: .reads)
        let intoDirectory = FileSystemPaths.isDirectory(destinationPath)
        let names = ItemNameFilter(filter: filter, include: include, exclude: exclude)
        return try sources.filter { names.accepts(FileSystemPaths.leaf(of: $0)) }.map { source in
            let target = intoDirectory ? FileSystemPaths.join(destinationPath, FileSystemPaths.leaf(of: source)) : destinationPath
            try context.authorizeFile(target, .writes)
            return (source, target)
        }
    }
}

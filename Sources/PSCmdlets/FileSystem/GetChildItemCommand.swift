import PSRuntime

/// Lists the items in directories.
final class GetChildItemCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        GetChildItemCommand.self, name: "Get-ChildItem", aliases: ["gci", "ls", "dir"],
        synopsis: "Lists the files and directories in one or more locations.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Items",
        outputTypes: ["System.IO.FileInfo", "System.IO.DirectoryInfo", "System.String"],
        examples: [HelpExample("Get-ChildItem", "Lists the current directory."),
                   HelpExample("Get-ChildItem -Path src -Filter *.swift -Recurse", "Finds Swift files under src."),
                   HelpExample("Get-ChildItem -Directory -Name", "Lists the names of subdirectories.")],
        parameters: [
            Parameter("Path", \.path, position: 0, sets: ["Items"], pipeline: [.byValue, .byPropertyName],
                      files: .reads, help: "Where to list; wildcards are allowed. The current directory by default."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralItems"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .reads, help: "Where to list, taken exactly as written."),
            Parameter("Filter", \.filter, position: 1, help: "A wildcard the item names must match."),
            Parameter("Include", \.include, help: "Wildcards; only items whose names match one are listed."),
            Parameter("Exclude", \.exclude, help: "Wildcards; items whose names match one are left out."),
            .switchParameter("Recurse", \.recurse, aliases: ["s", "r"], help: "Also lists the contents of subdirectories."),
            Parameter("Depth", \.depth, validate: [.range(min: 0, max: Double(UInt32.max))],
                      help: "How many levels of subdirectories to descend into; implies -Recurse."),
            .switchParameter("Force", \.force, help: "Includes hidden items (names starting with a dot)."),
            .switchParameter("Name", \.nameOnly, help: "Writes only the names (paths relative to the listed directory)."),
            .switchParameter("File", \.fileOnly, aliases: ["af"], help: "Lists files only."),
            .switchParameter("Directory", \.directoryOnly, aliases: ["ad", "d"], help: "Lists directories only."),
            .switchParameter("Hidden", \.hiddenOnly, aliases: ["ah", "h"], help: "Lists hidden items only."),
            .switchParameter("FollowSymlink", \.followSymlink, help: "Descends into linked directories when recursing."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var filter: String?
    var include: [String] = []
    var exclude: [String] = []
    /// Built once: it turns the wildcards into patterns.
    private lazy var nameFilter = ItemNameFilter(filter: filter, include: include, exclude: exclude)
    var recurse = false
    var depth: Int?
    var force = false
    var nameOnly = false
    var fileOnly = false
    var directoryOnly = false
    var hiddenOnly = false
    var followSymlink = false

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        let arguments = literal ? literalPath : (path.isEmpty ? ["."] : path)
        let showHidden = force || hiddenOnly
        let roots = try FileSystemPaths.resolveExisting(arguments, literal: literal, context: context, use: .reads, includeHidden: showHidden)
        let maxDepth = depth ?? (recurse ? Int.max : 0)
        for root in roots {
            if FileSystemPaths.isDirectory(root) {
                try list(root, relativePrefix: "", level: 0, maxDepth: maxDepth, context: context)
            } else if passesFilters(name: FileSystemPaths.leaf(of: root), isDirectory: false) {
                try emit(root, relative: FileSystemPaths.leaf(of: root), context: context)
            }
        }
    }

    private func list(_ directory: String, relativePrefix: String, level: Int, maxDepth: Int, context: CommandContext) throws {
        // Each folder listed is checked: -FollowSymlink may lead out of the folder first named.
        try context.authorizeFile(directory, .reads)
        // Folders come before files, each in name order, as the pwsh file-system provider lists them.
        let entries = FileSystemPaths.children(of: directory, includeHidden: force || hiddenOnly).map { name in
            (name, FileSystemPaths.isDirectory(FileSystemPaths.join(directory, name)))
        }
        let ordered = entries.filter { $0.1 } + entries.filter { !$0.1 }
        var subdirectories: [(String, String)] = []
        for (name, isDirectory) in ordered {
            let full = FileSystemPaths.join(directory, name)
            if passesFilters(name: name, isDirectory: isDirectory) {
                try emit(full, relative: relativePrefix + name, context: context)
            }
            if isDirectory && level < maxDepth && (followSymlink || !isSymbolicLink(full)) {
                subdirectories.append((full, relativePrefix + name + "/"))
            }
        }
        // pwsh lists a directory's entries before descending, directory by directory.
        for (full, prefix) in subdirectories {
            try list(full, relativePrefix: prefix, level: level + 1, maxDepth: maxDepth, context: context)
        }
    }

    private func passesFilters(name: String, isDirectory: Bool) -> Bool {
        if fileOnly && isDirectory { return false }
        if directoryOnly && !isDirectory { return false }
        if hiddenOnly && !FileSystemPaths.isHiddenName(name) { return false }
        if !nameFilter.accepts(name) { return false }
        return true
    }

    private func isSymbolicLink(_ path: String) -> Bool {
        FileSystemItem.Status(path)?.isSymbolicLink ?? false
    }

    private func emit(_ full: String, relative: String, context: CommandContext) throws {
        if nameOnly {
            try context.write(.string(relative))
        } else if let item = FileSystemItem.make(full, session: context.session) {
            try context.write(.object(item))
        }
    }
}

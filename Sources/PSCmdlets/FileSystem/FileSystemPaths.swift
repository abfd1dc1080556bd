import Foundation
import PSRuntime

/// Path handling shared by the file-system cmdlets: provider prefixes, `~` and relative paths,
/// wildcard expansion and the "path not found" error PowerShell writes.
enum FileSystemPaths {
    static let providerName = "Microsoft.PowerShell.Core\\FileSystem"
    static let providerPrefix = providerName + "::"

    /// The PSPath form of an absolute path (`Microsoft.PowerShell.Core\FileSystem::/tmp/x`).
    static func psPath(_ fullPath: String) -> String { providerPrefix + fullPath }

    /// Removes a provider qualifier (`FileSystem::/x`, `Microsoft.PowerShell.Core\FileSystem::/x`).
    static func stripProvider(_ path: String) -> String {
        guard let range = path.range(of: "::") else { return path }
        let provider = path[..<range.lowerBound]
        if String(provider).equalsIgnoringCase("FileSystem") || String(provider).equalsIgnoringCase(providerName) {
            return String(path[range.upperBound...])
        }
        return path
    }

    /// An absolute, normalized path for a literal (non-wildcard) argument.
    static func absolute(_ path: String, _ session: ExecutionContext) -> String {
        let stripped = stripProvider(path)
        return session.resolvePath(stripped.isEmpty ? "." : stripped)
    }

    /// True when something (a file, a directory, or a dangling link) exists at the path.
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// True when the path is a directory (following links, as .NET does).
    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func isHiddenName(_ name: String) -> Bool { name.hasPrefix(".") }

    /// The parent of an absolute path (`/` for top-level items, nil for `/` itself).
    static func parent(of path: String) -> String? {
        guard path != "/" else { return nil }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return nil }
        let p = String(trimmed[..<slash])
        return p.isEmpty ? "/" : p
    }

    static func leaf(of path: String) -> String {
        if path == "/" { return "/" }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Directory entries, sorted by name (ordinal), optionally without dotfiles.
    static func children(of directory: String, includeHidden: Bool) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { includeHidden || !isHiddenName($0) }.sorted(by: nameOrder)
    }

    /// Name order for listings: case-insensitive first, then ordinal, so `a` and `B` interleave like pwsh.
    static func nameOrder(_ a: String, _ b: String) -> Bool {
        let la = a.lowercased(), lb = b.lowercased()
        return la != lb ? la < lb : a < b
    }

    /// Expands a path containing wildcards into the existing absolute paths it names, sorted.
    /// Hidden entries match only with `includeHidden` or when the pattern itself starts with a dot.
    static func expandWildcards(_ pattern: String, _ session: ExecutionContext, includeHidden: Bool) -> [String] {
        let absolutePattern = session.resolvePath(stripProvider(pattern))
        var current = ["/"]
        for component in absolutePattern.split(separator: "/").map(String.init) {
            var next: [String] = []
            if WildcardPattern.containsWildcard(component) {
                let matcher = WildcardPattern(component, ignoreCase: false)
                let showHidden = includeHidden || component.hasPrefix(".")
                for base in current where isDirectory(base) {
                    for name in children(of: base, includeHidden: showHidden) where matcher.matches(name) {
                        next.append(join(base, name))
                    }
                }
            } else {
                let name = WildcardPattern.unescape(component)
                for base in current {
                    let candidate = join(base, name)
                    if exists(candidate) { next.append(candidate) }
                }
            }
            current = next
            if current.isEmpty { break }
        }
        return current
    }

    static func pathNotFoundRecord(_ path: String) -> ErrorRecord {
        ErrorRecord("Cannot find path '\(path)' because it does not exist.", id: "PathNotFound",
                    category: .ObjectNotFound, exceptionType: "System.Management.Automation.ItemNotFoundException",
                    target: .string(path))
    }

    /// Turns `-Path` (wildcards expand) or `-LiteralPath` arguments into existing absolute paths,
    /// each passing the role check for `use` before it is returned. A missing literal path writes
    /// `PathNotFound`; a wildcard that matches nothing is silent unless `wildcardMissIsError`
    /// (Resolve-Path).
    static func resolveExisting(_ paths: [String], literal: Bool, context: CommandContext, use: FileUse,
                                includeHidden: Bool = true, wildcardMissIsError: Bool = false) throws -> [String] {
        let found = try existing(paths, literal: literal, context: context, includeHidden: includeHidden,
                                 wildcardMissIsError: wildcardMissIsError)
        for path in found { try context.authorizeFile(path, use) }
        return found
    }

    private static func existing(_ paths: [String], literal: Bool, context: CommandContext,
                                 includeHidden: Bool, wildcardMissIsError: Bool) throws -> [String] {
        var result: [String] = []
        for path in paths {
            if !literal && WildcardPattern.containsWildcard(stripProvider(path)) {
                let matches = expandWildcards(path, context.session, includeHidden: includeHidden)
                if matches.isEmpty && wildcardMissIsError {
                    try context.writeError(pathNotFoundRecord(context.session.resolvePath(stripProvider(path))))
                }
                result.append(contentsOf: matches)
                continue
            }
            let full = absolute(literal ? path : WildcardPattern.unescape(path), context.session)
            if exists(full) {
                result.append(full)
            } else {
                try context.writeError(pathNotFoundRecord(full))
            }
        }
        return result
    }

    /// Resolves a destination or new-item path (which need not exist; wildcards are not
    /// expanded) and passes it through the role check for `use`.
    static func target(_ path: String, literal: Bool, context: CommandContext, use: FileUse) throws -> String {
        let full = absolute(literal ? path : WildcardPattern.unescape(path), context.session)
        try context.authorizeFile(full, use)
        return full
    }
}

/// -Filter (case-sensitive, like file names on Linux), -Include and -Exclude (case-insensitive,
/// as pwsh's wildcard options) applied to item names.
struct ItemNameFilter {
    private let filter: WildcardPattern?
    private let include: [WildcardPattern]
    private let exclude: [WildcardPattern]

    init(filter: String?, include: [String], exclude: [String]) {
        self.filter = filter.flatMap { $0.isEmpty ? nil : WildcardPattern($0, ignoreCase: false) }
        self.include = include.map { WildcardPattern($0, ignoreCase: true) }
        self.exclude = exclude.map { WildcardPattern($0, ignoreCase: true) }
    }

    func accepts(_ name: String) -> Bool {
        if let filter, !filter.matches(name) { return false }
        if !include.isEmpty && !include.contains(where: { $0.matches(name) }) { return false }
        return !exclude.contains { $0.matches(name) }
    }
}

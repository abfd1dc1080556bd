import Foundation
import PSRuntime

/// Tells whether paths exist.
final class TestPathCommand: Cmdlet {
    enum PathKind: String, ParameterEnum {
        case any = "Any", container = "Container", leaf = "Leaf"
        static var parameterTypeName: String { "TestPathType" }
    }

    static let declaration = CmdletDeclaration(
        TestPathCommand.self, name: "Test-Path",
        synopsis: "Returns True when a path exists (or, with -IsValid, when it is well formed).",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path", outputTypes: ["System.Boolean"],
        examples: [HelpExample("Test-Path ./build", "True when ./build exists."),
                   HelpExample("Test-Path ./build -PathType Container", "True when ./build is a directory.")],
        parameters: [
            Parameter("Path", \.path, position: 0, mandatory: true, sets: ["Path"], pipeline: [.byValue, .byPropertyName],
                      files: .reads, help: "The paths to test; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .reads, help: "The paths to test, taken exactly as written."),
            Parameter("PathType", \.pathType, aliases: ["Type"], help: "Any, Container (a directory) or Leaf (a file)."),
            .switchParameter("IsValid", \.isValid, help: "Tests the syntax of the path only, not whether it exists."),
            Parameter("Filter", \.filter, help: "A wildcard the item names must match."),
            Parameter("Include", \.include, help: "Wildcards; only items whose names match one count."),
            Parameter("Exclude", \.exclude, help: "Wildcards; items whose names match one do not count."),
            Parameter("OlderThan", \.olderThan, help: "Only items last written before this time count."),
            Parameter("NewerThan", \.newerThan, help: "Only items last written after this time count."),
        ])

    var path: [String] = []
    var literalPath: [String] = []
    var pathType: PathKind = .any
    var isValid = false
    var filter: String?
    var include: [String] = []
    var exclude: [String] = []
    /// Built once: it turns the wildcards into patterns.
    private lazy var nameFilter = ItemNameFilter(filter: filter, include: include, exclude: exclude)
    var olderThan: Date?
    var newerThan: Date?

    func process(_ context: CommandContext) throws {
        let literal = context.isBound("LiteralPath")
        for argument in literal ? literalPath : path {
            try context.write(.bool(test(argument, literal: literal, context)))
        }
    }

    private func test(_ argument: String, literal: Bool, _ context: CommandContext) throws -> Bool {
        let session = context.session
        if argument.trimmingCharacters(in: .whitespaces).isEmpty { return false }
        if isValid { return !argument.contains("\0") }
        let candidates: [String]
        if !literal && WildcardPattern.containsWildcard(argument) {
            candidates = FileSystemPaths.expandWildcards(argument, session, includeHidden: true)
        } else {
            let full = FileSystemPaths.absolute(literal ? argument : WildcardPattern.unescape(argument), session)
            try context.authorizeFile(full, .reads)
            candidates = FileSystemPaths.exists(full) ? [full] : []
        }
        for candidate in candidates { try context.authorizeFile(candidate, .reads) }
        return candidates.contains { qualifies($0) }
    }

    private func qualifies(_ full: String) -> Bool {
        let isDirectory = FileSystemPaths.isDirectory(full)
        switch pathType {
        case .container where !isDirectory: return false
        case .leaf where isDirectory: return false
        default: break
        }
        let name = FileSystemPaths.leaf(of: full)
        if !nameFilter.accepts(name) { return false }
        if olderThan != nil || newerThan != nil {
            guard let written = FileSystemItem.Status(full)?.lastWrite else { return false }
            if let olderThan, written >= olderThan { return false }
            if let newerThan, written <= newerThan { return false }
        }
        return true
    }
}

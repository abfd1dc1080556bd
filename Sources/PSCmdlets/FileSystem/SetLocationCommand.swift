import Foundation
import PSRuntime

/// Changes the current directory.
final class SetLocationCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SetLocationCommand.self, name: "Set-Location", aliases: ["sl", "cd", "chdir"],
        synopsis: "Makes another directory the current one.",
        module: "Microsoft.PowerShell.Management", defaultParameterSet: "Path",
        outputTypes: ["System.Management.Automation.PathInfo"],
        examples: [HelpExample("Set-Location /tmp", "Moves to /tmp."),
                   HelpExample("cd ~", "Moves to the home directory."),
                   HelpExample("cd -", "Goes back to the previous directory.")],
        parameters: [
            Parameter("Path", \.path, position: 0, sets: ["Path"], pipeline: [.byValue, .byPropertyName],
                      files: .reads, help: "The directory to move to; wildcards are allowed when they match one directory."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralPath"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .reads, help: "The directory to move to, taken exactly as written."),
            .switchParameter("PassThru", \.passThru, help: "Writes the new location to the pipeline."),
        ])

    var path: String?
    var literalPath: String?
    var passThru = false

    func process(_ context: CommandContext) throws {
        let session = context.session
        let history = LocationHistory.of(session)
        let target: String
        if let literalPath {
            target = FileSystemPaths.absolute(literalPath, session)
        } else {
            let requested = path ?? "~"
            if requested == "-" || requested == "+" {
                guard let destination = requested == "-" ? history.back(from: session.location) : history.forward(from: session.location) else {
                    let which = requested == "-" ? "backward" : "forward"
                    throw context.terminatingError("There is no location history to move \(which) through.",
                                                   id: "InvalidOperation", category: .InvalidOperation,
                                                   exceptionType: "System.InvalidOperationException")
                }
                try change(to: destination, context: context, recordHistory: false)
                return
            }
            if WildcardPattern.containsWildcard(requested) {
                let matches = FileSystemPaths.expandWildcards(requested, session, includeHidden: true)
                guard matches.count == 1, let only = matches.first else {
                    if matches.isEmpty { throw notFound(session.resolvePath(requested), context) }
                    throw context.terminatingError("The path '\(requested)' resolved to more than one directory.",
                                                   id: "PathResolvedToMultiple", category: .InvalidArgument,
                                                   target: .string(requested),
                                                   exceptionType: "System.Management.Automation.PSArgumentException")
                }
                target = only
            } else {
                target = FileSystemPaths.absolute(WildcardPattern.unescape(requested), session)
            }
        }
        try change(to: target, context: context, recordHistory: true)
    }

    private func change(to target: String, context: CommandContext, recordHistory: Bool) throws {
        try Self.move(to: target, context: context, recordHistory: recordHistory, passThru: passThru)
    }

    /// Makes `target` (absolute) the current directory; Push-Location and Pop-Location move too.
    static func move(to target: String, context: CommandContext, recordHistory: Bool, passThru: Bool) throws {
        let session = context.session
        try context.authorizeFile(target, .reads)
        guard FileSystemPaths.exists(target) else { throw notFound(target, context) }
        // pwsh reports a file the same way as a missing path.
        guard FileSystemPaths.isDirectory(target) else { throw notFound(target, context) }
        if recordHistory { LocationHistory.of(session).record(session.location) }
        session.location = target
        // Native programs inherit the process directory, so keep it in step.
        _ = FileManager.default.changeCurrentDirectoryPath(target)
        if passThru { try context.write(.object(FileSystemItem.pathInfo(target, session: session))) }
    }

    private func notFound(_ path: String, _ context: CommandContext) -> RuntimeError {
        Self.notFound(path, context)
    }

    static func notFound(_ path: String, _ context: CommandContext) -> RuntimeError {
        let record = FileSystemPaths.pathNotFoundRecord(path)
        return context.terminatingError(record.message, id: record.errorId, category: record.category,
                                        target: .string(path), exceptionType: record.exception.typeName)
    }
}

/// `cd -` / `cd +`: the directories left behind and the ones stepped back from.
final class LocationHistory {
    private var backStack: [String] = []
    private var forwardStack: [String] = []
    /// Push-Location's stacks, by name (case-insensitive; "" is the default stack).
    var pushed: [String: [String]] = [:]

    static func of(_ session: ExecutionContext) -> LocationHistory {
        if let h = session.service(LocationHistory.self) { return h }
        let h = LocationHistory()
        session.register(service: h)
        return h
    }

    func record(_ previous: String) {
        if backStack.last != previous { backStack.append(previous) }
        if backStack.count > 20 { backStack.removeFirst() }
        forwardStack.removeAll()
    }

    func back(from current: String) -> String? {
        guard let previous = backStack.popLast() else { return nil }
        forwardStack.append(current)
        return previous
    }

    func forward(from current: String) -> String? {
        guard let next = forwardStack.popLast() else { return nil }
        backStack.append(current)
        return next
    }
}

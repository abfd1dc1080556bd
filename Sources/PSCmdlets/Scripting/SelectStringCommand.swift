import Foundation
import PSRuntime

/// Finds text in strings and files, line by line, like grep.
final class SelectStringCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        SelectStringCommand.self, name: "Select-String", aliases: ["sls"],
        synopsis: "Finds lines that match a pattern in strings or files.",
        description: "Each line of the files given with -Path (or -LiteralPath, or piped file objects), or each string piped in, is tested against the patterns (regular expressions, or plain text with -SimpleMatch; case-insensitive unless -CaseSensitive). Every matching line becomes a MatchInfo object with Line, LineNumber, Path, Filename, Pattern, Matches and Context; the console shows it as path:line:text, or just the text for piped strings. -Quiet answers True when anything matches, -Raw returns only the lines, -List stops after the first match of each file, -Context adds the lines before and after each match.",
        defaultParameterSet: "File",
        outputTypes: ["Microsoft.PowerShell.Commands.MatchInfo", "System.Boolean", "System.String"],
        examples: [
            HelpExample("Select-String -Path *.log -Pattern 'error'", "Every line containing 'error' in the log files, as file:line:text."),
            HelpExample("Get-Content notes.txt | Select-String todo -CaseSensitive", "Lines of the piped text that contain 'todo' in lower case."),
            HelpExample("Select-String -Path app.conf -Pattern '^port' -Context 1,2", "Each match with one line before it and two after."),
            HelpExample("if (Select-String -Path setup.log -Pattern 'failed' -Quiet) { 'setup failed' }", "A yes/no test for a match."),
        ],
        parameters: [
            Parameter("Pattern", \.pattern, position: 0, mandatory: true, help: "The regular expressions (or texts, with -SimpleMatch) to find."),
            Parameter("Path", \.path, position: 1, mandatory: true, sets: ["File"], pipeline: .byPropertyName,
                      files: .reads, help: "The files to search; wildcards are allowed."),
            Parameter("LiteralPath", \.literalPath, mandatory: true, sets: ["LiteralFile"], pipeline: .byPropertyName,
                      aliases: ["PSPath", "LP"], files: .reads, help: "The files to search, taken exactly as written."),
            Parameter("InputObject", \.inputObject, mandatory: true, sets: ["Object"], pipeline: .byValue,
                      help: "The text to search (file objects are searched as files)."),
            .switchParameter("SimpleMatch", \.simpleMatch, help: "Treats the patterns as plain text, not regular expressions."),
            .switchParameter("CaseSensitive", \.caseSensitive, aliases: ["ca"], help: "Matches upper and lower case exactly."),
            .switchParameter("NotMatch", \.notMatch, help: "Selects the lines that do not match."),
            .switchParameter("AllMatches", \.allMatches, help: "Finds every match in a line, not only the first."),
            .switchParameter("Quiet", \.quiet, help: "Returns True when a match is found instead of MatchInfo objects."),
            .switchParameter("List", \.list, help: "Returns only the first match of each file (or of the piped text)."),
            .switchParameter("Raw", \.raw, help: "Returns the matching lines as strings instead of MatchInfo objects."),
            .switchParameter("NoEmphasis", \.noEmphasis, help: "Accepted for compatibility; matches are never highlighted."),
            Parameter("Context", \.contextLines, validate: [.count(min: 1, max: 2)],
                      help: "Lines to show before and after each match: one number for both, or two (before, after)."),
            Parameter("Include", \.include, help: "Searches only files whose names match these wildcards."),
            Parameter("Exclude", \.exclude, help: "Skips files whose names match these wildcards."),
            Parameter("Encoding", \.encoding, help: "The encoding of the files (detected from a byte order mark by default)."),
        ])

    var pattern: [String] = []
    var path: [String] = []
    var literalPath: [String] = []
    var inputObject: PSValue = .null
    var simpleMatch = false
    var caseSensitive = false
    var notMatch = false
    var allMatches = false
    var quiet = false
    var list = false
    var raw = false
    var noEmphasis = false
    var contextLines: [Int] = []
    var include: [String] = []
    var exclude: [String] = []
    var encoding: TextEncoding?

    private var matchers: [RegexMatcher]?
    private var tracker = MatchContextTracker(before: 0, after: 0)
    private var inputLineNumber = 0
    private var done = false
    private var foundAny = false

    func begin(_ context: CommandContext) throws {
        if raw && quiet {
            throw context.terminatingError("Parameter set cannot be resolved using the specified named parameters. -Raw and -Quiet cannot be used together.",
                                           id: "AmbiguousParameterSet", category: .InvalidArgument,
                                           exceptionType: "System.Management.Automation.ParameterBindingException")
        }
        if contextLines.contains(where: { $0 < 0 }) {
            throw context.terminatingError("Cannot validate argument on parameter 'Context'. Context values cannot be negative.",
                                           id: "ParameterArgumentValidationError", category: .InvalidData,
                                           exceptionType: "System.Management.Automation.ParameterBindingValidationException")
        }
        let before = contextLines.first ?? 0
        tracker = MatchContextTracker(before: before, after: contextLines.count > 1 ? contextLines[1] : before)
        if !simpleMatch {
            matchers = try pattern.map { try RegexMatcher(pattern: $0, ignoreCase: !caseSensitive, context: context.session) }
        }
    }

    func process(_ context: CommandContext) throws {
        guard !done else { return }
        switch context.parameterSetName {
        case "Object":
            if let file = Self.fileInputPath(inputObject, context) {
                try searchFile(file, context)
            } else if !inputObject.isNull {
                inputLineNumber += 1
                try test(LanguagePrimitives.toString(inputObject, context: context.session), number: inputLineNumber,
                         path: MatchInfo.inputStream, context)
            }
        default:
            let literal = context.parameterSetName == "LiteralFile"
            let filter = ItemNameFilter(filter: nil, include: include, exclude: exclude)
            for file in try FileSystemPaths.resolveExisting(literal ? literalPath : path, literal: literal, context: context, use: .reads)
            where filter.accepts(FileSystemPaths.leaf(of: file)) {
                guard !done else { return }
                try searchFile(file, context)
            }
        }
    }

    func end(_ context: CommandContext) throws {
        try emit(tracker.finish(), context)
    }

    /// A piped FileInfo (from Get-ChildItem or Get-Item) is searched as a file.
    private static func fileInputPath(_ value: PSValue, _ context: CommandContext) -> String? {
        guard let object = value.asPSObject, object.typeNames.first == "System.IO.FileInfo",
              let full = object["FullName"] else { return nil }
        return LanguagePrimitives.toString(full, context: context.session)
    }

    private func searchFile(_ file: String, _ context: CommandContext) throws {
        if FileSystemPaths.isDirectory(file) { return }
        let text: String
        do {
            text = try TextFiles.read(file, encoding: encoding)
        } catch {
            try context.writeError("Cannot read '\(file)': \(TextFiles.reason(error)).", id: "ProcessingFile",
                                   category: .ReadError, target: .string(file), exceptionType: "System.IO.IOException")
            return
        }
        var lines = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            try test(line, number: index + 1, path: file, context)
            if done { break }
        }
        try emit(tracker.finish(), context)
        // -List: the next file starts afresh (only -Quiet ends everything).
        if list && !quiet { done = false }
    }

    /// Tests one line and hands the result (or the context line) on.
    private func test(_ line: String, number: Int, path: String, _ context: CommandContext) throws {
        var hit: (pattern: String, matches: [MatchValue])?
        for (i, text) in pattern.enumerated() {
            if let matchers {
                let found = matchers[i].matches(in: line, all: allMatches)
                if !found.isEmpty { hit = (text, found); break }
            } else if line.range(of: text, options: caseSensitive ? [] : [.caseInsensitive]) != nil {
                hit = (text, [])
                break
            }
        }
        let selected = notMatch ? hit == nil : hit != nil
        guard selected else {
            try emit(tracker.other(line), context)
            return
        }
        let info = MatchInfo(line: line, lineNumber: number, path: path, pattern: hit?.pattern ?? pattern.last ?? "",
                             ignoreCase: !caseSensitive, matches: notMatch ? [] : hit?.matches ?? [],
                             hasContext: !contextLines.isEmpty && !raw)
        foundAny = true
        if quiet {
            try context.write(.bool(true))
            done = true
            return
        }
        try emit(tracker.matched(info), context)
        if list { done = true }
    }

    private func emit(_ results: [MatchInfo], _ context: CommandContext) throws {
        for result in results {
            try context.write(raw ? .string(result.line) : result.value)
        }
    }
}

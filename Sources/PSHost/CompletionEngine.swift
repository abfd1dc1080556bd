import Foundation
import PSLanguage
import PSRuntime

/// Tab completion from the session's own knowledge: the same declarations the binder uses for
/// commands and parameters (a script's own `param()` block included), the live variables for `$`
/// and members, the runtime's type table after `[`, and the file system for paths.
/// Pure Swift and terminal-free, so it can be tested directly.
final class CompletionEngine {
    let context: ExecutionContext

    /// Characters that end the word under the cursor. The libedit glue uses the same set.
    static let wordBreakCharacters = " \t\n(){};|,=&"

    init(context: ExecutionContext) { self.context = context }

    /// Completes the word that ends at `cursor` (a UTF-8 offset into `line`).
    func complete(line: String, cursor: Int) -> CompletionResult {
        let bytes = Array(line.utf8)
        let end = min(max(cursor, 0), bytes.count)
        if let members = MemberCompleter(context: context).complete(bytes, end: end) { return members }
        if let (start, typed) = TypeNameCompleter.typedName(bytes, end: end) {
            return CompletionResult(replacementStart: start, items: TypeNameCompleter.complete(typed))
        }
        var start = end
        let breaks = Set(Self.wordBreakCharacters.utf8)
        while start > 0, !breaks.contains(bytes[start - 1]) { start -= 1 }
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        let before = String(decoding: bytes[0..<start], as: UTF8.self)

        if word.hasPrefix("$") {
            return CompletionResult(replacementStart: start, candidates: variables(prefix: String(word.dropFirst())), kind: .variable)
        }

        let tokens = Lexer.tokenize(before).filter { $0.kind != .endOfInput }
        let statement = Array(tokens.reversed().prefix { !Self.isStatementBoundary($0) }.reversed())

        if statement.isEmpty || (statement.count == 1 && (statement[0].text == "&" || statement[0].text == ".")) {
            var items = commandNames(prefix: word).map { CompletionItem(text: $0, kind: .command) }
            if word.contains("/") || word.hasPrefix(".") || word.hasPrefix("~") { items += paths(prefix: word) }
            return CompletionResult(replacementStart: start, items: items)
        }
        let command = commandName(in: statement)
        if word.hasPrefix("-"), let command {
            let names = parameters(of: command).map(\.name)
            let prefix = word.dropFirst()
            return CompletionResult(replacementStart: start, candidates: Self.matching(names, prefix: prefix).map { "-" + $0 },
                                    kind: .parameterName)
        }
        if let last = statement.last, last.kind == .parameter, case .parameter(let name, _) = last.payload,
           let command, let values = allowedValues(of: command, parameter: name) {
            return CompletionResult(replacementStart: start, candidates: Self.matching(values, prefix: word[...]), kind: .parameterValue)
        }
        return CompletionResult(replacementStart: start, items: paths(prefix: word))
    }

    // MARK: - Candidates by kind

    /// Cmdlets, functions and aliases whose names start with `prefix`, sorted, without duplicates.
    func commandNames(prefix: String) -> [String] {
        var names = context.commands.all.filter(context.isCommandVisible).map(\.name)
        names += context.visibleFunctions().map(\.name)
        names += context.visibleAliases().map(\.name)
        return Self.unique(Self.matching(names, prefix: prefix[...]).sorted { $0.lowercased() < $1.lowercased() })
    }

    /// `$name` for every visible variable (or `$env:NAME` for environment variables).
    func variables(prefix: String) -> [String] {
        if prefix.lowercased().hasPrefix("env:") {
            let names = ProcessInfo.processInfo.environment.keys.sorted()
            let qualifier = prefix.prefix(4)
            return Self.matching(names, prefix: prefix.dropFirst(4)).map { "$" + qualifier + $0 }
        }
        let names = context.visibleVariables().map(\.name).sorted { $0.lowercased() < $1.lowercased() }
        return Self.matching(names, prefix: prefix[...]).map { "$" + $0 }
    }

    /// Files and folders matching a partly typed path, relative to the current location.
    /// Folders end in `/`; names with spaces are single-quoted.
    func paths(prefix: String) -> [CompletionItem] {
        var typed = prefix
        if typed.hasPrefix("'") || typed.hasPrefix("\"") { typed.removeFirst() }
        let folderPart: String
        let namePrefix: String
        if let slash = typed.lastIndex(of: "/") {
            folderPart = String(typed[...slash])
            namePrefix = String(typed[typed.index(after: slash)...])
        } else {
            folderPart = ""
            namePrefix = typed
        }
        var folder = folderPart.isEmpty ? "." : folderPart
        if folder == "~" || folder.hasPrefix("~/") {
            folder = (EnvironmentVariable.value("HOME") ?? NSHomeDirectory()) + folder.dropFirst()
        }
        if !folder.hasPrefix("/") { folder = context.location + "/" + folder }
        let fileManager = FileManager.default
        guard let entries = try? fileManager.contentsOfDirectory(atPath: folder) else { return [] }
        let visible = namePrefix.hasPrefix(".") ? entries : entries.filter { !$0.hasPrefix(".") }
        return Self.matching(visible.sorted { $0.lowercased() < $1.lowercased() }, prefix: namePrefix[...]).map { name in
            var isDirectory: ObjCBool = false
            _ = fileManager.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
            let path = folderPart + name + (isDirectory.boolValue ? "/" : "")
            return CompletionItem(text: path.contains(" ") ? "'" + path + "'" : path, kind: isDirectory.boolValue ? .folder : .file)
        }
    }

    // MARK: - Commands and their parameters

    /// A parameter as completion sees it.
    struct ParameterChoice {
        var name: String
        var aliases: [String]
        var allowedValues: [String]?
    }

    /// The parameters of `commandName`, from the declaration binding uses: a cmdlet's, or a
    /// function's or script file's param block as compiled (never run); plus the common ones
    /// where the command takes them.
    func parameters(of commandName: String) -> [ParameterChoice] {
        let parameters: [ParameterMetadata]
        let takesCommon: Bool
        let shouldProcess: Bool
        switch context.resolveCommand(commandName) {
        case .cmdlet(let declaration):
            (parameters, takesCommon, shouldProcess) = (declaration.parameters, true, declaration.supportsShouldProcess)
        case .function(let function):
            let declaration = function.scriptBlock.parameterDeclaration
            (parameters, takesCommon, shouldProcess) = (declaration.parameters, declaration.isAdvanced, declaration.supportsShouldProcess)
        case .externalScript(let path):
            guard let declaration = Self.scriptDeclaration(path) else { return [] }
            (parameters, takesCommon, shouldProcess) = (declaration.parameters, declaration.isAdvanced, declaration.supportsShouldProcess)
        default:
            return []
        }
        var result = parameters.map { ParameterChoice(name: $0.name, aliases: $0.aliases, allowedValues: $0.allowedValues) }
        if takesCommon {
            result += CommonParameters.names.map { ParameterChoice(name: $0.name, aliases: $0.aliases, allowedValues: Self.actionValues($0.typeName)) }
            if shouldProcess {
                result += CommonParameters.shouldProcess.map { ParameterChoice(name: $0.name, aliases: $0.aliases, allowedValues: nil) }
            }
        }
        return result
    }

    /// A script file's parameters, from its parsed `param()` block; nil when it cannot be read or parsed.
    private static func scriptDeclaration(_ path: String) -> ScriptParameterDeclaration? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let parsed = Parser.parse(String(decoding: data, as: UTF8.self), path: path)
        guard parsed.errors.isEmpty else { return nil }
        return ScriptBlock(ast: parsed.ast).parameterDeclaration
    }

    /// Fixed values of a parameter named (or abbreviated, or aliased) `name`, when it has them.
    func allowedValues(of commandName: String, parameter name: String) -> [String]? {
        let choices = parameters(of: commandName)
        let exact = choices.first { $0.name.equalsIgnoringCase(name) || $0.aliases.contains { $0.equalsIgnoringCase(name) } }
        let byPrefix = choices.filter { $0.name.lowercased().hasPrefix(name.lowercased()) }
        return (exact ?? (byPrefix.count == 1 ? byPrefix[0] : nil))?.allowedValues
    }

    /// The command word of a statement: its first token, after a call operator.
    private func commandName(in statement: [Token]) -> String? {
        var tokens = statement[...]
        if let first = tokens.first, first.text == "&" || first.text == "." { tokens = tokens.dropFirst() }
        guard let token = tokens.first else { return nil }
        if case .string(let text) = token.payload { return text }
        return token.text
    }

    // MARK: - Helpers

    private static func isStatementBoundary(_ token: Token) -> Bool {
        switch token.kind {
        case .pipe, .semi, .newLine, .lCurly, .rCurly, .lParen, .andAnd, .orOr, .dollarParen, .atParen, .atCurly:
            return true
        default:
            return false
        }
    }

    private static func actionValues(_ typeName: String) -> [String]? {
        typeName == "ActionPreference" ? ActionPreference.allCases.map(\.rawValue) : nil
    }

    static func matching(_ names: [String], prefix: Substring) -> [String] {
        let lowered = prefix.lowercased()
        return names.filter { $0.lowercased().hasPrefix(lowered) }
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }
}

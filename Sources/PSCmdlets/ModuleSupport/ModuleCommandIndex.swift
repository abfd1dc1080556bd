import Foundation
import PSLanguage
import PSRuntime

/// Which commands the modules on `$env:PSModulePath` export, read without running them (a
/// manifest's `FunctionsToExport`/`AliasesToExport` when they are literal names, else the
/// functions a script module defines at its top level), so the first call of one of those
/// commands can import its module as pwsh does. Kept per session, re-read when a file changes.
final class ModuleCommandIndex {
    private struct Entry {
        var modified: Date
        var commands: [String]
    }
    private var entries: [String: Entry] = [:]
    /// Set while a module is being imported for a missing command, so a module that calls a
    /// command nobody has does not import itself again.
    private var importing = false

    static func of(_ context: ExecutionContext) -> ModuleCommandIndex {
        if let index = context.service(ModuleCommandIndex.self) { return index }
        let index = ModuleCommandIndex()
        context.register(service: index)
        return index
    }

    /// Imports the first module on the path that exports `name`; true when one was imported.
    func autoload(_ name: String, context: ExecutionContext) throws -> Bool {
        guard !importing, !name.isEmpty, !name.contains("/"), !name.contains("\\") else { return false }
        let registry = ModuleRegistry.of(context)
        for module in ModuleLoader.availableModules() where registry.module(named: module.name) == nil {
            guard commands(of: module.path).contains(where: { $0.equalsIgnoringCase(name) }) else { continue }
            importing = true
            defer { importing = false }
            _ = try ModuleLoader.importModule(at: module.path, context: context) { _ in }
            return true
        }
        return false
    }

    /// The command names a module file exports, as far as can be told without running it.
    func commands(of path: String) -> [String] {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
        if let entry = entries[path], entry.modified == modified { return entry.commands }
        let commands = Self.read(path)
        entries[path] = Entry(modified: modified, commands: commands)
        return commands
    }

    private static func read(_ path: String) -> [String] {
        guard let text = TextDecoding.contents(ofFile: path) else { return [] }
        let ast = Parser.parse(text, path: path).ast
        guard path.lowercased().hasSuffix(".psd1") else { return functions(in: ast) }
        let manifest = topHashtable(ast)
        let listed = ["FunctionsToExport", "CmdletsToExport", "AliasesToExport"].flatMap { key -> [String] in
            manifest.first { $0.key.equalsIgnoringCase(key) }.map { strings($0.value) } ?? []
        }
        // A manifest without literal lists (or with wildcards) exports what its root module defines.
        if !listed.isEmpty, !listed.contains(where: { $0.contains("*") }) { return listed }
        guard let root = manifest.first(where: { $0.key.equalsIgnoringCase("RootModule") || $0.key.equalsIgnoringCase("ModuleToProcess") })
            .flatMap({ strings($0.value).first }) else { return listed.filter { !$0.contains("*") } }
        let rootPath = root.hasPrefix("/") ? root : (path as NSString).deletingLastPathComponent + "/" + root
        guard let rootText = TextDecoding.contents(ofFile: rootPath) else { return [] }
        return functions(in: Parser.parse(rootText, path: rootPath).ast)
    }

    private static func functions(in ast: ScriptBlockAst) -> [String] {
        (ast.endBlock ?? []).compactMap { statement in
            if case .functionDefinition(let function) = statement.kind { return function.name }
            return nil
        }
    }

    /// The keys and values of the hashtable literal a manifest consists of.
    private static func topHashtable(_ ast: ScriptBlockAst) -> [(key: String, value: Statement)] {
        for statement in ast.endBlock ?? [] {
            guard case .pipeline(let chain) = statement.kind, chain.rest.isEmpty, chain.first.elements.count == 1,
                  case .expression(let expression, _) = chain.first.elements[0], case .hashtable(let pairs) = expression.kind else { continue }
            return pairs.compactMap { pair in strings(pair.key).first.map { ($0, pair.value) } }
        }
        return []
    }

    /// Literal strings of a statement or expression: `'a'`, `'a', 'b'`, `@('a', 'b')`.
    private static func strings(_ statement: Statement) -> [String] {
        guard case .pipeline(let chain) = statement.kind, chain.rest.isEmpty, chain.first.elements.count == 1,
              case .expression(let expression, _) = chain.first.elements[0] else { return [] }
        return strings(expression)
    }

    private static func strings(_ expression: PSLanguage.Expression) -> [String] {
        switch expression.kind {
        case .stringConstant(let text, _): return [text]
        case .arrayLiteral(let items): return items.flatMap(strings)
        case .arrayExpression(let statements): return statements.flatMap(strings)
        case .paren(let statement): return strings(statement)
        default: return []
        }
    }
}

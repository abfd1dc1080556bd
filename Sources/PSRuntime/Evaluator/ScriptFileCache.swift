/// Parsed `.ps1` files by path. A file is read on every call, as pwsh does, but parsed and
/// compiled again only when its text changed, so a script called in a loop is parsed once.
final class ScriptFileCache {
    private var entries: [String: (text: String, template: ScriptBlockTemplate)] = [:]

    static func of(_ context: ExecutionContext) -> ScriptFileCache {
        if let cache = context.service(ScriptFileCache.self) { return cache }
        let cache = ScriptFileCache()
        context.register(service: cache)
        return cache
    }

    /// A fresh block for `text` read from `path`, reusing the compiled code of the same text.
    func block(path: String, text: String, parse: (String) throws -> ScriptBlock) throws -> ScriptBlock {
        if let entry = entries[path], entry.text == text { return entry.template.instantiate() }
        let template = ScriptBlockTemplate(ast: try parse(text).ast)
        entries[path] = (text, template)
        return template.instantiate()
    }
}

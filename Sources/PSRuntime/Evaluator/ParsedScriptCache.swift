/// Script text this session has parsed, by where it came from (a `.ps1` path, a ValidateScript
/// body). The text is always given, and parsed and compiled again only when it changed, so a
/// script called in a loop, or a validation run per argument, is parsed once.
final class ParsedScriptCache {
    private var entries: [String: (text: String, template: ScriptBlockTemplate)] = [:]

    static func of(_ context: ExecutionContext) -> ParsedScriptCache {
        if let cache = context.service(ParsedScriptCache.self) { return cache }
        let cache = ParsedScriptCache()
        context.register(service: cache)
        return cache
    }

    /// A fresh block for `text` from `key`, reusing the compiled code of the same text.
    func block(key: String, text: String, parse: (String) throws -> ScriptBlock) throws -> ScriptBlock {
        if let entry = entries[key], entry.text == text { return entry.template.instantiate() }
        let template = ScriptBlockTemplate(ast: try parse(text).ast)
        entries[key] = (text, template)
        return template.instantiate()
    }
}

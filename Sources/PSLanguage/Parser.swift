/// Entry point of the parser (implementation in progress).
public struct Parser {
    public static func parse(_ text: String, path: String? = nil) -> ParseResult {
        let file = SourceFile(text: text, path: path)
        let extent = SourceExtent(file: file, startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1)
        return ParseResult(ast: ScriptBlockAst(endBlock: [], extent: extent), errors: [])
    }
}

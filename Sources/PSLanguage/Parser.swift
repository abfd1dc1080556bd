// The parser: recursive descent over tokens pulled from `Lexer` in the mode each rule needs.
// The grammar follows PowerShell's Parser.cs; `// G` comments give each rule. Errors are
// collected (never thrown) and parsing resumes at the next statement.

/// Parses PowerShell source into a `ScriptBlockAst`.
public final class Parser {
    let file: SourceFile
    let lexer: Lexer
    /// The lexer over the whole text, used to decide whether an error is at the end of input.
    let rootLexer: Lexer
    var pos: Int
    var mode: LexMode = .command
    var errors: [ParseError] = []
    var reportedErrors: Set<String> = []
    private var cache: (pos: Int, mode: LexMode, options: LexOptions, token: Token)?
    /// Inside method-call arguments and attribute arguments `,` separates arguments.
    var disableCommaOperator = false
    /// Current nesting of statements and expressions; parsing stops at `maxDepth` to protect the stack.
    var depth = 0
    static let maxDepth = 150
    /// Current run of nested prefix operators and casts, and the most of them (or of binary
    /// operators in one expression) the parser accepts.
    var chainDepth = 0
    static let maxChain = 10_000

    init(file: SourceFile, lexer: Lexer, rootLexer: Lexer, start: Int) {
        self.file = file
        self.lexer = lexer
        self.rootLexer = rootLexer
        self.pos = start
    }

    /// Parses a whole script. Never throws: the result holds the (possibly partial) tree and all errors.
    public static func parse(_ text: String, path: String? = nil) -> ParseResult {
        let file = SourceFile(text: text, path: path)
        let lexer = Lexer(text)
        let parser = Parser(file: file, lexer: lexer, rootLexer: lexer, start: 0)
        var ast = parser.parseScriptBlockBody(start: 0, closing: nil)
        ast.requires = lexer.requiresComments.sorted { $0.key < $1.key }.map(\.value)
        ast.extent = parser.extent(0, lexer.bytes.count)
        // Errors found while skipping trailing comments belong to the end-of-input token.
        parser.withMode(.command) { parser.advance(parser.peek()) }
        return ParseResult(ast: ast, errors: parser.errors)
    }

    // MARK: - Tokens

    /// The next token in the current mode, without consuming it.
    func peek(_ options: LexOptions = LexOptions()) -> Token {
        if let c = cache, c.pos == pos, c.mode == mode, c.options == options { return c.token }
        let t = lexer.next(at: pos, mode: mode, options: options)
        cache = (pos, mode, options, t)
        return t
    }

    /// Consumes `token` (which must have come from `peek`), reporting its scan errors.
    func advance(_ token: Token) {
        pos = max(pos, token.end)
        if token.kind != .newLine && token.kind != .semi && token.kind != .endOfInput { lastTokenEnd = token.end }
        for e in token.errors {
            report(e.id, e.message, e.offset, e.endOffset, incomplete: e.isIncomplete)
        }
    }

    /// Peeks and consumes one token.
    @discardableResult
    func next(_ options: LexOptions = LexOptions()) -> Token {
        let t = peek(options)
        advance(t)
        return t
    }

    func withMode<T>(_ m: LexMode, _ body: () -> T) -> T {
        let old = mode
        mode = m
        defer { mode = old }
        return body()
    }

    func skipNewlines() {
        while peek().kind == .newLine { advance(peek()) }
    }

    func skipNewlinesAndSemicolons() {
        while true {
            let t = peek()
            guard t.kind == .newLine || t.kind == .semi else { return }
            advance(t)
        }
    }

    /// The raw byte at the current position (no trivia skipped); 0 at the end.
    var currentByte: UInt8 { lexer.byte(pos) }

    /// Offset of the next significant character (after whitespace and comments).
    var nextSignificantOffset: Int {
        var ignored: [LexError] = []
        return lexer.skipTrivia(from: pos, errors: &ignored)
    }

    // MARK: - Extents

    /// Builds an extent for the UTF-8 range `start..<end`.
    func extent(_ start: Int, _ end: Int) -> SourceExtent {
        let (sl, sc) = lineColumn(start)
        let (el, ec) = lineColumn(end)
        return SourceExtent(file: file, startOffset: start, endOffset: end, startLine: sl, startColumn: sc,
                            endLine: el, endColumn: ec)
    }

    func extent(of token: Token) -> SourceExtent { extent(token.start, token.end) }

    /// The extent from `start` to the end of the last consumed token.
    func extent(from start: Int) -> SourceExtent { extent(start, max(start, lastTokenEnd)) }

    /// End offset of the last consumed token (newlines and `;` excluded).
    var lastTokenEnd = 0

    /// Per line, the column at every 256th byte (nil for a line of plain ASCII, where the column
    /// is the byte distance): built once per line on first use, so any column costs at most 256
    /// steps. Counting from the line's start each time was quadratic on long one-line scripts.
    private var columnCheckpoints: [Int: [Int]?] = [:]
    private static let checkpointStride = 256

    func lineColumn(_ offset: Int) -> (Int, Int) {
        let starts = file.lineStarts
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let bytes = lexer.bytes
        let lineStart = starts[lo]
        let stop = min(offset, bytes.count)
        let checkpoints: [Int]?
        if let known = columnCheckpoints[lo] {
            checkpoints = known
        } else {
            let lineEnd = lo + 1 < starts.count ? starts[lo + 1] : bytes.count
            checkpoints = Self.checkpoints(bytes, from: lineStart, to: lineEnd)
            columnCheckpoints[lo] = checkpoints
        }
        guard let checkpoints else { return (lo + 1, stop - lineStart + 1) }
        // Count code points (not continuation bytes) from the nearest checkpoint.
        let index = min((stop - lineStart) / Self.checkpointStride, checkpoints.count - 1)
        var column = checkpoints[index]
        var i = lineStart + index * Self.checkpointStride
        while i < stop {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (lo + 1, column)
    }

    /// The columns at every `checkpointStride` bytes of a line, or nil when it is all ASCII.
    private static func checkpoints(_ bytes: [UInt8], from start: Int, to end: Int) -> [Int]? {
        var ascii = true
        for i in start..<end where bytes[i] >= 0x80 {
            ascii = false
            break
        }
        if ascii { return nil }
        var result: [Int] = [1]
        var column = 1
        var i = start
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
            if (i - start) % checkpointStride == 0 { result.append(column) }
        }
        return result
    }

    // MARK: - Errors

    /// Records an error at `start..<end` (deduplicated by id and position).
    func report(_ id: String, _ message: String, _ start: Int, _ end: Int? = nil, incomplete: Bool = false) {
        let key = "\(id)@\(start)"
        guard !reportedErrors.contains(key) else { return }
        reportedErrors.insert(key)
        errors.append(ParseError(id: id, message: message, extent: extent(start, end ?? start),
                                 isIncompleteInput: incomplete))
    }

    /// Records an error that means "input is incomplete" when `detectedAt` is the end of the script.
    func reportIncomplete(_ id: String, _ message: String, _ start: Int, _ end: Int? = nil, detectedAt: Int? = nil) {
        report(id, message, start, end, incomplete: rootLexer.isAtEndOfScript(detectedAt ?? start))
    }

    /// A `{ … }` block that must follow a keyword; when it is missing, reports `id` at `position`
    /// (as incomplete input when nothing but the end of the script follows).
    func parseRequiredBlock(_ id: String, _ message: String, at position: Int) -> [Statement]? {
        if let block = parseStatementBlock() { return block }
        reportIncomplete(id, message, position, detectedAt: peek().start)
        return nil
    }

    // MARK: - Script blocks

    // G script-block: new-lines? param-block? statement-terminators? script-block-body?
    // G script-block-body: named-block-list | statement-list
    // Swift 6.3's optimizer crashes (SIL CopyPropagation) on this function in release builds;
    // it runs once per script block, so leaving it unoptimized costs nothing measurable.
    @_optimize(none)
    func parseScriptBlockBody(start: Int, closing: TokenKind?) -> ScriptBlockAst {
        var attributes: [AttributeAst] = []
        var paramBlock: ParamBlockAst?
        withMode(.command) { skipNewlinesAndSemicolons() }
        // Attributes (`[CmdletBinding()]`) only count when a `param` block follows them.
        if lexer.byte(nextSignificantOffset) == UInt8(ascii: "[") {
            let save = (pos, errors.count, lastTokenEnd, reportedErrors)
            let attrs = withMode(.expression) { parseAttributeList() }
            withMode(.command) { skipNewlines() }
            if withMode(.command, { peek().keyword }) == .param {
                attributes = attrs.compactMap(\.attribute)
                for a in attrs where a.attribute == nil {
                    report("TypeNotAllowedBeforeParam", "A type cannot be written before 'param'.",
                           a.type.extent.startOffset, a.type.extent.endOffset)
                }
            } else {
                (pos, lastTokenEnd) = (save.0, save.2)
                errors.removeSubrange(save.1...)
                reportedErrors = save.3
            }
        }
        if withMode(.command, { peek().keyword }) == .param {
            paramBlock = parseParamBlock(attributes: attributes)
            attributes = []
        }
        var ast = ScriptBlockAst(attributes: paramBlock?.attributes ?? attributes, paramBlock: paramBlock,
                                 extent: extent(start, start))
        withMode(.command) { skipNewlinesAndSemicolons() }
        let first = withMode(.command) { peek() }
        if let kw = first.keyword, [.begin, .process, .end, .dynamicparam, .clean].contains(kw) {
            parseNamedBlocks(into: &ast, closing: closing)
        } else {
            ast.endBlock = parseStatementList(topLevel: closing == nil)
        }
        ast.extent = extent(start, max(start, lastTokenEnd))
        return ast
    }

    // G named-block-list: named-block+
    // G named-block: block-name statement-block
    private func parseNamedBlocks(into ast: inout ScriptBlockAst, closing: TokenKind?) {
        ast.hasNamedBlocks = true
        mode = .command
        while true {
            skipNewlinesAndSemicolons()
            let t = peek()
            guard let kw = t.keyword, [.begin, .process, .end, .dynamicparam, .clean].contains(kw) else {
                if t.kind == .endOfInput || t.kind == closing { return }
                report("MissingNamedBlocks", "Only 'begin', 'process' and 'end' blocks may appear here.", t.start, t.end)
                // Skip to the next plausible block.
                advance(t)
                continue
            }
            advance(t)
            lastTokenEnd = t.end
            guard let body = parseStatementBlock() else {
                reportIncomplete("MissingNamedStatementBlock", "The '\(t.text)' block is missing its '{'.", t.end,
                                 detectedAt: t.end)
                return
            }
            switch kw {
            case .begin: ast.beginBlock = body
            case .process: ast.processBlock = body
            case .end: ast.endBlock = body
            default:
                report("UnexpectedKeyword", "'\(t.text)' blocks are not supported.", t.start, t.end)
            }
        }
    }
}

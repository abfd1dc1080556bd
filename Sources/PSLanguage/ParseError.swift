/// A parse error. Parsing never throws: all errors are collected and returned with the tree.
public struct ParseError: Sendable, Equatable, CustomStringConvertible {
    /// PowerShell's error id, e.g. `MissingEndCurlyBrace`, `MissingExpressionAfterOperator`.
    public var id: String
    public var message: String
    public var extent: SourceExtent
    /// True when more input could complete the text (open brace, open quote, trailing `|`…).
    /// The REPL shows the continuation prompt when every error has this flag.
    public var isIncompleteInput: Bool

    public init(id: String, message: String, extent: SourceExtent, isIncompleteInput: Bool = false) {
        self.id = id
        self.message = message
        self.extent = extent
        self.isIncompleteInput = isIncompleteInput
    }

    public var description: String { "\(extent.startLine):\(extent.startColumn) \(id): \(message)" }
}

/// The result of parsing a script: a tree (possibly partial) and every error found.
public struct ParseResult: Sendable {
    public var ast: ScriptBlockAst
    public var errors: [ParseError]

    public init(ast: ScriptBlockAst, errors: [ParseError]) {
        self.ast = ast
        self.errors = errors
    }

    /// True when the input is incomplete rather than wrong (all errors are incomplete-input errors).
    public var isIncomplete: Bool { !errors.isEmpty && errors.allSatisfy(\.isIncompleteInput) }
}

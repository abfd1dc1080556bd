/// A statement with its extent.
public struct Statement: Sendable {
    public var kind: StatementKind
    public var extent: SourceExtent

    public init(_ kind: StatementKind, extent: SourceExtent) {
        self.kind = kind
        self.extent = extent
    }
}

public indirect enum StatementKind: Sendable {
    /// A pipeline, or a chain of pipelines joined with `&&` / `||`.
    case pipeline(PipelineChain)
    /// `target op value`; the value is itself a statement (`$x = if (…) {…}`, `$x = Get-Foo | Sort`).
    case assignment(target: Expression, op: AssignmentOperator, value: Statement)
    case ifStatement(clauses: [IfClause], elseBody: [Statement]?)
    case switchStatement(SwitchStatementAst)
    case foreachStatement(label: String?, variable: VariablePath, iterable: Statement, body: [Statement])
    case forStatement(label: String?, initializer: Statement?, condition: Statement?, iterator: Statement?,
                      body: [Statement])
    case whileStatement(label: String?, condition: Statement, body: [Statement])
    case doWhile(label: String?, body: [Statement], condition: Statement)
    case doUntil(label: String?, body: [Statement], condition: Statement)
    /// `break` / `continue` with an optional label (a bare word or an expression yielding a string).
    case breakStatement(label: Expression?)
    case continueStatement(label: Expression?)
    case returnStatement(Statement?)
    case exitStatement(Statement?)
    case throwStatement(Statement?)
    case tryStatement(body: [Statement], catches: [CatchClause], finally: [Statement]?)
    case trap(types: [TypeName], body: [Statement])
    case functionDefinition(FunctionDefinitionAst)
    case typeDefinition(TypeDefinitionAst)
    case usingStatement(UsingStatementAst)
    /// A `{ … }` that is a statement block in statement position is not PowerShell; script block
    /// literals are expressions. This case covers `begin`-less nested blocks produced by the parser
    /// for constructs like `data {}` when unsupported features are skipped: statements run in order.
    case block([Statement])
}

public struct IfClause: Sendable {
    public var condition: Statement
    public var body: [Statement]

    public init(condition: Statement, body: [Statement]) {
        self.condition = condition
        self.body = body
    }
}

public struct CatchClause: Sendable {
    /// Empty for a catch-all.
    public var types: [TypeName]
    public var body: [Statement]
    public var extent: SourceExtent

    public init(types: [TypeName], body: [Statement], extent: SourceExtent) {
        self.types = types
        self.body = body
        self.extent = extent
    }
}

public struct SwitchStatementAst: Sendable {
    public var label: String?
    public var flags: SwitchFlags
    /// The value(s) to switch on; nil when `-File` is used.
    public var condition: Statement?
    /// `-File path` expression.
    public var file: Expression?
    public var clauses: [SwitchClause]
    public var defaultBody: [Statement]?

    public init(label: String?, flags: SwitchFlags, condition: Statement?, file: Expression?,
                clauses: [SwitchClause], defaultBody: [Statement]?) {
        self.label = label
        self.flags = flags
        self.condition = condition
        self.file = file
        self.clauses = clauses
        self.defaultBody = defaultBody
    }
}

public struct SwitchFlags: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let regex = SwitchFlags(rawValue: 1)
    public static let wildcard = SwitchFlags(rawValue: 2)
    public static let exact = SwitchFlags(rawValue: 4)
    public static let caseSensitive = SwitchFlags(rawValue: 8)
    public static let file = SwitchFlags(rawValue: 16)
}

public struct SwitchClause: Sendable {
    /// A constant, an expression, or a script block literal (a condition evaluated with `$_`).
    public var pattern: Expression
    public var body: [Statement]

    public init(pattern: Expression, body: [Statement]) {
        self.pattern = pattern
        self.body = body
    }
}

public struct FunctionDefinitionAst: Sendable {
    public var name: String
    public var isFilter: Bool
    /// `function f($a, $b) {}` parameters, when written in parentheses after the name.
    public var parameters: [ParameterAst]?
    public var body: ScriptBlockAst
    public var extent: SourceExtent

    public init(name: String, isFilter: Bool, parameters: [ParameterAst]?, body: ScriptBlockAst,
                extent: SourceExtent) {
        self.name = name
        self.isFilter = isFilter
        self.parameters = parameters
        self.body = body
        self.extent = extent
    }
}

public enum AssignmentOperator: String, Sendable {
    case assign = "="
    case plus = "+="
    case minus = "-="
    case multiply = "*="
    case divide = "/="
    case remainder = "%="
    case nullCoalesce = "??="
}

// MARK: - Pipelines and commands

/// `p1 && p2 || p3`: evaluated left to right; `&&` runs the next pipeline when `$?` is true.
public struct PipelineChain: Sendable {
    public var first: PipelineAst
    public var rest: [(op: ChainOperator, pipeline: PipelineAst)]
    /// Trailing `&` (background job) — parsed so it can be reported as unsupported.
    public var background: Bool

    public init(first: PipelineAst, rest: [(op: ChainOperator, pipeline: PipelineAst)] = [],
                background: Bool = false) {
        self.first = first
        self.rest = rest
        self.background = background
    }
}

public enum ChainOperator: String, Sendable {
    case and = "&&"
    case or = "||"
}

/// `element | element | …`. The first element may be an expression; the others are commands
/// (an expression after `|` is a parse error, as in PowerShell).
public struct PipelineAst: Sendable {
    public var elements: [PipelineElement]
    public var extent: SourceExtent

    public init(elements: [PipelineElement], extent: SourceExtent) {
        self.elements = elements
        self.extent = extent
    }
}

public enum PipelineElement: Sendable {
    case command(CommandAst)
    case expression(Expression, redirections: [Redirection])

    public var extent: SourceExtent {
        switch self {
        case .command(let c): return c.extent
        case .expression(let e, _): return e.extent
        }
    }
}

public struct CommandAst: Sendable {
    public var invocation: InvocationOperator
    /// The command name: a bareword string constant, or any expression after `&` / `.`
    /// (a variable holding a script block, a quoted path, `{ … }`).
    public var name: Expression
    public var elements: [CommandElement]
    public var redirections: [Redirection]
    public var extent: SourceExtent

    public init(invocation: InvocationOperator, name: Expression, elements: [CommandElement],
                redirections: [Redirection], extent: SourceExtent) {
        self.invocation = invocation
        self.name = name
        self.elements = elements
        self.redirections = redirections
        self.extent = extent
    }
}

public enum InvocationOperator: Sendable {
    case none
    case ampersand
    case dot
}

public enum CommandElement: Sendable {
    /// `-Name`, `-Name:value`. `argument` is set only for the colon form; `-Name value` is a
    /// parameter followed by a separate `.argument` element and the binder pairs them.
    case parameter(name: String, argument: Expression?, extent: SourceExtent)
    /// Any argument: a bareword (string constant with `.bareword` quoting), a literal, a variable,
    /// a splat (`@args` as `.variable(path, splatted: true)`), an array `a,b`, a parenthesised pipeline…
    case argument(Expression)
    /// `--%` stop-parsing token: the rest of the line as one verbatim string.
    case stopParsing(String, extent: SourceExtent)

    public var extent: SourceExtent {
        switch self {
        case .parameter(_, _, let e): return e
        case .argument(let a): return a.extent
        case .stopParsing(_, let e): return e
        }
    }
}

public struct Redirection: Sendable {
    public enum Stream: Int, Sendable {
        case all = 0, output = 1, error = 2, warning = 3, verbose = 4, debug = 5, information = 6
    }
    public enum Kind: Sendable {
        /// `> file`, `>> file`, `2> file`, `2>$null`.
        case file(target: Expression, append: Bool)
        /// `2>&1`, `*>&1`: merge `from` into the output stream.
        case merge
    }
    public var from: Stream
    public var kind: Kind
    public var extent: SourceExtent

    public init(from: Stream, kind: Kind, extent: SourceExtent) {
        self.from = from
        self.kind = kind
        self.extent = extent
    }
}

import Testing
@testable import PSLanguage

@Suite struct ParseErrorTests {
    /// (input, first error id, line, column, isIncomplete)
    static let errors: [(String, String, Int, Int, Bool)] = [
        ("if ($x) {", "MissingEndCurlyBrace", 1, 9, true),
        ("{", "MissingEndCurlyBrace", 1, 1, true),
        ("function f {\n 1", "MissingEndCurlyBrace", 1, 12, true),
        ("1 +", "ExpectedValueExpression", 1, 4, true),
        ("1 + # comment", "ExpectedValueExpression", 1, 4, true),
        ("1 +* 2", "ExpectedValueExpression", 1, 4, false),
        ("$x -eq", "ExpectedValueExpression", 1, 7, true),
        ("'abc", "TerminatorExpectedAtEndOfString", 1, 1, true),
        ("\"abc", "TerminatorExpectedAtEndOfString", 1, 1, true),
        ("x = \"abc $(", "IncompleteDollarSubexpressionReference", 1, 10, true),
        ("@\"\nabc", "TerminatorExpectedAtEndOfString", 1, 1, true),
        ("@'\nabc", "TerminatorExpectedAtEndOfString", 1, 1, true),
        ("@'abc'@", "UnexpectedCharactersAfterHereStringHeader", 1, 3, false),
        ("Get-X |", "EmptyPipeElement", 1, 8, true),
        ("Get-X | ", "EmptyPipeElement", 1, 8, true),
        ("Get-X | | y", "EmptyPipeElement", 1, 8, false),
        ("a &&", "EmptyPipelineChainElement", 1, 5, true),
        ("}", "UnexpectedToken", 1, 1, false),
        (")", "UnexpectedToken", 1, 1, false),
        ("1 | 2", "ExpressionsMustBeFirstInPipeline", 1, 5, false),
        ("Get-X | $x", "ExpressionsMustBeFirstInPipeline", 1, 9, false),
        ("(1", "MissingEndParenthesisInExpression", 1, 3, true),
        ("(", "ExpectedExpression", 1, 2, true),
        ("$(1", "MissingEndParenthesisInSubexpression", 1, 1, true),
        ("@(1", "MissingEndParenthesisInSubexpression", 1, 1, true),
        ("@{", "MissingEndCurlyBrace", 1, 1, true),
        ("@{ a = 1", "MissingEndCurlyBrace", 1, 1, true),
        ("@{ a }", "MissingEqualsInHashLiteral", 1, 6, false),
        ("@{ a =", "MissingStatementInHashLiteral", 1, 7, true),
        ("$x[", "MissingArrayIndexExpression", 1, 4, true),
        ("$x[1", "MissingEndSquareBracket", 1, 5, true),
        ("$x.", "MissingPropertyName", 1, 4, true),
        ("$x.Foo(1", "MissingEndParenthesisInMethodCall", 1, 7, true),
        ("$x.Foo(1,", "MissingEndParenthesisInMethodCall", 1, 7, true),
        ("[int", "EndSquareBracketExpectedAtEndOfType", 1, 5, true),
        ("[", "MissingTypename", 1, 2, true),
        ("-not", "MissingExpressionAfterOperator", 1, 5, true),
        ("!", "MissingExpressionAfterOperator", 1, 2, true),
        ("1,", "MissingExpressionAfterToken", 1, 3, true),
        ("$x ? 1", "MissingColonInTernaryExpression", 1, 7, true),
        ("$x = ", "ExpectedValueExpression", 1, 5, true),
        ("1 = 2", "InvalidLeftHandSide", 1, 1, false),
        ("if", "MissingOpenParenthesisInIfStatement", 1, 3, true),
        ("if (", "IfStatementMissingCondition", 1, 5, true),
        ("if ($x", "MissingEndParenthesisAfterStatement", 1, 7, true),
        ("if ($x)", "MissingStatementBlock", 1, 8, true),
        ("if ($x) { } else", "MissingStatementBlockAfterElse", 1, 17, true),
        ("if ($x) 1", "MissingStatementBlock", 1, 8, false),
        ("foreach", "MissingOpenParenthesisAfterKeyword", 1, 8, true),
        ("foreach (", "MissingVariableNameAfterForeach", 1, 10, true),
        ("foreach ($x", "MissingInInForeach", 1, 12, true),
        ("foreach ($x in", "MissingForeachExpression", 1, 15, true),
        ("foreach ($x in $y", "MissingEndParenthesisAfterForeach", 1, 18, true),
        ("foreach ($x in $y)", "MissingForeachStatement", 1, 19, true),
        ("foreach ($x of $y) {}", "MissingInInForeach", 1, 12, false),
        ("for (", "MissingEndParenthesisAfterStatement", 1, 6, true),
        ("for (;;)", "MissingLoopStatement", 1, 9, true),
        ("while", "MissingOpenParenthesisAfterKeyword", 1, 6, true),
        ("while ($x)", "MissingLoopStatement", 1, 11, true),
        ("do", "MissingLoopStatement", 1, 3, true),
        ("do {}", "MissingWhileOrUntilInDoWhile", 1, 6, true),
        ("do {} while", "MissingOpenParenthesisAfterKeyword", 1, 12, true),
        ("function", "MissingNameAfterKeyword", 1, 9, true),
        ("function f", "MissingFunctionBody", 1, 11, true),
        ("function f(", "MissingEndParenthesisInFunctionParameterList", 1, 11, true),
        ("try", "MissingTryStatementBlock", 1, 4, true),
        ("try {}", "MissingCatchOrFinally", 1, 7, true),
        ("try {} catch", "MissingCatchHandlerBlock", 1, 13, true),
        ("try {} finally", "MissingFinallyStatementBlock", 1, 15, true),
        ("try {} catch [A],", "MissingTypeLiteralToken", 1, 18, true),
        ("trap", "MissingTrapStatement", 1, 5, true),
        ("switch", "PipelineValueRequired", 1, 7, true),
        ("switch ($x)", "MissingCurlyBraceInSwitchStatement", 1, 12, true),
        ("switch ($x) {", "MissingEndCurlyBrace", 1, 13, true),
        ("switch ($x) { 1 }", "MissingSwitchStatementClause", 1, 16, false),
        ("switch -foo ($x) { }", "InvalidSwitchFlag", 1, 8, false),
        ("Get-X >", "MissingFileSpecification", 1, 8, false),
        ("Get-X 2>", "MissingFileSpecification", 1, 9, false),
        ("Get-X < in.txt", "RedirectionNotSupported", 1, 7, false),
        ("Get-X 1>&2", "RedirectionNotSupported", 1, 7, false),
        ("Get-X a,", "MissingExpression", 1, 9, true),
        ("Get-X -Name:", "ParameterRequiresArgument", 1, 13, false),
        ("&", "MissingExpression", 1, 1, false),
        ("$a -foo $b", "UnexpectedToken", 1, 4, false),
        ("1 2", "UnexpectedToken", 1, 3, false),
        ("${x", "IncompleteDollarVariableReference", 1, 1, true),
        ("<# never closed", "MissingTerminatorMultiLineComment", 1, 1, true),
        ("param($x", "MissingEndParenthesisInFunctionParameterList", 1, 6, true),
        ("[Parameter(", "MissingEndParenthesisInExpression", 1, 12, true),
        ("\"`u{110000}\"", "InvalidUnicodeEscapeSequenceValue", 1, 2, false),
        ("x\n  1 +", "ExpectedValueExpression", 2, 6, true),
    ]

    @Test(arguments: errors)
    func firstError(_ input: String, _ id: String, _ line: Int, _ column: Int, _ incomplete: Bool) {
        let r = Parser.parse(input)
        guard let e = r.errors.first else {
            Issue.record("no error for \(input)")
            return
        }
        #expect(e.id == id, "\(input): \(r.errors)")
        #expect(e.extent.startLine == line, "\(input): \(e)")
        #expect(e.extent.startColumn == column, "\(input): \(e)")
        #expect(e.isIncompleteInput == incomplete, "\(input): \(e)")
        #expect(r.isIncomplete == incomplete, "\(input): \(r.errors)")
    }

    static let incomplete: [(String, Bool)] = [
        ("if ($x) {", true),
        ("1 +", true),
        ("'abc", true),
        ("@\"\nabc", true),
        ("Get-X |", true),
        ("}", false),
        ("1 +* 2", false),
        ("1 | 2", false),
        ("$x = @(", true),
        ("$x = @{", true),
        ("function f {", true),
        ("function f", true),
        ("do {}", true),
        ("try {}", true),
        ("Get-X `", true),
        ("foreach ($x in $y) {\n", true),
        ("\"a $(\"", true),
        ("{ 1 } }", false),
        ("1 +\n", true),
        ("Get-X -a 1 ,", true),
        ("$a ? 1 :", true),
        ("complete", false),
    ]

    @Test(arguments: incomplete)
    func incompleteInput(_ input: String, _ expected: Bool) {
        let r = Parser.parse(input)
        #expect(r.isIncomplete == expected, "\(input): \(r.errors)")
    }

    @Test func completeInputHasNoErrors() {
        #expect(Parser.parse("complete").errors.isEmpty)
    }

    @Test func multipleErrorsAreReported() {
        let r = Parser.parse("1 +* 2\n1 | 2\n}\n$x[")
        #expect(r.errors.map(\.id) == ["ExpectedValueExpression", "ExpressionsMustBeFirstInPipeline", "UnexpectedToken",
                                       "MissingArrayIndexExpression"])
        #expect(r.errors.map(\.extent.startLine) == [1, 2, 3, 4])
        #expect(!r.isIncomplete)
    }

    @Test func parsingContinuesAfterAnError() {
        let r = Parser.parse("1 | 2\nGet-X\n$y = 3")
        #expect(r.ast.endBlock?.count == 3)
        #expect(SExpr.script(r.ast).hasSuffix("(cmd Get-X); (= $y 3)"))
    }

    @Test func partialTreeIsReturned() {
        let r = Parser.parse("if ($x) { Get-Y")
        #expect(SExpr.script(r.ast) == "(if $x {(cmd Get-Y)})")
        #expect(r.isIncomplete)
    }
}

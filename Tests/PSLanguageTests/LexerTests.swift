import Testing
@testable import PSLanguage

private func kinds(_ text: String, _ mode: LexMode) -> String {
    Lexer.tokenize(text, mode: mode).dropLast().map(\.kind.rawValue).joined(separator: " ")
}

@Suite struct LexerTests {
    static let tokenKinds: [(String, LexMode, String)] = [
        ("-eq", .expression, "dashOperator"),
        ("-eq", .command, "parameter"),
        ("-Path", .command, "parameter"),
        ("-Path:", .command, "parameter"),
        ("foo-bar", .command, "generic"),
        ("foo-bar", .expression, "identifier parameter"),
        ("1kb", .expression, "number"),
        ("1kb", .command, "number"),
        ("1x", .command, "generic"),
        ("1x", .expression, "generic"),
        ("2>&1", .command, "redirection"),
        ("2>&1", .expression, "redirection"),
        ("2> x", .command, "redirection generic"),
        ("@(", .expression, "atParen"),
        ("@{", .command, "atCurly"),
        ("$(", .command, "dollarParen"),
        ("@args", .command, "splattedVariable"),
        ("$x", .expression, "variable"),
        ("$x/y", .command, "generic"),
        ("$x.y", .command, "variable generic"),
        ("1..3", .expression, "number dotDot number"),
        ("1..3", .command, "generic"),
        ("if", .command, "keyword"),
        ("if", .expression, "identifier"),
        ("if-then", .command, "generic"),
        ("a=b", .command, "generic"),
        ("= b", .command, "equals generic"),
        ("$a = 1", .expression, "variable equals number"),
        ("+= -= *= /= %= ??=", .expression, "plusEquals minusEquals multiplyEquals divideEquals remainderEquals questionQuestionEquals"),
        ("++ --", .expression, "plusPlus minusMinus"),
        ("&& || & |", .command, "andAnd orOr ampersand pipe"),
        ("( ) { } [ ] ; ,", .expression, "lParen rParen lCurly rCurly lBracket rBracket semi comma"),
        ("[int]", .command, "generic"),
        ("? ??", .expression, "questionMark questionQuestion"),
        ("?", .command, "generic"),
        (":label", .command, "label"),
        (":", .expression, "colon"),
        ("::", .expression, "colonColon"),
        ("!", .expression, "exclaim"),
        ("'a' \"b\"", .command, "stringLiteral stringExpandable"),
        ("@'\nx\n'@", .command, "hereStringLiteral"),
        ("@\"\nx\n\"@", .command, "hereStringExpandable"),
        ("a\nb", .command, "generic newLine generic"),
        ("a\r\nb", .command, "generic newLine generic"),
        ("a # comment\nb", .command, "generic newLine generic"),
        ("a <# c #> b", .command, "generic generic"),
        ("a `\n b", .command, "generic generic"),
        ("./x.ps1", .command, "generic"),
        (". x", .command, "dot generic"),
        ("--%", .command, "generic"),
        ("--", .command, "minusMinus"),
        ("-", .command, "minus"),
        ("-5", .command, "number"),
        ("-5", .expression, "minus number"),
        ("> >>", .command, "redirection redirection"),
        ("<", .command, "redirectInStd"),
        ("*>&1", .command, "redirection"),
        ("-not -bnot -and -or -xor -f -is -as -join -split", .expression,
         "dashOperator dashOperator dashOperator dashOperator dashOperator dashOperator dashOperator dashOperator dashOperator dashOperator"),
        ("-foo", .expression, "parameter"),
    ]

    @Test(arguments: tokenKinds)
    func tokenKindsByMode(_ input: String, _ mode: LexMode, _ expected: String) {
        #expect(kinds(input, mode) == expected, "\(input) in \(mode)")
    }

    @Test func tokenOffsetsAndText() {
        let tokens = Lexer.tokenize("Get-Item -Path  $x", mode: .command)
        #expect(tokens.map(\.text) == ["Get-Item", "-Path", "$x", ""])
        #expect(tokens.map(\.start) == [0, 9, 16, 18])
        #expect(tokens[2].precededBySpace)
        #expect(tokens[1].parameterName == "Path")
        #expect(tokens[2].variablePath?.name == "x")
    }

    @Test func dashOperatorPayload() {
        let t = Lexer.tokenize("-cne", mode: .expression)[0]
        #expect(t.dashOperator == .binary(.comparison(.ne, caseSensitive: true)))
        let u = Lexer.tokenize("-NOT", mode: .expression)[0]
        #expect(u.dashOperator == .not)
        #expect(u.dashOperator?.isUnary == true)
    }

    @Test func keywordPayload() {
        let t = Lexer.tokenize("Foreach", mode: .command)[0]
        #expect(t.keyword == .foreach)
    }

    static let numbers: [(String, ConstantValue)] = [
        ("0", .int(0)),
        ("42", .int(42)),
        ("2147483647", .int(2147483647)),
        ("2147483648", .long(2147483648)),
        ("9223372036854775807", .long(9223372036854775807)),
        ("9223372036854775808", .decimal("9223372036854775808")),
        ("0x1F", .int(31)),
        ("0xff", .int(255)),
        ("0xFFFFFFFF", .int(-1)),
        ("0x80000000", .int(-2147483648)),
        ("0x100000000", .long(4294967296)),
        ("0xFFFFFFFFFFFFFFFF", .long(-1)),
        ("0b101", .int(5)),
        ("0b11111111", .int(-1)),
        ("1l", .long(1)),
        ("1L", .long(1)),
        ("1u", .uint(1)),
        ("1ul", .ulong(1)),
        ("1d", .decimal("1")),
        ("1.5d", .decimal("1.5")),
        ("1y", .sbyte(1)),
        ("1uy", .byte(1)),
        ("1s", .short(1)),
        ("1us", .ushort(1)),
        ("1n", .bigInteger(1)),
        ("1kb", .int(1024)),
        ("1KB", .int(1024)),
        ("1mb", .int(1048576)),
        ("1gb", .int(1073741824)),
        ("1tb", .long(1099511627776)),
        ("1pb", .long(1125899906842624)),
        ("2.5mb", .double(2621440)),
        ("1lkb", .long(1024)),
        ("1.5", .double(1.5)),
        ("1e3", .double(1000)),
        ("1.5e-2", .double(0.015)),
        (".5", .double(0.5)),
        ("1.", .double(1)),
        ("-5", .int(-5)),
        ("-2147483648", .int(-2147483648)),
        ("-1.5", .double(-1.5)),
    ]

    @Test(arguments: numbers)
    func numberValues(_ input: String, _ expected: ConstantValue) {
        let t = Lexer.tokenize(input, mode: .command)[0]
        #expect(t.kind == .number, "\(input)")
        #expect(t.number == expected, "\(input): \(String(describing: t.number))")
    }

    @Test func badNumberInExpressionModeIsAnError() {
        let r = Parser.parse("0x1FFFFFFFFFFFFFFFF")
        #expect(r.errors.map(\.id) == ["BadNumericConstant"])
    }

    @Test func expandablePartsCarryOffsets() {
        let t = Lexer.tokenize("\"a $b $(c)\"", mode: .command)[0]
        #expect(t.kind == .stringExpandable)
        #expect(t.payload == .expandable([.literal("a "), .variable(VariablePath(qualifier: nil, name: "b"), start: 3, end: 5),
                                           .literal(" "), .subExpression(start: 8, end: 9)]))
    }

    @Test func variablePaths() {
        #expect(Lexer.tokenize("$env:PATH")[0].variablePath == VariablePath(qualifier: "env", name: "PATH"))
        #expect(Lexer.tokenize("$Global:x")[0].variablePath == VariablePath(qualifier: "global", name: "x"))
        #expect(Lexer.tokenize("${c:\\x y}")[0].variablePath == VariablePath(qualifier: "c", name: "\\x y"))
        #expect(Lexer.tokenize("$x::y", mode: .expression)[0].variablePath == VariablePath(qualifier: nil, name: "x"))
    }

    @Test func hereStringValue() {
        let t = Lexer.tokenize("@'\r\n a\r\n b\r\n'@")[0]
        #expect(t.stringValue == " a\r\n b")
        #expect(t.end == 14)
    }

    @Test func nonAsciiColumns() {
        let r = Parser.parse("'é' + ")
        #expect(r.errors.first?.extent.startColumn == 6)
    }
}

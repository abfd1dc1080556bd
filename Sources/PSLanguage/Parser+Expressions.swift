// Expressions: ternary, binary operators by precedence, array literals, unary operators,
// casts and primary expressions.

extension Parser {
    /// Binary precedence (PowerShell's `TokenFlags.BinaryPrecedence*`): higher binds tighter.
    static func binaryPrecedence(_ op: BinaryOperator) -> Int {
        switch op {
        case .and, .or, .xor: return 1
        case .band, .bor, .bxor: return 2
        case .comparison, .isType, .isNotType, .asType, .shl, .shr: return 5
        case .nullCoalesce: return 7
        case .add, .subtract: return 9
        case .multiply, .divide, .remainder: return 10
        case .format: return 12
        case .range: return 13
        }
    }

    /// The binary operator a token stands for, if any (expression mode).
    static func binaryOperator(_ t: Token) -> BinaryOperator? {
        switch t.kind {
        case .plus: return .add
        case .minus: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .rem: return .remainder
        case .dotDot: return .range
        case .questionQuestion: return .nullCoalesce
        case .dashOperator:
            if case .binary(let op) = t.dashOperator { return op }
            return nil
        default: return nil
        }
    }

    // G expression: binary-expression ('?' new-lines? expression new-lines? ':' new-lines? expression)?
    /// Parses an expression; nil (nothing consumed) when no expression starts here.
    func parseExpression(endNumberOnTernary: Bool = false) -> Expression? {
        withMode(.expression) {
            depth += 1
            defer { depth -= 1 }
            guard depth < Parser.maxDepth else {
                report("ScriptTooComplicated", "The expression is nested too deeply to parse.", pos)
                return nil
            }
            guard let condition = parseBinary(endNumberOnTernary: endNumberOnTernary) else { return nil }
            let q = peek()
            guard q.kind == .questionMark else { return condition }
            advance(q)
            skipNewlines()
            let ifTrue = parseExpression(endNumberOnTernary: true) ?? missingValue(after: q)
            skipNewlines()
            let colon = peek()
            guard colon.kind == .colon else {
                reportIncomplete("MissingColonInTernaryExpression", "Missing ':' in the ternary expression.", colon.start,
                                 colon.end, detectedAt: colon.start)
                return Expression(.ternary(condition, ifTrue, ifTrue),
                                  extent: extent(condition.extent.startOffset, ifTrue.extent.endOffset))
            }
            advance(colon)
            skipNewlines()
            let ifFalse = parseExpression(endNumberOnTernary: true) ?? missingValue(after: colon)
            return Expression(.ternary(condition, ifTrue, ifFalse),
                              extent: extent(condition.extent.startOffset, ifFalse.extent.endOffset))
        }
    }

    /// Reports `ExpectedValueExpression` after `token` and returns a placeholder.
    private func missingValue(after token: Token) -> Expression {
        reportIncomplete("ExpectedValueExpression", "Missing expression after '\(token.text)'.", token.end,
                         detectedAt: peek().start)
        return Expression(.constant(.null), extent: extent(token.end, token.end))
    }

    // G binary-expression: array-literal (binary-operator new-lines? array-literal)*  (by precedence, left-assoc)
    private func parseBinary(endNumberOnTernary: Bool) -> Expression? {
        guard let first = parseArrayLiteral(endNumberOnTernary: endNumberOnTernary) else { return nil }
        var operands = [first]
        var operators: [BinaryOperator] = []
        var chained = 0
        func reduce() {
            let rhs = operands.removeLast()
            let lhs = operands.removeLast()
            let op = operators.removeLast()
            operands.append(Expression(.binary(op, lhs, rhs), extent: extent(lhs.extent.startOffset, rhs.extent.endOffset)))
        }
        while true {
            let t = peek()
            if t.kind == .parameter {
                // `$a -foo $b`: an unknown operator. Consume it so parsing can go on.
                report("UnexpectedToken", "Unexpected token '\(t.text)' in expression or statement.", t.start, t.end)
                advance(t)
                continue
            }
            guard let op = Parser.binaryOperator(t) else { break }
            if chained >= Parser.maxChain {
                report("ScriptTooComplicated", "The expression has more than \(Parser.maxChain) operators or casts in a row; split it into smaller expressions.", t.start)
                break
            }
            chained += 1
            advance(t)
            let prec = Parser.binaryPrecedence(op)
            while let top = operators.last, Parser.binaryPrecedence(top) >= prec { reduce() }
            skipNewlines()
            let rhs = parseArrayLiteral(endNumberOnTernary: true) ?? missingValue(after: t)
            operators.append(op)
            operands.append(rhs)
        }
        while !operators.isEmpty { reduce() }
        return operands[0]
    }

    // G array-literal: unary-expression (',' new-lines? unary-expression)*
    private func parseArrayLiteral(endNumberOnTernary: Bool) -> Expression? {
        guard let first = parseUnary(endNumberOnTernary: endNumberOnTernary) else { return nil }
        guard !disableCommaOperator, peek().kind == .comma else { return first }
        var items = [first]
        while peek().kind == .comma {
            let comma = next()
            skipNewlines()
            guard let item = parseUnary(endNumberOnTernary: true) else {
                reportIncomplete("MissingExpressionAfterToken", "Missing expression after ','.", comma.end,
                                 detectedAt: peek().start)
                break
            }
            items.append(item)
        }
        return Expression(.arrayLiteral(items),
                          extent: extent(first.extent.startOffset, items[items.count - 1].extent.endOffset))
    }

    // G unary-expression: primary-expression | unary-operator new-lines? unary-expression | type-literal unary-expression
    // G unary-operator: ',' | '-not' | '!' | '-bnot' | '+' | '-' | '++' | '--' | '-split' | '-join'
    func parseUnary(endNumberOnTernary: Bool = false) -> Expression? {
        // Prefix operators and casts nest (`-not -not …`, `[int][int]…`): bound the chain, which
        // later stages walk recursively, so a hostile script fails at once instead of overflowing.
        chainDepth += 1
        defer { chainDepth -= 1 }
        guard chainDepth <= Parser.maxChain else {
            report("ScriptTooComplicated", "The expression has more than \(Parser.maxChain) operators or casts in a row; split it into smaller expressions.", pos)
            return nil
        }
        let t = peek(LexOptions(allowSignedNumbers: true, endNumberOnTernary: endNumberOnTernary))
        var result: Expression?
        if let op = unaryOperator(t) {
            if op == .comma && disableCommaOperator { return nil }
            advance(t)
            skipNewlines()
            guard let child = parseUnary(endNumberOnTernary: true) else {
                reportIncomplete("MissingExpressionAfterOperator", "Missing expression after the unary operator '\(t.text)'.",
                                 t.end, detectedAt: peek().start)
                return Expression(.constant(.null), extent: extent(of: t))
            }
            let ext = extent(t.start, child.extent.endOffset)
            result = op == .comma ? Expression(.arrayLiteral([child]), extent: ext) : Expression(.unary(op, child), extent: ext)
        } else if t.kind == .lBracket {
            result = parseCastOrTypeLiteral()
        } else {
            result = parsePrimary(LexOptions(allowSignedNumbers: true, endNumberOnTernary: endNumberOnTernary))
        }
        guard let expr = result else { return nil }
        let post = peek()
        if post.kind == .plusPlus || post.kind == .minusMinus {
            advance(post)
            return Expression(.unary(post.kind == .plusPlus ? .postIncrement : .postDecrement, expr),
                              extent: extent(expr.extent.startOffset, post.end))
        }
        return expr
    }

    private func unaryOperator(_ t: Token) -> UnaryOperator? {
        switch t.kind {
        case .comma: return .comma
        case .exclaim: return .exclaim
        case .plus: return .plus
        case .minus: return .negate
        case .plusPlus: return .preIncrement
        case .minusMinus: return .preDecrement
        case .dashOperator:
            switch t.dashOperator {
            case .not: return .not
            case .bnot: return .bnot
            case .binary(.comparison(.split, _)): return .split
            case .binary(.comparison(.join, _)): return .join
            default: return nil
            }
        default: return nil
        }
    }

    // G cast-expression: type-literal unary-expression
    // G attributed-expression: attribute unary-expression
    private func parseCastOrTypeLiteral() -> Expression? {
        // `[int]` at the end of a line is a type literal: the next line's `[T]` starts a new statement.
        let attrs = parseAttributeList(allowNewlines: false)
        guard let last = attrs.last else { return nil }
        // `[int][int]…` comes as one list: it counts towards the chain like nested prefixes.
        guard chainDepth + attrs.count <= Parser.maxChain else {
            report("ScriptTooComplicated", "The expression has more than \(Parser.maxChain) operators or casts in a row; split it into smaller expressions.", last.extent.startOffset)
            return nil
        }
        var expr: Expression
        if let attribute = last.attribute {
            skipNewlines()
            guard let child = parseUnary(endNumberOnTernary: true) else {
                reportIncomplete("UnexpectedAttribute", "The attribute '\(attribute.typeName)' must be followed by an expression.",
                                 attribute.extent.startOffset, attribute.extent.endOffset, detectedAt: peek().start)
                return Expression(.typeLiteral(attribute.typeName), extent: attribute.extent)
            }
            expr = Expression(.attributed(attribute, child), extent: extent(attribute.extent.startOffset, child.extent.endOffset))
        } else {
            let typeExpr = Expression(.typeLiteral(last.type), extent: last.extent)
            if isMemberAccessAhead() {
                expr = parsePostfix(typeExpr)
            } else {
                let n = peek(LexOptions(allowSignedNumbers: true, endNumberOnTernary: true))
                if n.kind != .newLine && n.kind != .comma, let child = parseUnary(endNumberOnTernary: true) {
                    expr = Expression(.convert(last.type, child), extent: extent(last.extent.startOffset, child.extent.endOffset))
                } else {
                    expr = typeExpr
                }
            }
        }
        for a in attrs.dropLast().reversed() {
            let ext = extent(a.extent.startOffset, expr.extent.endOffset)
            if let attribute = a.attribute {
                expr = Expression(.attributed(attribute, expr), extent: ext)
            } else {
                expr = Expression(.convert(a.type, expr), extent: ext)
            }
        }
        return expr
    }

    // G primary-expression: value member-access*
    // G value: '(' pipeline ')' | '$(' statements ')' | '@(' statements ')' | script-block | hash-literal
    // G        | literal | variable
    /// Parses a primary expression with member access; nil (nothing consumed) when none starts here.
    func parsePrimary(_ options: LexOptions = LexOptions()) -> Expression? {
        parseValue(options).map(parsePostfix)
    }

    /// A primary expression without member access.
    func parseValue(_ options: LexOptions = LexOptions()) -> Expression? {
        let t = peek(options)
        var expr: Expression
        switch t.kind {
        case .variable, .splattedVariable:
            advance(t)
            guard case .variable(let path, let braced) = t.payload else { return nil }
            let ext = extent(of: t)
            if t.kind == .variable && !braced && path.qualifier == nil {
                switch path.name.lowercased() {
                case "true": expr = Expression(.constant(.bool(true)), extent: ext)
                case "false": expr = Expression(.constant(.bool(false)), extent: ext)
                case "null": expr = Expression(.constant(.null), extent: ext)
                default: expr = Expression(.variable(path, splatted: false), extent: ext)
                }
            } else {
                expr = Expression(.variable(path, splatted: t.kind == .splattedVariable), extent: ext)
            }
        case .number:
            advance(t)
            expr = Expression(.constant(t.number ?? .null), extent: extent(of: t))
        case .stringLiteral, .hereStringLiteral:
            advance(t)
            expr = Expression(.stringConstant(t.stringValue ?? "", quoting: t.kind == .stringLiteral ? .singleQuoted : .singleHereString),
                              extent: extent(of: t))
        case .stringExpandable, .hereStringExpandable:
            advance(t)
            expr = expandableString(t)
        case .lParen:
            advance(t)
            expr = parseParenthesized(t)
        case .dollarParen, .atParen:
            advance(t)
            let body = withMode(.command) { parseStatementList() }
            let close = withMode(.command) { peek() }
            if close.kind == .rParen {
                advance(close)
            } else {
                reportIncomplete("MissingEndParenthesisInSubexpression", "The subexpression is missing its closing ')'.",
                                 t.start, t.end, detectedAt: close.start)
            }
            let ext = extent(from: t.start)
            expr = Expression(t.kind == .dollarParen ? .subExpression(body) : .arrayExpression(body), extent: ext)
        case .atCurly:
            advance(t)
            expr = parseHashtable(t)
        case .lCurly:
            advance(t)
            var body = parseScriptBlockBody(start: t.start, closing: .rCurly)
            expectCloseCurly(open: t)
            body.extent = extent(from: t.start)
            expr = Expression(.scriptBlock(body), extent: body.extent)
        default:
            return nil
        }
        return expr
    }

    // G parenthesized-expression: '(' new-lines? pipeline new-lines? ')'
    private func parseParenthesized(_ open: Token) -> Expression {
        let inner: Statement? = withMode(.command) {
            skipNewlines()
            let s = parsePipelineChainStatement()
            skipNewlines()
            return s
        }
        let close = withMode(.command) { peek() }
        if inner == nil && close.kind != .rParen {
            reportIncomplete("ExpectedExpression", "Missing expression inside '( )'.", open.end, detectedAt: close.start)
        }
        if close.kind == .rParen {
            advance(close)
        } else if inner != nil {
            reportIncomplete("MissingEndParenthesisInExpression", "Missing closing ')' in the expression.", lastTokenEnd,
                             detectedAt: close.start)
        }
        let ext = extent(from: open.start)
        let statement = inner ?? Statement(.pipeline(PipelineChain(first: PipelineAst(elements: [], extent: ext))), extent: ext)
        return Expression(.paren(statement), extent: ext)
    }

    /// Builds a string expression from a double-quoted token, parsing `$( … )` parts.
    func expandableString(_ t: Token) -> Expression {
        let here = t.kind == .hereStringExpandable
        let quoting: StringQuoting = here ? .doubleHereString : .doubleQuoted
        guard case .expandable(let raw) = t.payload else {
            return Expression(.stringConstant("", quoting: quoting), extent: extent(of: t))
        }
        let parts = convertParts(raw)
        if parts.allSatisfy({ if case .literal = $0 { return true }; return false }) {
            let s = parts.map { p -> String in if case .literal(let l) = p { return l }; return "" }.joined()
            return Expression(.stringConstant(s, quoting: quoting), extent: extent(of: t))
        }
        return Expression(.expandableString(parts: parts, quoting: quoting), extent: extent(of: t))
    }

    /// Converts lexer parts to AST parts, parsing each `$( … )` as a statement list.
    func convertParts(_ raw: [ExpandablePart]) -> [StringPart] {
        raw.map { part in
            switch part {
            case .literal(let s): return .literal(s)
            case .variable(let path, _, _): return .variable(path)
            case .subExpression(let start, let end):
                let sub = Parser(file: file, lexer: Lexer(bytes: lexer.bytes, limit: end), rootLexer: rootLexer, start: start)
                sub.depth = depth
                let statements = sub.parseStatementList(topLevel: true)
                for e in sub.errors {
                    report(e.id, e.message, e.extent.startOffset, e.extent.endOffset, incomplete: e.isIncompleteInput)
                }
                return .subExpression(statements)
            }
        }
    }

    // G hash-literal: '@{' new-lines? (hash-entry statement-terminators?)* '}'
    // G hash-entry: key-expression '=' new-lines? statement
    private func parseHashtable(_ open: Token) -> Expression {
        var entries: [HashtableEntry] = []
        let old = mode
        defer { mode = old }
        while true {
            mode = .command
            skipNewlinesAndSemicolons()
            mode = .expression
            let t = peek()
            if t.kind == .rCurly {
                advance(t)
                return Expression(.hashtable(entries), extent: extent(from: open.start))
            }
            if t.kind == .endOfInput { break }
            let key: Expression
            if t.kind == .identifier {
                advance(t)
                key = Expression(.stringConstant(t.text, quoting: .bareword), extent: extent(of: t))
            } else if let k = parseUnary() {
                key = k
            } else {
                report("MissingEqualsInHashLiteral", "Missing key before '=' in the hash literal.", t.start, t.end)
                advance(t)
                continue
            }
            let eq = peek()
            guard eq.kind == .equals else {
                reportIncomplete("MissingEqualsInHashLiteral", "Missing '=' after the key in the hash literal.", eq.start,
                                 eq.end, detectedAt: eq.start)
                if eq.kind == .endOfInput { break }
                skipToHashEntryEnd()
                continue
            }
            advance(eq)
            mode = .command
            skipNewlines()
            guard let value = parseStatement() else {
                reportIncomplete("MissingStatementInHashLiteral", "Missing value after '=' in the hash literal.", eq.end,
                                 detectedAt: peek().start)
                if peek().kind == .endOfInput { break }
                continue
            }
            entries.append(HashtableEntry(key: key, value: value))
            mode = .command
            let sep = peek()
            if sep.kind != .newLine && sep.kind != .semi && sep.kind != .rCurly && sep.kind != .endOfInput {
                report("MissingEndCurlyBrace", "Missing '}' or ';' after the hash literal entry.", sep.start, sep.end)
                skipToHashEntryEnd()
            }
        }
        reportIncomplete("MissingEndCurlyBrace", "The hash literal is missing its closing '}'.", open.start, open.end,
                         detectedAt: peek().start)
        return Expression(.hashtable(entries), extent: extent(from: open.start))
    }

    private func skipToHashEntryEnd() {
        withMode(.command) {
            while true {
                let t = peek()
                if t.kind == .newLine || t.kind == .semi || t.kind == .rCurly || t.kind == .endOfInput { return }
                advance(t)
            }
        }
    }
}
